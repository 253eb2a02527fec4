import type { AccountsList } from '@shared/accounts';

const profileLine: Record<string, string> = {
  sandbox: 'the built-in sandbox (a simulator; no real shop is contacted)',
  production: 'live (your own TikTok app keys)',
  custom: 'custom endpoints',
};

const counted = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * The short status `npm start` prints under the URL: what the app talks to, what is connected, whether the
 * secure storage waits for a passphrase and where the log is. English only: it is the terminal of whoever
 * started the app, before any language is chosen; everything else goes to the log file.
 */
export function statusLines(input: { profile: string; list: AccountsList; logFile: string }): string {
  const { accounts, vault } = input.list;
  // What the merchant knows: shops and ad accounts, not the authorizations that reach them.
  const shops = accounts.reduce((n, a) => n + (a.provider === 'shop' ? a.shops.length : 0), 0);
  const advertisers = accounts.reduce((n, a) => n + (a.provider === 'ads' ? a.advertisers.length : 0), 0);
  const signedIn = accounts.some((a) => a.provider === 'identity');
  const lines = [
    `  TikTok: ${profileLine[input.profile] ?? input.profile}`,
    `  Connected: ${counted(shops, 'shop', 'shops')}, ${counted(advertisers, 'ad account', 'ad accounts')}${signedIn ? ', signed in with TikTok' : ''}`,
    vault.state === 'locked'
      ? '  Secure storage is locked: open the link and enter your passphrase.'
      : '  Secure storage: unlocked',
    `  Log: ${input.logFile} (SHOPMESH_LOG_LEVEL=debug shows it here too)`,
    '  Press Ctrl+C to stop.',
  ];
  return `${lines.join('\n')}\n`;
}
