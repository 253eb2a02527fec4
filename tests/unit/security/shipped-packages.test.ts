import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';

/**
 * SECURITY.md "Dependencies": every package that ships with the app (what `npm ci --omit=dev` installs) has
 * had its advisories looked up for its pinned version, and is listed there. A package added or bumped in
 * package-lock.json without that review fails here, as does a listed one that no longer ships.
 */
const root = join(__dirname, '..', '..', '..');

const lockfile = z.object({
  packages: z.record(
    z.string(),
    z.object({
      version: z.string().optional(),
      dev: z.boolean().optional(),
      devOptional: z.boolean().optional(),
    }),
  ),
});

/** `name@version` of every package the lockfile installs outside development (dev and dev-or-optional left out). */
function shippedPackages(lockText: string): string[] {
  const { packages } = lockfile.parse(JSON.parse(lockText));
  const shipped = new Set<string>();
  for (const [path, entry] of Object.entries(packages)) {
    if (path === '' || entry.dev || entry.devOptional) continue;
    shipped.add(`${path.replace(/^.*node_modules\//, '')}@${entry.version ?? '?'}`);
  }
  return [...shipped].sort();
}

/** The reviewed list between SECURITY.md's `shipped-packages` markers. */
function reviewedPackages(securityMd: string): string[] {
  const block = securityMd.match(/<!-- shipped-packages:start -->([\s\S]*?)<!-- shipped-packages:end -->/);
  if (!block?.[1]) throw new Error('SECURITY.md has no shipped-packages list');
  return block[1]
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('```'));
}

describe('shipped packages', () => {
  it('are exactly the ones SECURITY.md lists as reviewed, at their pinned versions', () => {
    const shipped = shippedPackages(readFileSync(join(root, 'package-lock.json'), 'utf8'));
    const reviewed = reviewedPackages(readFileSync(join(root, 'SECURITY.md'), 'utf8'));
    expect(shipped.length).toBeGreaterThan(100);
    expect({
      shippedButNotReviewed: shipped.filter((p) => !reviewed.includes(p)),
      reviewedButNotShipped: reviewed.filter((p) => !shipped.includes(p)),
    }).toEqual({ shippedButNotReviewed: [], reviewedButNotShipped: [] });
  });

  it('notices a package added to the lockfile, and a version bump', () => {
    const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { version?: string; dev?: boolean }>;
    };
    const reviewed = reviewedPackages(readFileSync(join(root, 'SECURITY.md'), 'utf8'));
    lock.packages['node_modules/left-pad'] = { version: '1.3.0' };
    lock.packages['node_modules/zod'] = { ...lock.packages['node_modules/zod'], version: '0.0.1' };
    lock.packages['node_modules/some-dev-tool'] = { version: '1.0.0', dev: true };
    const unreviewed = shippedPackages(JSON.stringify(lock)).filter((p) => !reviewed.includes(p));
    expect(unreviewed).toEqual(['left-pad@1.3.0', 'zod@0.0.1']);
  });
});
