import { describe, expect, it } from 'vitest';
import { makeTestApp } from '../../helpers/app';

/**
 * docs/accounts.md: the embedded sandbox's admin token is random per run, and SHOPMESH_SANDBOX_ADMIN_TOKEN
 * fixes it (issue 15 item 8: the app ignored the variable, so a script written against it got 401).
 */
describe('embedded sandbox admin token', () => {
  it('is the one SHOPMESH_SANDBOX_ADMIN_TOKEN names', async () => {
    const fixed = 'fixed-admin-token-for-scripts';
    const t = await makeTestApp({ env: { SHOPMESH_SANDBOX_ADMIN_TOKEN: fixed } });
    try {
      const base = t.app.sandbox?.adminBase;
      expect(base).toBeDefined();
      const ask = (token: string) =>
        fetch(`${base}/state`, { headers: { authorization: `Bearer ${token}` } }).then((r) => r.status);
      expect(await ask(fixed)).toBe(200);
      expect(await ask('some-other-token')).toBe(401);
    } finally {
      await t.cleanup();
    }
  });

  it('is random per run without it', async () => {
    const runs = [await makeTestApp(), await makeTestApp()];
    try {
      const [a, b] = runs.map((t) => t.app.sandbox?.adminToken);
      expect(a).toBeTruthy();
      expect(a).not.toBe(b);
    } finally {
      for (const t of runs) await t.cleanup();
    }
  });
});
