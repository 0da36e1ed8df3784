import { resolve } from 'node:path';

/** The repository, from bench/out/bench/ where this module runs compiled. */
export const REPO_ROOT = resolve(__dirname, '..', '..', '..');
export const RESULTS_DIR = resolve(REPO_ROOT, 'bench', 'results');
