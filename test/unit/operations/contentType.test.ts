import { strict as assert } from 'node:assert';
import { contentTypeFor } from '../../../src/operations/contentType';

// [file name, Content-Type sent]: from the extension only; none, or an unknown one, is binary.
const TABLE: ReadonlyArray<[string, string]> = [
  ['dir', 'application/octet-stream'],
  ['html', 'application/octet-stream'],
  ['exe', 'application/octet-stream'],
  ['.html', 'application/octet-stream'],
  ['a.html', 'text/html; charset=utf-8'],
  ['a.HTML', 'text/html; charset=utf-8'],
  ['archive.tar.gz', 'application/gzip'],
  ['README', 'application/octet-stream'],
  ['.bashrc', 'application/octet-stream'],
  ['x.unknownext', 'application/octet-stream'],
  ['photo.jpg', 'image/jpeg'],
  ['trailing.', 'application/octet-stream'],
];

describe('contentTypeFor', () => {
  for (const [name, type] of TABLE) {
    it(`${name} → ${type}`, () => {
      assert.equal(contentTypeFor(name), type);
    });
  }
});
