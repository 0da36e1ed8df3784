// The glob and .gitignore matchers of sync and Find Keys, in a module of their own so that the
// build puts them into a bundle loaded on first use (esbuild.mjs): together they are more than half
// of what activation would otherwise load, and only a sync or a find needs them.
export { default as picomatch } from 'picomatch';
export { default as ignore } from 'ignore';
export type { Ignore } from 'ignore';
