// Pure pieces of the server whose edge cases are awkward to reach through a client.
import { strict as assert } from 'node:assert';
import { compareKeys, listKeys } from '../../support/r2server/keys';
import { canonicalPath } from '../../support/r2server/uri';
import { el, parseXml, toXmlDocument } from '../../support/r2server/xml';

describe('r2server: internals', () => {
  it('orders keys by UTF-8 bytes', () => {
    const keys = ['b', 'a', '\uFFFD', '😀', 'ab', 'a/', ''];
    const byBytes = [...keys].sort((x, y) => Buffer.compare(Buffer.from(x), Buffer.from(y)));
    assert.deepEqual([...keys].sort(compareKeys), byBytes);
  });

  it('lists with delimiter, prefix and resume point', () => {
    const keys = ['a/1', 'a/2', 'b', 'c/1', 'c/2/x', 'd'].sort(compareKeys);
    assert.deepEqual(listKeys(keys, { prefix: '', delimiter: '/', maxKeys: 2 }), {
      keys: ['b'],
      commonPrefixes: ['a/'],
      isTruncated: true,
      last: 'b',
    });
    assert.deepEqual(listKeys(keys, { prefix: '', delimiter: '/', maxKeys: 2, after: 'b' }), {
      keys: ['d'],
      commonPrefixes: ['c/'],
      isTruncated: false,
      last: 'd',
    });
    assert.deepEqual(listKeys(keys, { prefix: '', delimiter: '/', maxKeys: 5, after: 'c/' }).keys, ['d']);
    assert.deepEqual(listKeys(keys, { prefix: 'c/', delimiter: '/', maxKeys: 5 }), {
      keys: ['c/1'],
      commonPrefixes: ['c/2/'],
      isTruncated: false,
      last: 'c/2/',
    });
    assert.deepEqual(listKeys(keys, { prefix: '', maxKeys: 0 }), { keys: [], commonPrefixes: [], isTruncated: false });
  });

  it('canonicalizes paths by decoding once and encoding once', () => {
    assert.equal(canonicalPath('/b/a b!(%2F)'), '/b/a%20b%21%28%2F%29');
    assert.equal(canonicalPath('/b//x/./..'), '/b//x/./..');
  });

  it('parses entities and CDATA, refuses DTDs and mismatched tags', () => {
    const doc = parseXml(
      '<?xml version="1.0"?><!-- c --><a xmlns="x"><k>&lt;&#x41;&#66;&amp;</k><k><![CDATA[<raw>]]></k><e/></a>',
    );
    assert.deepEqual(
      doc.children.map((c) => [c.name, c.text]),
      [
        ['k', '<AB&'],
        ['k', '<raw>'],
        ['e', ''],
      ],
    );
    assert.throws(() => parseXml('<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>'));
    assert.throws(() => parseXml('<a><b></a></b>'));
    assert.throws(() => parseXml('<a>'));
  });

  it('escapes text, including control characters', () => {
    assert.match(toXmlDocument(el('K', 'a&b<c>"\u0001')), /<K xmlns="[^"]+">a&amp;b&lt;c&gt;&quot;&#x1;<\/K>/);
  });
});
