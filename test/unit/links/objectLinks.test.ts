import { strict as assert } from 'node:assert';
import { publicUrl, s3Uri } from '../../../src/links/objectLinks';

describe('object links', () => {
  it('builds public URLs with each key segment encoded', () => {
    const base = 'https://pub-0123.r2.dev/';
    assert.equal(publicUrl(base, 'a b/ünï.txt'), 'https://pub-0123.r2.dev/a%20b/%C3%BCn%C3%AF.txt');
    assert.equal(publicUrl(base, 'q?x=1#frag+plus%'), 'https://pub-0123.r2.dev/q%3Fx%3D1%23frag%2Bplus%25');
    assert.equal(publicUrl('https://assets.example.com', 'double//slash'), 'https://assets.example.com/double//slash');
  });

  it('fetches the right object: the encoded path decodes back to the key', () => {
    const key = 'dir/with space+plus#hash?q%20.txt';
    const url = new URL(publicUrl('https://cdn.example.com', key));
    assert.equal(decodeURIComponent(url.pathname.slice(1)), key);
    assert.equal(url.search, '');
    assert.equal(url.hash, '');
  });

  it('writes s3 URIs with the key verbatim', () => {
    assert.equal(s3Uri('bucket', 'a b/c'), 's3://bucket/a b/c');
  });
});
