// The built bundles (esbuild.mjs): activation must not pay for the AWS SDK or the MIME database,
// which sit in bundles of their own and load on first use.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
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
  it('loading the extension loads none of the lazy bundles (AWS SDK, MIME database, Ajv) nor the transfer thread', () => {
    const dist = join(root, 'dist');
    assert.ok(
      ['r2.js', 'mime.js', 'ajv.js', 'transferThread.js'].every((file) => existsSync(join(dist, file))),
      'the lazy bundles and the transfer thread are built',
    );
    const loaded = JSON.parse(execFileSync(process.execPath, ['-e', PROBE, dist], { encoding: 'utf8' })) as string[];
    assert.deepEqual(loaded, [join(dist, 'extension.js')]);
  });
});
