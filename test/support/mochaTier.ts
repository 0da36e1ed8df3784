// Runs one plain-Node tier in its own process, so each tier gets a clean environment:
//   node out/test/support/mochaTier.js <result.json> <dir>...
import { findTestFiles, runMochaFiles } from './mochaSuite';

const [resultFile, ...dirs] = process.argv.slice(2);
void runMochaFiles(dirs.flatMap(findTestFiles), resultFile).then((counts) => {
  process.exitCode = counts.failed > 0 ? 1 : 0;
});
