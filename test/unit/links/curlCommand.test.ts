import { strict as assert } from 'node:assert';
import { curlCommand, shellQuote } from '../../../src/links/curlCommand';

describe('curl command for a presigned URL', () => {
  const url = 'https://example.r2.cloudflarestorage.com/b/k.txt?X-Amz-Expires=60&X-Amz-Signature=ab';

  it('downloads a GET URL to the object name, uploads the file for PUT, prints headers for HEAD', () => {
    assert.equal(curlCommand('GET', url, 'k.txt'), `curl -o k.txt '${url}'`);
    assert.equal(curlCommand('PUT', url, 'k.txt'), `curl -X PUT --upload-file k.txt '${url}'`);
    assert.equal(
      curlCommand('PUT', url, 'k.txt', 'text/csv'),
      `curl -X PUT --upload-file k.txt -H 'Content-Type: text/csv' '${url}'`,
    );
    assert.equal(curlCommand('HEAD', url, 'k.txt'), `curl -I '${url}'`);
  });

  it('quotes names the shell would split or expand', () => {
    assert.equal(shellQuote('a b#1.txt'), `'a b#1.txt'`);
    assert.equal(shellQuote(`it's.txt`), `'it'\\''s.txt'`);
    assert.equal(shellQuote('$HOME'), `'$HOME'`);
    assert.equal(shellQuote('plain-name_1.txt'), 'plain-name_1.txt');
  });
});
