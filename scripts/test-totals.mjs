// Sums the JSON reports of every test layer into the single closing line CI reads.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2];
let passed = 0;
let failed = 0;
let skipped = 0;
const missing = [];

for (const name of ['built', 'unit', 'renderer', 'integration']) {
  const file = join(dir, `${name}.json`);
  if (!existsSync(file)) {
    missing.push(name);
    continue;
  }
  const r = JSON.parse(readFileSync(file, 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  skipped += r.numPendingTests + (r.numTodoTests ?? 0);
}
for (const name of ['e2e', 'electron']) {
  const file = join(dir, `${name}.json`);
  if (!existsSync(file)) {
    missing.push(name);
    continue;
  }
  const s = JSON.parse(readFileSync(file, 'utf8')).stats;
  passed += s.expected + s.flaky;
  failed += s.unexpected;
  skipped += s.skipped;
}
if (missing.length) process.stdout.write(`missing reports (that layer did not run): ${missing.join(', ')}\n`);
process.stdout.write(`\nTotal: ${passed} passed, ${failed} failed, ${skipped} skipped\n`);
process.exit(failed > 0 || missing.length > 0 || passed === 0 ? 1 : 0);
