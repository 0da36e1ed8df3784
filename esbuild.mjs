// Bundles the extension into one CommonJS file: VS Code loads `main` with require(), and a single
// file keeps the .vsix small and activation fast (no node_modules to resolve at run time).
import * as esbuild from 'esbuild';
import { writeFile } from 'node:fs/promises';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const metafile = process.argv.includes('--metafile');

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

const ctx = await esbuild.context({
  entryPoints: ['src/extension.ts'],
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node18',
  outfile: 'dist/extension.js',
  external: ['vscode'],
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  metafile,
  // Watch mode reports through the problem matcher format; one-off builds let esbuild print.
  logLevel: watch ? 'silent' : 'warning',
  plugins: watch ? [problemReporter] : [],
});

if (watch) {
  await ctx.watch();
} else {
  const result = await ctx.rebuild();
  if (metafile) {
    await writeFile('dist/meta.json', JSON.stringify(result.metafile));
    console.log(await esbuild.analyzeMetafile(result.metafile));
  }
  await ctx.dispose();
}
