import { describe, expect, it } from 'vitest';
import { Clock } from '../../../src-main/sandbox/clock';
import { Faults } from '../../../src-main/sandbox/faults';
import { CreatorIdCodec, decodeId, encodeId, requestId } from '../../../src-main/sandbox/ids';
import { SlidingWindowCounter, WindowCounter } from '../../../src-main/sandbox/limits';
import { pkceChallengeHex, pkceMatches } from '../../../src-main/sandbox/login/pkce';
import { loopbackRedirectAllowed } from '../../../src-main/sandbox/login/redirect';
import { Router } from '../../../src-main/sandbox/router';
import { decodePageToken, encodePageToken, walk } from '../../../src-main/sandbox/shop/pagination';
import { weekIndex, weekStart } from '../../../src-main/sandbox/shop/outreach';
import { TokenBook, TokenMinter } from '../../../src-main/sandbox/tokens';

describe('ids', () => {
  it('round-trips and rejects ids that went through a JS number', () => {
    const id = encodeId('order', 123_456);
    expect(decodeId('order', id)).toBe(123_456);
    expect(BigInt(id) > 2n ** 53n).toBe(true);
    expect(decodeId('order', String(Number(id)))).toBeNull();
    expect(decodeId('product', id)).toBeNull();
  });

  it('creator open ids are per app', () => {
    const a = new CreatorIdCodec('app-a');
    const b = new CreatorIdCodec('app-b');
    const id = a.encode(42);
    expect(a.decode(id)).toBe(42);
    expect(b.decode(id)).toBeNull();
  });

  it('request ids look like TikTok’s: 14 digits + 20 hex', () => {
    expect(requestId(Date.UTC(2025, 0, 2, 3, 4, 5))).toMatch(/^20250102030405[0-9A-F]{20}$/);
  });
});

describe('tokens', () => {
  const book = () => new TokenBook(new TokenMinter('k'));
  it('checks kind, MAC, expiry, revocation and rotation', () => {
    const b = book();
    const t = b.mint('shop_access', 7, 100, 200, 3);
    expect(t).toMatch(/^TTP_/);
    expect(b.check(t, 'shop_access', 150)).toMatchObject({
      ok: true,
      claims: { grant: 7, scopes: 3, exp: 200 },
    });
    expect(b.check(t, 'shop_refresh', 150).ok).toBe(false);
    expect(b.check(t, 'shop_access', 200)).toEqual({ ok: false, reason: 'expired' });
    const flip = (s: string, i: number) => `${s.slice(0, i)}${s[i] === 'A' ? 'B' : 'A'}${s.slice(i + 1)}`;
    expect(b.check(flip(t, 20), 'shop_access', 150)).toEqual({ ok: false, reason: 'invalid' });
    // A non-canonical spelling of the same bytes (spare bits in the last character) is refused too.
    const last = t.at(-1) ?? 'A';
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const sibling = alphabet[alphabet.indexOf(last) ^ 1] ?? 'A';
    expect(b.check(`${t.slice(0, -1)}${sibling}`, 'shop_access', 150)).toEqual({
      ok: false,
      reason: 'invalid',
    });
    b.revokeGrant('shop', 7);
    expect(b.check(t, 'shop_access', 150)).toEqual({ ok: false, reason: 'revoked' });
    const r = b.mint('login_refresh', 8, 0, 1_000, 1);
    b.spendRefresh(r);
    expect(b.check(r, 'login_refresh', 10).ok).toBe(false);
  });

  it('expire-all hits tokens minted before, not after', () => {
    const b = book();
    const before = b.mint('shop_access', 1, 0, 9e9, 0);
    b.expire('shop', 'access');
    const after = b.mint('shop_access', 1, 0, 9e9, 0);
    expect(b.check(before, 'shop_access', 1)).toEqual({ ok: false, reason: 'expired' });
    expect(b.check(after, 'shop_access', 1).ok).toBe(true);
  });

  it('ads tokens are 40 hex characters that never expire', () => {
    const b = book();
    const t = b.mint('ads_access', 3, 0, 0, 0);
    expect(t).toMatch(/^[0-9a-f]{40}$/);
    expect(b.check(t, 'ads_access', 9e9).ok).toBe(true);
  });
});

describe('router', () => {
  const r = new Router<string>()
    .add('GET', '/order/{202309|202507}/orders', 'detail')
    .add('POST', '/order/{202309}/orders/search', 'search')
    .add('GET', '/p/{202309}/items/:id', 'item');
  it('matches versions, params, methods', () => {
    expect(r.match('GET', '/order/202507/orders')).toMatchObject({
      kind: 'ok',
      meta: 'detail',
      version: '202507',
    });
    expect(r.match('GET', '/order/202001/orders')).toEqual({ kind: 'version' });
    expect(r.match('GET', '/order/202309/orders/search')).toEqual({ kind: 'method', allowed: ['POST'] });
    expect(r.match('GET', '/p/202309/items/a%20b')).toMatchObject({ params: { id: 'a b' } });
    expect(r.match('GET', '/nope')).toEqual({ kind: 'none' });
  });
});

