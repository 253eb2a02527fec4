import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// The `built` project checks what `npm run build` made: `npm test` runs it after the build, `npm run test:built`
// builds first. (In the unit project it failed on a fresh checkout, where out/ does not exist yet.)
const bundlePath = resolve(import.meta.dirname, '../../out/preload/index.cjs');

function requiredModules(source: string): string[] {
  const found = new Set<string>();
  for (const m of source.matchAll(/\brequire\s*\(\s*(['"`])([^'"`]+)\1\s*\)/g)) found.add(m[2] ?? '');
  return [...found];
}

describe('built preload (out/preload/index.cjs)', () => {
  it('exists (run `npm run build` first)', () => {
    expect(existsSync(bundlePath), `${bundlePath} is missing: run npm run build first`).toBe(true);
  });

  it('is CommonJS that requires nothing but electron', () => {
    if (!existsSync(bundlePath)) throw new Error(`${bundlePath} is missing: run npm run build first`);
    const source = readFileSync(bundlePath, 'utf8');
    expect(requiredModules(source)).toEqual(['electron']);
    // A sandboxed preload cannot load ES modules or evaluate dynamic imports of files.
    expect(source).not.toMatch(/^\s*import\s.+from\s/m);
    expect(source).not.toMatch(/\bimport\s*\(/);
    // One global, window.shopmesh; what it holds is checked by index.test.ts against the source.
    expect(source.match(/\.exposeInMainWorld\(/g)).toHaveLength(1);
    expect(source).toMatch(/\.exposeInMainWorld\(\s*["']shopmesh["']/);
  });
});
