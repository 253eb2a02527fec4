import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ShopmeshApp } from '../../../src-main/app';
import { makeTestApp } from '../../helpers/app';

let app: ShopmeshApp;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ app, cleanup } = await makeTestApp()));
afterEach(async () => cleanup());

/**
 * A validation error names what was wrong without echoing the input in full (issue 15 item 8: a 900 KB
 * unknown key came back twice in a 1.8 MB reply).
 */
describe('validation errors stay small', () => {
  it('clips an unknown key of 900 KB in the message and the issues', async () => {
    const key = `k${'x'.repeat(900_000)}`;
    const envelope = await app.router.invoke('settings:update', { theme: 'dark', [key]: 1 });
    expect(envelope.ok).toBe(false);
    const reply = JSON.stringify(envelope);
    expect(reply.length).toBeLessThan(4_000);
    expect(reply).toContain('kxxxx');
    expect(envelope).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('clips many issues to a readable few', async () => {
    const input = Object.fromEntries(Array.from({ length: 5_000 }, (_, i) => [`key${i}`, i]));
    const envelope = await app.router.invoke('settings:update', input);
    expect(envelope.ok).toBe(false);
    expect(JSON.stringify(envelope).length).toBeLessThan(8_000);
  });
});

/** Ids are short (Account ids are UUIDs, TikTok's ids a few dozen digits): a 10k-character one is refused. */
describe('ids have a length limit', () => {
  const long = 'a'.repeat(10_000);
  it.each([
    ['accounts:connect', { provider: 'shop', accountId: long }],
    ['accounts:cancelConnect', { attemptId: long }],
    ['accounts:disconnect', { accountId: long }],
    ['sync:run', { accountId: long }],
    ['sync:cancel', { accountId: long }],
    ['sync:history', { accountId: long }],
    ['orders:list', { shopId: long }],
    ['products:list', { shopId: long }],
  ] as const)('%s refuses an id of 10,000 characters', async (channel, input) => {
    const envelope = await app.router.invoke(channel, input);
    expect(envelope).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(JSON.stringify(envelope)).not.toContain(long);
  });
});
