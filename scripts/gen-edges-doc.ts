import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withEdgesDoc } from './edges-doc';

const path = join(import.meta.dirname, '..', 'docs', 'ARCHITECTURE.md');
writeFileSync(path, await withEdgesDoc(readFileSync(path, 'utf8'), path));
process.stdout.write('docs/ARCHITECTURE.md module edges written\n');
