import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { channelNames, eventNames } from '@shared/contract';
import { renderApiDocs } from '../../../scripts/api-docs';

describe('docs/API.md', () => {
  it('matches the contract (run `npm run docs:api` after changing a channel)', () => {
    const onDisk = readFileSync(join(import.meta.dirname, '..', '..', '..', 'docs', 'API.md'), 'utf8');
    expect(onDisk).toBe(renderApiDocs());
  });

  it('documents every channel and event', () => {
    const doc = renderApiDocs();
    for (const name of [...channelNames, ...eventNames]) expect(doc).toContain(`### \`${name}\``);
  });
});
