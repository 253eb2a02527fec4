import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderApiDocs } from './api-docs';

writeFileSync(join(import.meta.dirname, '..', 'docs', 'API.md'), renderApiDocs());
process.stdout.write('docs/API.md written\n');
