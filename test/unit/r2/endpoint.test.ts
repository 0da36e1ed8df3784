import { strict as assert } from 'node:assert';
import { isLoopbackEndpoint, resolveEndpoint } from '../../../src/r2';

// [endpoint, loopback?, why]
const TABLE: ReadonlyArray<[string, boolean, string]> = [
  ['http://localhost:9000', true, 'localhost'],
  ['http://LOCALHOST:9000', true, 'host names are case-insensitive'],
  ['http://127.0.0.1:9000', true, '127/8'],
  ['http://127.255.255.254', true, '127/8, last usable'],
  ['http://127.1:9000', true, 'short IPv4 form of 127.0.0.1'],
  ['http://0x7f.0.0.1', true, 'hexadecimal IPv4 form of 127.0.0.1'],
  ['http://2130706433', true, 'one-number IPv4 form of 127.0.0.1'],
  ['https://127.0.0.1', true, 'the scheme does not change where the host is'],
  ['http://[::1]:9000', true, 'IPv6 loopback'],
  ['http://[0:0:0:0:0:0:0:1]', true, 'IPv6 loopback, uncompressed'],
  ['http://[::ffff:127.0.0.1]:9000', true, 'IPv4-mapped 127.0.0.1'],
  ['http://[::ffff:127.12.34.56]', true, 'IPv4-mapped 127/8'],
  ['http://[0:0:0:0:0:ffff:7f00:1]', true, 'IPv4-mapped 127.0.0.1, in hex'],
  ['http://user@127.0.0.1', true, 'credentials do not move the host'],
  ['http://0.0.0.0:9000', false, '0.0.0.0: the local host on Linux, refused on Windows'],
  ['http://0:9000', false, 'short form of 0.0.0.0'],
  ['http://[::]:9000', false, 'the IPv6 unspecified address'],
  ['http://[::ffff:0.0.0.0]', false, 'IPv4-mapped 0.0.0.0'],
  ['http://[::ffff:10.0.0.1]', false, 'IPv4-mapped private address'],
  ['http://[::127.0.0.1]', false, 'IPv4-compatible (deprecated) is not mapped'],
  ['http://[64:ff9b::127.0.0.1]', false, 'NAT64 prefix'],
  ['http://[::2]', false, 'not ::1'],
  ['http://128.0.0.1', false, 'outside 127/8'],
  ['http://126.255.255.255', false, 'outside 127/8'],
  ['http://10.0.0.5:9000', false, 'private network'],
  ['http://192.168.1.20', false, 'private network'],
  ['http://localhost.', false, 'fully qualified: may be asked of DNS'],
  ['http://api.localhost', false, 'a subdomain: may be asked of DNS'],
  ['http://localhost.example.com', false, 'a name that only starts with localhost'],
  ['http://127.0.0.1.nip.io', false, 'a DNS name that only starts with 127'],
  ['http://minio.example.com:9000', false, 'a remote name'],
  ['not a url', false, 'not a URL'],
  ['', false, 'empty'],
];

describe('isLoopbackEndpoint', () => {
  for (const [url, loopback, why] of TABLE) {
    it(`${url || '(empty)'} is ${loopback ? '' : 'not '}loopback (${why})`, () => {
      assert.equal(isLoopbackEndpoint(url), loopback);
    });
  }

  it('resolveEndpoint warns about plain http exactly when the host is not loopback', () => {
    for (const [url, loopback] of TABLE.filter(([url]) => url.startsWith('http://') && !url.includes('@'))) {
      const warnings = resolveEndpoint({ kind: 'custom', url }).warnings.map((warning) => warning.code);
      assert.deepEqual(warnings, loopback ? [] : ['InsecureHttp'], url);
    }
    assert.deepEqual(resolveEndpoint({ kind: 'custom', url: 'https://minio.example.com' }).warnings, []);
  });
});
