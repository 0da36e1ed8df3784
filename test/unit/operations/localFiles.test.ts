import { strict as assert } from 'node:assert';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collectLocalFiles } from '../../../src/operations/localFiles';

describe('collectLocalFiles', () => {
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'local-files-'));
    await mkdir(join(dir, 'site', 'css'), { recursive: true });
    await writeFile(join(dir, 'site', 'index.html'), '<html>');
    await writeFile(join(dir, 'site', 'css', 'a b.css'), 'body{}');
    await writeFile(join(dir, 'single.txt'), '12345');
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('keeps the selected folder name and the structure below it', async () => {
    const { files, problems } = await collectLocalFiles([join(dir, 'site'), join(dir, 'single.txt')]);
    assert.deepEqual(
      files.map((f) => [f.relativeKey, f.size]),
      [
        ['site/css/a b.css', 6],
        ['site/index.html', 6],
        ['single.txt', 5],
      ],
    );
    assert.deepEqual(problems, []);
  });

  it('reports a broken link and a link to a folder instead of dropping or following them', async () => {
    await symlink(join(dir, 'missing'), join(dir, 'site', 'broken-link'));
    await symlink(dir, join(dir, 'site', 'loop'));
    const { files, problems } = await collectLocalFiles([join(dir, 'site')]);
    assert.deepEqual(
      files.map((f) => f.relativeKey),
      ['site/css/a b.css', 'site/index.html'],
    );
    assert.deepEqual(
      problems.map((p) => [p.path.slice(dir.length), p.reason]),
      [
        ['/site/broken-link', 'it no longer exists, or is a broken link'],
        ['/site/loop', 'a link to a folder (not followed)'],
      ],
    );
  });
});
