import { strict as assert } from 'node:assert';
import { join, resolve } from 'node:path';
import { localPathFor, planLocalPaths } from '../../../src/operations/localPaths';

describe('localPathFor', () => {
  const root = resolve('/tmp/downloads');

  it('maps a key below the folder to a file inside it', () => {
    assert.deepEqual(localPathFor(root, 'photos/2024/a b.jpg'), {
      ok: true,
      path: join(root, 'photos', '2024', 'a b.jpg'),
    });
    assert.deepEqual(localPathFor(root, 'ünïcødé 名前.txt'), { ok: true, path: join(root, 'ünïcødé 名前.txt') });
  });

  it('refuses keys that would escape or are not file names', () => {
    for (const key of [
      '../evil',
      'a/../../evil',
      '/etc/passwd',
      'a//b',
      'folder/',
      '.',
      'x/./y',
      'nul\u0000byte',
      'back\\slash',
      'COM1',
      'trailing.',
      'q?.txt',
      '',
    ]) {
      const result = localPathFor(root, key);
      assert.equal(result.ok, false, key);
    }
  });

  it('refuses a file or folder name longer than 255 bytes of UTF-8, and keeps one of exactly 255', () => {
    for (const name of ['n'.repeat(255), '日'.repeat(85), `${'é'.repeat(126)}abc`]) {
      assert.equal(Buffer.byteLength(name), 255);
      assert.deepEqual(localPathFor(root, `a/${name}`), { ok: true, path: join(root, 'a', name) }, name);
      assert.equal(localPathFor(root, `${name}/b`).ok, true, name);
    }
    for (const name of ['n'.repeat(256), '日'.repeat(86), `${'é'.repeat(126)}abcd`]) {
      const result = localPathFor(root, `a/${name}`);
      assert.deepEqual(
        result,
        { ok: false, reason: `"a/${name}" has a name longer than the 255 bytes a file name may have` },
        name,
      );
      assert.equal(localPathFor(root, `${name}/b`).ok, false, name);
    }
  });

  it('refuses the Windows device names with a superscript digit, CONIN$ and CONOUT$, in any case and with any extension', () => {
    for (const name of [
      'CONIN$',
      'conout$',
      'CONIN$.txt',
      'Conout$.log',
      'COM¹',
      'com²',
      'COM³.txt',
      'LPT¹',
      'lpt².tar.gz',
      'LPT³',
      'COM0',
      'lpt0.txt',
      'nul .txt',
    ]) {
      assert.equal(localPathFor(root, name).ok, false, name);
      assert.equal(localPathFor(root, `folder/${name}/file`).ok, false, name);
    }
    // Not device names: a longer base name, or other superscripts.
    for (const name of ['CONINX', 'COM¹0', 'COM⁴', 'console.log', 'LPT10', 'com.txt']) {
      assert.equal(localPathFor(root, name).ok, true, name);
    }
  });
});

describe('planLocalPaths', () => {
  const root = resolve('/tmp/downloads');
  const item = (key: string) => ({ key, relativePath: key });
  const describeItem = (candidate: { key: string }) => `bucket/${candidate.key}`;
  const plan = (keys: string[], platform: NodeJS.Platform) => {
    const result = planLocalPaths(root, keys.map(item), describeItem, platform);
    return {
      planned: result.planned.map((planned) => [planned.key, planned.path]),
      refused: result.refused.map(({ item: refused, reason }) => [refused.key, reason]),
    };
  };

  it('skips keys that differ only in letter case on a disk that ignores case (macOS, Windows), naming the other key', () => {
    for (const platform of ['darwin', 'win32'] as const) {
      assert.deepEqual(
        plan(['a/Readme.md', 'a/README.md', 'a/other.md'], platform),
        {
          planned: [['a/other.md', join(root, 'a', 'other.md')]],
          refused: [
            [
              'a/Readme.md',
              'it would be the same file as "bucket/a/README.md" on this disk, which ignores letter case',
            ],
            [
              'a/README.md',
              'it would be the same file as "bucket/a/Readme.md" on this disk, which ignores letter case',
            ],
          ],
        },
        platform,
      );
      // Folders that differ only in case are one folder: the files in them collide too.
      assert.deepEqual(
        plan(['Docs/x', 'docs/X', 'DOCS/y'], platform).refused.map(([key]) => key),
        ['Docs/x', 'docs/X'],
        platform,
      );
    }
  });

  it('keeps keys that differ only in letter case on a disk that does not ignore it (Linux)', () => {
    assert.deepEqual(plan(['a/Readme.md', 'a/README.md'], 'linux'), {
      planned: [
        ['a/Readme.md', join(root, 'a', 'Readme.md')],
        ['a/README.md', join(root, 'a', 'README.md')],
      ],
      refused: [],
    });
  });

  it('treats the two Unicode forms of a name as one file on macOS only', () => {
    const composed = 'caf\u00e9.txt';
    const decomposed = 'cafe\u0301.txt';
    assert.deepEqual(plan([composed, decomposed], 'darwin').planned, []);
    assert.equal(plan([composed, decomposed], 'win32').planned.length, 2);
    assert.equal(plan([composed, decomposed], 'linux').planned.length, 2);
  });

  it('skips keys that would be written to the same file on any disk', () => {
    const result = planLocalPaths(
      root,
      [
        { key: 'photos/x.jpg', relativePath: 'photos/x.jpg' },
        { key: 'x.jpg', relativePath: 'photos/x.jpg' },
      ],
      describeItem,
      'linux',
    );
    assert.deepEqual(result.planned, []);
    assert.deepEqual(
      result.refused.map(({ reason }) => reason),
      [
        'it would be written to the same file as "bucket/x.jpg"',
        'it would be written to the same file as "bucket/photos/x.jpg"',
      ],
    );
  });

  it('skips a file whose name is also the folder of other keys', () => {
    assert.deepEqual(plan(['a/x', 'a/x/y', 'a/x/z'], 'linux'), {
      planned: [
        ['a/x/y', join(root, 'a', 'x', 'y')],
        ['a/x/z', join(root, 'a', 'x', 'z')],
      ],
      refused: [['a/x', 'a folder for "bucket/a/x/y" would have the same name']],
    });
    assert.deepEqual(plan(['a/X', 'a/x/y'], 'darwin').refused, [
      ['a/X', 'a folder for "bucket/a/x/y" would have the same name on this disk, which ignores letter case'],
    ]);
    assert.equal(plan(['a/X', 'a/x/y'], 'linux').refused.length, 0);
  });

  it('reports names that are not safe with their reason, and plans the rest', () => {
    assert.deepEqual(plan(['../evil', 'fine.txt'], 'linux'), {
      planned: [['fine.txt', join(root, 'fine.txt')]],
      refused: [['../evil', '"../evil" has an empty, "." or ".." path segment']],
    });
  });
});