describe('page tokens', () => {
  it('are standard base64 with + and /, bound to their query', () => {
    const t = encodePageToken(37, 99);
    expect(t).toMatch(/[+/]/);
    expect(decodePageToken(t, 99)).toBe(37);
    expect(() => decodePageToken(t, 98)).toThrow();
    expect(() => decodePageToken(t.replace(/\+/g, ' '), 99)).toThrow();
    expect(decodePageToken(undefined, 1)).toBe(0);
  });

  it('walk returns each matching item once and no token after the last page', () => {
    const seq = { length: 10, at: (k: number) => k };
    const even = (i: number) => i % 2 === 0;
    const p1 = walk(seq, 0, 3, even);
    expect(p1.items).toEqual([0, 2, 4]);
    const p2 = walk(seq, p1.next ?? -1, 3, even);
    expect(p2).toEqual({ items: [6, 8], next: null });
  });
});

describe('PKCE and loopback redirects', () => {
  it('hex S256 as TikTok computes it', () => {
    const v = 'a'.repeat(43);
    expect(pkceChallengeHex(v)).toMatch(/^[0-9a-f]{64}$/);
    expect(pkceMatches(v, pkceChallengeHex(v), false)).toBe(true);
    expect(pkceMatches('short', pkceChallengeHex('short'), false)).toBe(false);
  });

  it('loopback rules with wildcard ports', () => {
    const reg = ['http://127.0.0.1:*/callback/login'];
    expect(loopbackRedirectAllowed('http://127.0.0.1:5000/callback/login', reg)).toBe(true);
    expect(loopbackRedirectAllowed('http://127.0.0.1/callback/login', reg)).toBe(false);
    expect(loopbackRedirectAllowed('http://127.0.0.1:5000/callback/login#x', reg)).toBe(false);
    expect(loopbackRedirectAllowed('https://127.0.0.1:5000/callback/login', reg)).toBe(false);
    expect(loopbackRedirectAllowed('http://localhost:5000/callback/login', reg)).toBe(false);
    expect(
      loopbackRedirectAllowed('http://127.0.0.1:5000/callback/login', [
        'http://127.0.0.1:5001/callback/login',
      ]),
    ).toBe(false);
  });
});

describe('clock, limits, faults, weeks', () => {
  it('clock offset, advance and freeze', () => {
    let real = 1_000_000;
    const c = new Clock(() => real);
    c.advance(5_000);
    expect(c.nowMs()).toBe(1_005_000);
    c.freeze(true);
    real += 10_000;
    expect(c.nowMs()).toBe(1_005_000);
    c.advance(1_000);
    expect(c.nowMs()).toBe(1_006_000);
    c.freeze(false);
    expect(c.nowMs()).toBe(1_006_000);
    real += 1;
    expect(c.nowMs()).toBe(1_006_001);
  });

  it('window counter allows `limit` per window', () => {
    const w = new WindowCounter(1_000);
    expect([1, 2, 3].map(() => w.hit('k', 2, 500))).toEqual([true, true, false]);
    expect(w.hit('k', 2, 1_000)).toBe(true);
    expect(w.hit('other', 2, 500)).toBe(true);
  });

  it('sliding counter allows `limit` in any window, wherever it starts', () => {
    const w = new SlidingWindowCounter(1_000);
    // A burst at 900 ms and more at 1,100 ms sit in different fixed seconds but in one sliding second.
    expect([1, 2].map(() => w.hit('k', 3, 900))).toEqual([true, true]);
    expect([1, 2].map(() => w.hit('k', 3, 1_100))).toEqual([true, false]);
    // At 1,950 ms the 900 ms calls have left the window; the two at 1,100 ms (one refused) have not.
    expect([1, 2].map(() => w.hit('k', 3, 1_950))).toEqual([true, false]);
    expect(w.hit('k', 3, 2_200)).toBe(true);
  });

  it('faults count only matching requests', () => {
    const f = new Faults();
    f.set({ serverErrorEveryN: 2, families: ['shop-api'] });
    expect(f.decide('ads', '/x').action).toBeNull();
    expect(f.decide('shop-api', '/x').action).toBeNull();
    expect(f.decide('shop-api', '/x').action).toBe('serverError');
  });

  it('outreach weeks start Sunday 12:00 GMT-8 (20:00 UTC)', () => {
    const sunday2000 = Date.UTC(2025, 5, 15, 20) / 1000; // 2025-06-15 is a Sunday
    expect(weekStart(sunday2000)).toBe(sunday2000);
    expect(weekIndex(sunday2000 - 1)).toBe(weekIndex(sunday2000) - 1);
    expect(weekIndex(sunday2000 + 7 * 86_400 - 1)).toBe(weekIndex(sunday2000));
  });
});
