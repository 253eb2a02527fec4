import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../../src-main/security/csp';

const directives = (csp: string) =>
  csp
    .split(';')
    .map((d) => d.trim())
    .filter(Boolean)
    .sort();

describe('Content-Security-Policy', () => {
  it('the renderer meta tag matches the header (frame-ancestors only works as a header)', () => {
    const html = readFileSync(
      join(import.meta.dirname, '..', '..', '..', 'src-renderer', 'index.html'),
      'utf8',
    );
    const meta = html.match(/http-equiv="Content-Security-Policy"\s+content="([^"]+)"/)?.[1];
    expect(meta).toBeDefined();
    expect(directives(meta ?? '')).toEqual(
      directives(contentSecurityPolicy).filter((d) => !d.startsWith('frame-ancestors')),
    );
  });

  it('allows no inline or remote script', () => {
    const script = directives(contentSecurityPolicy).find((d) => d.startsWith('script-src'));
    expect(script).toBe("script-src 'self'");
    expect(contentSecurityPolicy).not.toMatch(/unsafe-inline|unsafe-eval|https?:/);
  });
});
