// Bundles the extension into CommonJS files: VS Code loads `main` with require(), and bundles keep
// the .vsix small (no node_modules to resolve at run time).
//
// Activation must be quick, and most of the code by weight is the AWS SDK (and mime-types' database)
// that no activation needs: R2 is first contacted when the user expands a node or runs a command.
// So those go into bundles of their own, and the main bundle reaches them through a stand-in whose
// exports load the real bundle on first use.
import * as esbuild from 'esbuild';
import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const metafile = process.argv.includes('--metafile');

/** Modules loaded on first use, each bundled alone: what imports them, and the file it becomes. */
const lazyBundles = [
  { entry: 'src/r2/index.ts', importedAs: /(^|\/)r2(\/index)?$/, outfile: 'dist/r2.js' },
  { entry: 'mime-types', importedAs: /^mime-types$/, outfile: 'dist/mime.js' },
  // JSON schema checks of agent tools' input: only when an agent first calls a tool.
  { entry: 'ajv', importedAs: /^ajv$/, outfile: 'dist/ajv.js' },
  // Sync's and Find Keys' matchers: only when one of them runs.
  { entry: 'src/operations/globs.ts', importedAs: /(^|\/)globs$/, outfile: 'dist/globs.js' },
];

/**
 * Loaded on first use by dist/r2.js itself: the AWS SDK, which the first command built loads
 * (src/r2/sdk.ts). Listing, what browsing sends, needs no command.
 */
const sdkBundle = { entry: 'src/r2/sdk.ts', importedAs: /^\.\/sdk$/, outfile: 'dist/sdk.js' };

const common = {
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node18',
  external: ['vscode'],
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  metafile,
  // Watch mode reports through the problem matcher format; one-off builds let esbuild print.
  logLevel: watch ? 'silent' : 'warning',
};

/** Prints esbuild's problems in the form VS Code's `$esbuild-watch` problem matcher reads. */
const problemReporter = {
  name: 'problem-reporter',
  setup(build) {
    build.onStart(() => console.log('[watch] build started'));
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) {
          console.error(`    ${location.file}:${location.line}:${location.column}:`);
        }
      }
      console.log('[watch] build finished');
    });
  },
};

/**
 * Replaces each lazy module, where the main bundle imports it, with a stand-in that has the same
 * export names (read from the built lazy bundle) as getters that require the bundle when first read.
 * esbuild turns `import { x } from '...'` into a property read at each use, so nothing loads early.
 */
function lazyImports(bundles, exportNames) {
  return {
    name: 'lazy-imports',
    setup(build) {
      for (const [index, lazy] of bundles.entries()) {
        build.onResolve({ filter: lazy.importedAs }, (args) =>
          args.namespace === 'lazy' ? undefined : { path: String(index), namespace: 'lazy' });
      }
      build.onResolve({ filter: /^\.\/[\w-]+\.js$/, namespace: 'lazy' }, (args) => ({ path: args.path, external: true }));
      build.onLoad({ filter: /.*/, namespace: 'lazy' }, (args) => {
        const lazy = bundles[Number(args.path)];
        const names = exportNames.get(lazy.outfile);
        return {
          loader: 'js',
          contents: [
            'let loaded;',
            `const load = () => (loaded ??= require('./${lazy.outfile.slice('dist/'.length)}'));`,
            ...names.map((name) => `Object.defineProperty(exports, ${JSON.stringify(name)}, { enumerable: true, get: () => load()[${JSON.stringify(name)}] });`),
          ].join('\n'),
        };
      });
    },
  };
}

/**
 * `import * as vscode from 'vscode'` becomes `__toESM(require('vscode'))` in each of the ~50
 * modules that have it, and __toESM copies every one of the API's hundreds of properties each time,
 * at load. TypeScript's `import vscode = require('vscode')` means the same here (the API object is
 * one CommonJS export) and bundles to a plain require, so sources are read that way. And every
 * module gets it from one shared module: VS Code answers each require('vscode') by looking up
 * which extension is asking, so it is asked once.
 */
const oneVscodeRequire = {
  name: 'one-vscode-require',
  setup(build) {
    build.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, async (args) => ({
      loader: 'ts',
      contents: (await readFile(args.path, 'utf8')).replace(/^import \* as vscode from 'vscode';$/m, "import vscode = require('vscode');"),
    }));
    build.onResolve({ filter: /^vscode$/ }, (args) =>
      args.namespace === 'vscode-api' ? { path: 'vscode', external: true } : { path: 'vscode', namespace: 'vscode-api' });
    build.onLoad({ filter: /.*/, namespace: 'vscode-api' }, () => ({ loader: 'js', contents: "module.exports = require('vscode');" }));
  },
};

/** The names a built CommonJS bundle exports; loading it here is the one sure way to know them. */
function exportsOf(outfile) {
  const path = resolve(outfile);
  const require = createRequire(import.meta.url);
  delete require.cache[path];
  return Object.keys(require(path));
}

const exportNames = new Map();
const lazyContext = async (lazy, plugins) => {
  const ctx = await esbuild.context({ ...common, entryPoints: [lazy.entry], outfile: lazy.outfile, plugins: [...plugins, ...(watch ? [problemReporter] : [])] });
  const result = await ctx.rebuild();
  exportNames.set(lazy.outfile, exportsOf(lazy.outfile));
  return { ctx, result };
};
// The SDK first: dist/r2.js is built with stand-ins for its exports.
const sdk = await lazyContext(sdkBundle, []);
const lazyBuilt = [sdk, ...(await Promise.all(lazyBundles.map((lazy) =>
  lazyContext(lazy, lazy === lazyBundles[0] ? [lazyImports([sdkBundle], exportNames)] : []))))];
const lazyContexts = lazyBuilt.map((built) => built.ctx);
const lazyResults = lazyBuilt.map((built) => built.result);

// The main bundle's stand-ins only change when a lazy module's exports do; watch rebuilds the
// lazy bundles themselves on their own.
const main = await esbuild.context({
  ...common,
  entryPoints: ['src/extension.ts'],
  outfile: 'dist/extension.js',
  plugins: [lazyImports(lazyBundles, exportNames), oneVscodeRequire, ...(watch ? [problemReporter] : [])],
});
// The transfer thread's script (src/transfers/threadMain.ts), started on the first large transfer:
// it reaches the S3 layer through dist/r2.js as the main bundle does, rather than a copy of its own.
const transferThread = await esbuild.context({
  ...common,
  entryPoints: ['src/transfers/threadMain.ts'],
  outfile: 'dist/transferThread.js',
  plugins: [lazyImports(lazyBundles, exportNames), ...(watch ? [problemReporter] : [])],
});
const entries = [main, transferThread];

if (watch) {
  await Promise.all([...entries, ...lazyContexts].map((ctx) => ctx.watch()));
} else {
  const results = await Promise.all(entries.map((ctx) => ctx.rebuild()));
  if (metafile) {
    const metafiles = [...results.map((r) => r.metafile), ...lazyResults.map((r) => r.metafile)];
    await writeFile('dist/meta.json', JSON.stringify(metafiles.reduce((all, m) => ({ inputs: { ...all.inputs, ...m.inputs }, outputs: { ...all.outputs, ...m.outputs } }))));
    for (const m of metafiles) {
      console.log(await esbuild.analyzeMetafile(m));
    }
  }
  await Promise.all([...entries, ...lazyContexts].map((ctx) => ctx.dispose()));
}
