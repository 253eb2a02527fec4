import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { AccountsList } from '../../../src-shared/accounts';
import { secretOwner } from '../../../src-main/accounts/types';
import { connectThrough, makeAccountsApp, sandboxAdmin } from '../../helpers/accounts';
import { makeTempDir } from '../../helpers/tmp';

/**
 * Runs every flow, refreshes and disconnects, then looks for each token (and auth code) everywhere a leak
 * could land: the log files, every IPC reply and event, and the raw bytes of the database and its WAL.
 * Uses the real OS keychain (run inside the D-Bus session with gnome-keyring, see scripts/test-all.sh).
 */
const tmp = makeTempDir();
afterAll(() => tmp.cleanup());
const previousLevel = process.env.SHOPMESH_LOG_LEVEL;

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)],
  );
}

describe('tokens never leave the vault', () => {
  it('finds no token in logs, IPC results, events or the database bytes', async () => {
    process.env.SHOPMESH_LOG_LEVEL = 'debug';
    const t = await makeAccountsApp({ dataDir: tmp.dir, env: {}, logger: undefined, transport: 'electron' });
    const secrets = new Set<string>();
    const collect = (id: string) => {
      for (const kind of ['access_token', 'refresh_token']) {
        const v = t.app.vault.getSecret(secretOwner(id), kind);
        if (v) secrets.add(v);
      }
    };
    try {
      expect(
        (await t.invoke<AccountsList>('accounts:list')).vault.state,
        'keychain reachable (run inside dbus)',
      ).toBe('unlocked');
      const ids: string[] = [];
      for (const provider of ['shop', 'ads', 'identity'] as const) {
        const { result, visit } = await connectThrough(t, provider);
        expect(result.outcome).toBe('connected');
        ids.push(result.accountId!);
        collect(result.accountId!);
        const code = visit.redirect.searchParams.get('code') ?? visit.redirect.searchParams.get('auth_code');
        if (code) secrets.add(code);
      }
      // Rotate: the old and the new tokens must both stay hidden.
      await t.app.accounts.tokens.refreshNow(ids[0]!);
      await t.app.accounts.tokens.refreshNow(ids[2]!);
      ids.forEach(collect);
      // A refused refresh and a revocation exercise the error paths and their log lines.
      await sandboxAdmin(t.sandbox, 'POST', '/tokens/expire', { provider: 'login', which: 'both' });
      // Refused before its lifetime is up, a Login Kit refresh token means the grant was withdrawn.
      await expect(t.app.accounts.tokens.refreshNow(ids[2]!)).rejects.toMatchObject({ code: 'AUTH_REVOKED' });
      await t.invoke('identity:get');
      await t.invoke('accounts:list');
      await t.invoke('accounts:disconnect', { accountId: ids[1]!, deleteData: 'scheduled' });
      await t.invoke('accounts:list');
      expect(secrets.size).toBeGreaterThanOrEqual(10);

      const haystacks: Array<[string, Buffer]> = [
        ['IPC replies', Buffer.from(JSON.stringify(t.replies))],
        ['events', Buffer.from(JSON.stringify(t.events))],
      ];
      for (const f of filesUnder(t.dataDir))
        if (/shopmesh\.db/.test(f)) haystacks.push([`${f} (running)`, readFileSync(f)]);
      await t.cleanup();
      await new Promise((r) => setTimeout(r, 200)); // the log stream flushes asynchronously
      const files = filesUnder(t.dataDir);
      expect(files.some((f) => f.endsWith('shopmesh.log'))).toBe(true);
      for (const f of files) haystacks.push([f, readFileSync(f)]);

      for (const [where, bytes] of haystacks) {
        for (const secret of secrets) {
          expect(bytes.includes(Buffer.from(secret)), `a secret found in ${where}`).toBe(false);
        }
      }
      // Sanity: the needles are searchable at all (the log does contain the connect lines).
      const log = readFileSync(join(t.dataDir, 'logs', 'shopmesh.log'), 'utf8');
      expect(log).toContain('account connected');
    } finally {
      process.env.SHOPMESH_LOG_LEVEL = previousLevel;
      await t.cleanup();
    }
  });
});
