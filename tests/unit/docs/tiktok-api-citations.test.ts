import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..', '..');
const scanned = ['src-main', 'src-shared', 'src-renderer/src', 'src-preload', 'tests', 'scripts', 'docs'];

function files(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...files(path));
    else if (/\.(ts|tsx|mjs|md)$/.test(name)) out.push(path);
  }
  return out;
}

const sources = scanned.flatMap((d) => files(join(root, d))).concat(join(root, 'README.md'));
const self = relative(root, import.meta.filename);

/**
 * What the code relies on from TikTok lives in the project's own docs/tiktok-api/, so a clone has it: a
 * citation must name a file that exists there, and nothing may point at reading notes outside the repository.
 */
describe('citations of TikTok facts', () => {
  it('name a file of docs/tiktok-api/ that exists', () => {
    const missing: string[] = [];
    for (const file of sources) {
      for (const m of readFileSync(file, 'utf8').matchAll(/tiktok-api\/([\w-]+\.md)/g)) {
        if (!existsSync(join(root, 'docs', 'tiktok-api', m[1] ?? '')))
          missing.push(`${relative(root, file)}: ${m[0]}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('never point at notes outside the repository', () => {
    const outside = /\.\.\/shared\/|shared\/tiktok-api|\b(shop-api|platform-rules|ads-and-login-kit)\.md\b/;
    const found = sources
      .filter((file) => relative(root, file) !== self && outside.test(readFileSync(file, 'utf8')))
      .map((file) => relative(root, file));
    expect(found).toEqual([]);
  });
});
