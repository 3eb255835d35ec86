// Prints the gzipped size of the bundle and fails the build over budget.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const BUDGET_BYTES = 25 * 1024;
const bundle = readFileSync(new URL('../dist/widget.js', import.meta.url));
const bytes = gzipSync(bundle, { level: 9 }).length;

console.log(`widget.js gzipped: ${bytes} bytes`);
if (bytes > BUDGET_BYTES) {
  console.error(`over the ${BUDGET_BYTES} byte budget`);
  process.exit(1);
}
