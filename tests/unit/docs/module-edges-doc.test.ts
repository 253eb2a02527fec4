import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main, renderer } from '../../../module-edges.mjs';
import { renderEdgesDoc, withEdgesDoc } from '../../../scripts/edges-doc';

describe('docs/ARCHITECTURE.md module edges', () => {
  it('matches module-edges.mjs (run `npm run docs:edges` after changing an edge)', async () => {
    const path = join(import.meta.dirname, '..', '..', '..', 'docs', 'ARCHITECTURE.md');
    const onDisk = readFileSync(path, 'utf8');
    expect(onDisk).toBe(await withEdgesDoc(onDisk, path));
  }, 30_000);

  it('draws every declared folder', () => {
    const doc = renderEdgesDoc();
    for (const name of Object.keys(main)) expect(doc).toContain(`\`src-main/${name}\``);
    for (const name of Object.keys(renderer)) expect(doc).toContain(`\`src-renderer/src/${name}\``);
  });
});
