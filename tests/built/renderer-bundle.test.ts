import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { channels } from '../../src-shared/contract';

const assets = resolve(import.meta.dirname, '../../out/renderer/assets');

describe('built renderer (out/renderer/assets)', () => {
  it('carries none of the contract slices: main validates channels, the renderer never builds their schemas', () => {
    if (!existsSync(assets)) throw new Error(`${assets} is missing: run npm run build first`);
    const bundle = readdirSync(assets)
      .filter((f) => f.endsWith('.js'))
      .map((f) => readFileSync(resolve(assets, f), 'utf8'))
      .join('\n');
    // Each channel's summary is a string only its slice holds: present means the slice (and its schemas) is.
    const summaries = Object.values(channels).map((c) => c.summary.slice(0, 40));
    expect(summaries.length).toBeGreaterThan(100);
    expect(summaries.filter((s) => bundle.includes(s))).toEqual([]);
    // What the renderer does validate with is still there: the settings it edits.
    expect(bundle).toMatch(/syncIntervalMinutes:[\w$]+\(\)\.int\(\)\.min\(5\)/);
  });
});
