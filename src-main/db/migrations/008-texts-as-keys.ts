import type { Migration } from './migration';

/**
 * Status reasons and sync errors were stored as English sentences; from here on they are texts (catalogue
 * key + params, as JSON) that the renderer translates. Known sentences become their keys; TikTok refusals
 * ("TikTok Shop: <message> (code N)") keep TikTok's message as a parameter. The keys are written out here,
 * not imported, because a migration must keep doing what it did when it shipped.
 */
const accountReasons: Record<string, string> = {
  'TikTok no longer accepts this sign-in (it expired or was ended). Reconnect to keep this account working.':
    'accounts.statusReason.expired',
  'TikTok reports that access for ShopMesh was removed. Reconnect to keep this account working.':
    'accounts.statusReason.revoked',
  'The saved sign-in for this account is gone (the vault was reset). Reconnect it.':
    'accounts.statusReason.missingTokens',
  'Disconnected in ShopMesh.': 'accounts.statusReason.disconnected',
};

const syncErrors: Record<string, string> = {
  'ShopMesh stopped before this sync finished; the next sync resumes where it stopped.':
    'sync.errors.interrupted',
  'Sync cancelled': 'sync.errors.cancelled',
  'Sync stopped: the Account is no longer connected': 'sync.errors.accountGone',
  'TikTok Shop reports no authorized shop for this Account. Reconnect it.': 'sync.errors.noShop',
  'TikTok Ads reports no ad account for this Account. Reconnect it.': 'sync.errors.noAdvertiser',
  'Unexpected error while syncing': 'errors.code.INTERNAL',
};

const refusal = /^(TikTok [^:]+): (.*) \(code (-?\w+)\)$/s;

type Text = { key: string; params: Record<string, string | number> };

export function accountReasonText(english: string, status: string): Text {
  const key = accountReasons[english];
  if (key) return { key, params: {} };
  return {
    key: status === 'revoked' ? 'accounts.statusReason.revoked' : 'accounts.statusReason.expired',
    params: {},
  };
}

export function syncErrorText(english: string): Text {
  const key = syncErrors[english];
  if (key) return { key, params: {} };
  const m = refusal.exec(english);
  if (m) return { key: 'tiktok.errors.refused', params: { service: m[1]!, message: m[2]!, code: m[3]! } };
  return { key: 'sync.errors.earlierFailure', params: { english } };
}

/** Already a stored text (a database restored from a backup taken after this migration, say). */
function isStoredText(value: string): boolean {
  return value.startsWith('{"key":');
}

export const m008TextsAsKeys: Migration = {
  version: 8,
  name: 'texts as keys',
  // Idempotent (stored texts are skipped), so when in doubt it runs again.
  alreadyApplied: () => false,
  up(db) {
    const accounts = db
      .prepare('SELECT id, status, status_reason FROM accounts WHERE status_reason IS NOT NULL')
      .all() as Array<{ id: string; status: string; status_reason: string }>;
    const setReason = db.prepare('UPDATE accounts SET status_reason = ? WHERE id = ?');
    for (const a of accounts) {
      if (isStoredText(a.status_reason)) continue;
      setReason.run(JSON.stringify(accountReasonText(a.status_reason, a.status)), a.id);
    }
    const runs = db.prepare('SELECT id, error FROM sync_runs WHERE error IS NOT NULL').all() as Array<{
      id: string;
      error: string;
    }>;
    const setRun = db.prepare('UPDATE sync_runs SET error = ? WHERE id = ?');
    for (const r of runs)
      if (!isStoredText(r.error)) setRun.run(JSON.stringify(syncErrorText(r.error)), r.id);
    const resources = db
      .prepare('SELECT rowid AS id, error FROM sync_run_resources WHERE error IS NOT NULL')
      .all() as Array<{ id: number; error: string }>;
    const setResource = db.prepare('UPDATE sync_run_resources SET error = ? WHERE rowid = ?');
    for (const r of resources) {
      if (!isStoredText(r.error)) setResource.run(JSON.stringify(syncErrorText(r.error)), r.id);
    }
  },
};
