import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { childNpmEnv, npmInstall } from '../../support/vscodeHost/install';

// What `npm start` / `npm test` put in the environment of the script they run: the installer runs
// inside it, and its inner `npm install` reads every `npm_config_*` variable as its own config.
const OUTER_NPM = {
  npm_config_user_agent: 'npm/11.0.0 node/v0.0.1 linux x64 workspaces/false',
  npm_config_cache: '/nonexistent/outer-cache',
  npm_config_global_prefix: '/usr/local',
  npm_lifecycle_event: 'test',
  npm_lifecycle_script: 'node out/test/runTests.js',
  npm_package_name: 'r2-explorer',
  npm_package_json: '/work/package.json',
  npm_node_execpath: '/usr/bin/node',
  npm_execpath: '/usr/lib/node_modules/npm/bin/npm-cli.js',
  NODE: '/usr/bin/node',
};

/**
 * A package whose postinstall fails, as code-server's does, unless npm's user agent names the Node
 * it really runs on: a parent npm's agent, passed down, names another.
 */
function packageCheckingItsNode(dir: string): string {
  const check =
    "const ua=process.env.npm_config_user_agent||'';if(!ua.includes('node/'+process.version)){console.error('needs the node it runs on; user agent: '+ua);process.exit(1)}";
  mkdirSync(join(dir, 'package'), { recursive: true });
  writeFileSync(
    join(dir, 'package', 'package.json'),
    JSON.stringify({ name: 'needs-own-node', version: '1.0.0', scripts: { postinstall: `node -e "${check}"` } }),
  );
  const tarball = join(dir, 'needs-own-node-1.0.0.tgz');
  execFileSync('tar', ['czf', tarball, '-C', dir, 'package']);
  return tarball;
}

describe('test host installer', () => {
  let saved: NodeJS.ProcessEnv;
  let dir: string;
  beforeEach(() => {
    saved = { ...process.env };
    dir = mkdtempSync(join(tmpdir(), 'r2-install-'));
  });
  afterEach(() => {
    process.env = saved;
    rmSync(dir, { recursive: true, force: true });
  });

  it("gives the child npm none of the parent npm's variables, and keeps the rest", () => {
    const env = childNpmEnv(
      { ...OUTER_NPM, PATH: '/usr/bin', HOME: '/root', R2_TEST_CACHE: '/cache' },
      { npm_config_nodedir: '/node24' },
    );
    assert.deepEqual(env, { PATH: '/usr/bin', HOME: '/root', R2_TEST_CACHE: '/cache', npm_config_nodedir: '/node24' });
  });

  it('installs a package whose install script checks its Node from inside an npm script of another Node', function () {
    this.timeout(120_000);
    const tarball = packageCheckingItsNode(dir);
    Object.assign(process.env, OUTER_NPM);
    npmInstall(join(dir, 'prefix'), tarball);
    assert.ok(existsSync(join(dir, 'prefix', 'node_modules', 'needs-own-node', 'package.json')));
  });
});
