import { strict as assert } from 'node:assert';
import { publicUrl } from '../../../src/links/objectLinks';

// What "Copy Public URL" copies: exactly base + '/' + the key with each '/'-separated segment
// percent-encoded (encodeURIComponent), for the keys R2 users actually have.
describe('public URLs of odd keys', () => {
  const base = 'https://pub-0123456789abcdef.r2.dev';
  const cases: Array<[string, string]> = [
    ['photos/summer trip/beach day.jpg', 'photos/summer%20trip/beach%20day.jpg'],
    ['docs/ünïcødé 名前.txt', 'docs/%C3%BCn%C3%AFc%C3%B8d%C3%A9%20%E5%90%8D%E5%89%8D.txt'],
    ['notes/#1 hash.md', 'notes/%231%20hash.md'],
    ['search?q=r2&page=2', 'search%3Fq%3Dr2%26page%3D2'],
    ['c++/a+b=c.txt', 'c%2B%2B/a%2Bb%3Dc.txt'],
    ['100%/done.txt', '100%25/done.txt'],
  ];

  for (const [key, path] of cases) {
    it(`encodes ${JSON.stringify(key)}`, () => {
      assert.equal(publicUrl(base, key), `${base}/${path}`);
      // A browser asks for the same key: the path decodes segment by segment back to it.
      assert.equal(new URL(publicUrl(base, key)).pathname.slice(1).split('/').map(decodeURIComponent).join('/'), key);
    });
  }

  it('drops a trailing slash of the base only', () => {
    assert.equal(publicUrl(`${base}/`, 'a b'), `${base}/a%20b`);
    assert.equal(publicUrl('https://cdn.example.com/assets', '/lead'), 'https://cdn.example.com/assets//lead');
  });
});
