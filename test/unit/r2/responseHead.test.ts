// The direct GET follows only answers whose body it can delimit: everything else goes to node:http.
import assert from 'node:assert/strict';
import { parseResponseHead } from '../../../src/r2/responseHead';

const head = (...lines: string[]) => lines.join('\r\n');

describe('r2 response heads (direct GET)', () => {
  it('reads the status, the headers by lower-case name and the body length of a ranged answer', () => {
    const parsed = parseResponseHead(
      head(
        'HTTP/1.1 206 Partial Content',
        'Content-Length: 1024',
        'Content-Range: bytes 0-1023/4096',
        'ETag: "abc"',
        'x-amz-meta-Colour:  blue ',
      ),
    );
    assert.deepEqual(parsed, {
      status: 206,
      headers: {
        'content-length': '1024',
        'content-range': 'bytes 0-1023/4096',
        etag: '"abc"',
        'x-amz-meta-colour': 'blue',
      },
      bodyLength: 1024,
      keepAlive: true,
    });
  });

  it('joins a repeated header, and keeps no connection the server closes or that speaks HTTP/1.0', () => {
    assert.equal(
      parseResponseHead(head('HTTP/1.1 200 OK', 'Vary: a', 'Vary: b', 'Content-Length: 0'))?.headers.vary,
      'a, b',
    );
    assert.equal(
      parseResponseHead(head('HTTP/1.1 200 OK', 'Connection: Close', 'Content-Length: 0'))?.keepAlive,
      false,
    );
    assert.equal(parseResponseHead(head('HTTP/1.0 200 OK', 'Content-Length: 0'))?.keepAlive, false);
  });

  it('knows that a 304 has no body, whatever its Content-Length', () => {
    assert.equal(parseResponseHead(head('HTTP/1.1 304 Not Modified', 'Content-Length: 99'))?.bodyLength, 0);
    assert.equal(parseResponseHead(head('HTTP/1.1 304 Not Modified'))?.bodyLength, 0);
  });

  it('refuses a body whose end the head does not give: chunked, or without a length', () => {
    assert.equal(parseResponseHead(head('HTTP/1.1 200 OK', 'Transfer-Encoding: chunked')), undefined);
    assert.equal(
      parseResponseHead(head('HTTP/1.1 200 OK', 'Transfer-Encoding: chunked', 'Content-Length: 10')),
      undefined,
    );
    assert.equal(parseResponseHead(head('HTTP/1.1 200 OK')), undefined);
    assert.equal(parseResponseHead(head('HTTP/1.1 200 OK', 'Content-Length: 1, 1')), undefined);
    assert.equal(parseResponseHead(head('HTTP/1.1 200 OK', 'Content-Length: -1')), undefined);
  });

  it('refuses what is not an HTTP/1.x head: another version, a folded header, a broken line', () => {
    assert.equal(parseResponseHead(head('HTTP/2 200', 'Content-Length: 0')), undefined);
    assert.equal(parseResponseHead(head('HTTP/1.1 200 OK', 'Content-Length: 0', 'X-Long: a', ' folded')), undefined);
    assert.equal(parseResponseHead(head('HTTP/1.1 200 OK', 'no colon here')), undefined);
    assert.equal(parseResponseHead('<html>'), undefined);
  });
});
