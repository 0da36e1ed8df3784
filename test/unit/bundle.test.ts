// The built bundles (esbuild.mjs): activation must not pay for the AWS SDK, the MIME database, Ajv
// or the glob matchers, which sit in bundles of their own and load on first use.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '..', '..', '..');

/**
 * Loads dist/extension.js in a fresh Node with a stand-in for the `vscode` module (any property
 * read, call or `new` gives another stand-in) and prints which of the lazy bundles got loaded.
 */
const PROBE = `
const Module = require('node:module');
const stand = new Proxy(function () {}, {
  get: (_, name) => (name === 'then' ? undefined : stand),
  apply: () => stand,
  construct: () => stand,
});
const load = Module._load;
Module._load = function (request, ...rest) {
  return request === 'vscode' ? stand : load.call(this, request, ...rest);
};
const dist = process.argv[1];
require(require('node:path').join(dist, 'extension.js'));
process.stdout.write(JSON.stringify(Object.keys(require.cache).filter((file) => file.startsWith(dist))));
`;

describe('bundles', () => {
  const dist = join(root, 'dist');

  it('loading the extension loads none of the lazy bundles (AWS SDK, MIME database, Ajv, globs) nor the transfer thread', () => {
    assert.ok(
      ['r2.js', 'sdk.js', 'mime.js', 'ajv.js', 'globs.js', 'transferThread.js'].every((file) =>
        existsSync(join(dist, file)),
      ),
      'the lazy bundles and the transfer thread are built',
    );
    const loaded = JSON.parse(execFileSync(process.execPath, ['-e', PROBE, dist], { encoding: 'utf8' })) as string[];
    assert.deepEqual(loaded, [join(dist, 'extension.js')]);
  });

  it('the main bundle holds no glob matcher: picomatch and ignore are in globs.js', () => {
    const main = readFileSync(join(dist, 'extension.js'), 'utf8');
    const globs = readFileSync(join(dist, 'globs.js'), 'utf8');
    // An error message of each library's own, present in its code however it is minified.
    for (const marker of ['Expected pattern to be a non-empty string', 'path must be a string']) {
      assert.ok(globs.includes(marker), `globs.js holds "${marker}"`);
      assert.ok(!main.includes(marker), `extension.js does not hold "${marker}"`);
    }
  });

  it('the .vsix ships every bundle the build writes (.vscodeignore)', function () {
    this.timeout(60_000);
    const built = readdirSync(dist).filter((file) => file.endsWith('.js'));
    const listed = execFileSync(join(root, 'node_modules', '.bin', 'vsce'), ['ls', '--no-dependencies'], {
      cwd: root,
      encoding: 'utf8',
    });
    const shipped = listed.split('\n').filter((file) => file.startsWith('dist/'));
    assert.deepEqual(shipped.sort(), built.map((file) => `dist/${file}`).sort());
  });
});
