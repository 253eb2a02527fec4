import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Access and refresh tokens are self-describing (claims + MAC keyed from the seed), so tokens the app stored
 * stay valid across sandbox restarts with the same seed, and 1M-order benches do not fill a token table.
 * What must be remembered (revocations, spent refresh tokens, admin expiry) lives in TokenBook, in memory.
 */

export type Provider = 'shop' | 'ads' | 'login';
export type TokenKind = 'shop_access' | 'shop_refresh' | 'login_access' | 'login_refresh' | 'ads_access';

const kindCode: Record<TokenKind, number> = {
  shop_access: 1,
  shop_refresh: 2,
  login_access: 3,
  login_refresh: 4,
  ads_access: 5,
};

export interface TokenClaims {
  kind: TokenKind;
  grant: number;
  epoch: number;
  iat: number;
  exp: number;
  /** Bit set over the provider's scope list. */
  scopes: number;
}

const prefixes: Record<TokenKind, string> = {
  shop_access: 'TTP_',
  shop_refresh: 'TTP_',
  login_access: 'act.',
  login_refresh: 'rft.',
  ads_access: '',
};

export function providerOf(kind: TokenKind): Provider {
  return kind.startsWith('shop') ? 'shop' : kind.startsWith('login') ? 'login' : 'ads';
}

export class TokenMinter {
  constructor(private readonly key: string) {}

  private mac(payload: Buffer, length: number): Buffer {
    return createHmac('sha256', this.key).update(payload).digest().subarray(0, length);
  }

  mint(claims: TokenClaims): string {
    if (claims.kind === 'ads_access') {
      // API for Business tokens are 40 hex characters and never expire, so only identity goes in.
      const payload = Buffer.alloc(10);
      payload.writeUInt8(kindCode.ads_access, 0);
      payload.writeUInt32BE(claims.grant >>> 0, 1);
      payload.writeUInt16BE(claims.epoch & 0xffff, 5);
      randomBytes(3).copy(payload, 7);
      return Buffer.concat([payload, this.mac(payload, 10)]).toString('hex');
    }
    // The trailing nonce makes two tokens minted in the same second with the same claims still differ.
    const payload = Buffer.alloc(23);
    payload.writeUInt8(kindCode[claims.kind], 0);
    payload.writeUInt32BE(claims.grant >>> 0, 1);
    payload.writeUInt16BE(claims.epoch & 0xffff, 5);
    payload.writeUInt32BE(claims.iat >>> 0, 7);
    payload.writeUInt32BE(claims.exp >>> 0, 11);
    payload.writeUInt32BE(claims.scopes >>> 0, 15);
    randomBytes(4).copy(payload, 19);
    return prefixes[claims.kind] + Buffer.concat([payload, this.mac(payload, 12)]).toString('base64url');
  }

  read(token: string, expected: TokenKind): TokenClaims | null {
    if (expected === 'ads_access') {
      if (!/^[0-9a-f]{40}$/.test(token)) return null;
      const raw = Buffer.from(token, 'hex');
      const payload = raw.subarray(0, 10);
      if (!timingSafeEqual(this.mac(payload, 10), raw.subarray(10))) return null;
      if (payload.readUInt8(0) !== kindCode.ads_access) return null;
      return {
        kind: expected,
        grant: payload.readUInt32BE(1),
        epoch: payload.readUInt16BE(5),
        iat: 0,
        exp: 0,
        scopes: 0,
      };
    }
    const prefix = prefixes[expected];
    if (!token.startsWith(prefix)) return null;
    const body = token.slice(prefix.length);
    if (!/^[A-Za-z0-9_-]{47}$/.test(body)) return null;
    const raw = Buffer.from(body, 'base64url');
    // Canonical form only: the last character has spare bits, and a variant spelling of a revoked token
    // must not slip past the revocation list.
    if (raw.length !== 35 || raw.toString('base64url') !== body) return null;
    const payload = raw.subarray(0, 23);
    if (!timingSafeEqual(this.mac(payload, 12), raw.subarray(23))) return null;
    if (payload.readUInt8(0) !== kindCode[expected]) return null;
    return {
      kind: expected,
      grant: payload.readUInt32BE(1),
      epoch: payload.readUInt16BE(5),
      iat: payload.readUInt32BE(7),
      exp: payload.readUInt32BE(11),
      scopes: payload.readUInt32BE(15),
    };
  }
}

/** One token the sandbox handed out, for the test harness's secret sweep (`GET /admin/secrets`). */
export interface IssuedToken {
  kind: TokenKind;
  token: string;
  /** Sandbox Unix seconds. */
  at: number;
}

/** One OAuth authorization code the sandbox handed out (a redirect's `code`), for the same sweep. */
export interface IssuedCode {
  provider: Provider;
  code: string;
  /** Sandbox Unix seconds. */
  at: number;
}

/**
 * Every secret of one sort handed out, newest kept when the list is full: a test searches its logs, files
 * and pages for each one (tests/e2e/secret-sweep.ts), so the list must come from the simulator, not from what
 * the app chose to store. Lives outside `TokenBook` and the code maps so an admin `reset` does not forget
 * what the app still holds.
 */
export class IssuedSecrets<T> {
  private readonly list: T[] = [];
  private droppedCount = 0;

  constructor(private readonly capacity = 10_000) {}

  add(entry: T): void {
    this.list.push(entry);
    if (this.list.length > this.capacity) {
      this.list.shift();
      this.droppedCount++;
    }
  }

  all(): readonly T[] {
    return this.list;
  }

  /** How many older entries were let go to stay within the capacity. */
  get dropped(): number {
    return this.droppedCount;
  }
}

export class IssuedTokens extends IssuedSecrets<IssuedToken> {}

/**
 * A provider's pending authorization codes that records every code put in it, so no code path that issues
 * one (a consent, an admin shortcut) can leave it out of `GET /admin/secrets`.
 */
export class CodeMap<V> extends Map<string, V> {
  constructor(
    private readonly provider: Provider,
    private readonly issued: IssuedSecrets<IssuedCode>,
    private readonly nowSec: () => number,
  ) {
    super();
  }

  override set(code: string, value: V): this {
    this.issued.add({ provider: this.provider, code, at: this.nowSec() });
    return super.set(code, value);
  }
}

export type TokenCheck =
  { ok: true; claims: TokenClaims } | { ok: false; reason: 'invalid' | 'revoked' | 'expired' };

export class TokenBook {
  private readonly epoch: Record<Provider, number> = { shop: 1, ads: 1, login: 1 };
  private readonly accessExpiredBelow: Record<Provider, number> = { shop: 0, ads: 0, login: 0 };
  private readonly refreshExpiredBelow: Record<Provider, number> = { shop: 0, ads: 0, login: 0 };
  private readonly revokedBelow: Record<Provider, number> = { shop: 0, ads: 0, login: 0 };
  private readonly expiredTokens = new Set<string>();
  private readonly revokedTokens = new Set<string>();
  private readonly revokedGrants = new Set<string>();
  private readonly spentRefresh = new Set<string>();

  constructor(
    private readonly minter: TokenMinter,
    private readonly issued: IssuedTokens = new IssuedTokens(),
  ) {}

  newGrant(): number {
    return randomBytes(4).readUInt32BE(0);
  }

  mint(kind: TokenKind, grant: number, iat: number, exp: number, scopes: number): string {
    const token = this.minter.mint({ kind, grant, epoch: this.epoch[providerOf(kind)], iat, exp, scopes });
    this.issued.add({ kind, token, at: iat });
    return token;
  }

  check(token: string, kind: TokenKind, nowSec: number): TokenCheck {
    const claims = this.minter.read(token, kind);
    if (!claims) return { ok: false, reason: 'invalid' };
    const provider = providerOf(kind);
    if (
      this.revokedTokens.has(token) ||
      this.revokedGrants.has(`${provider}:${claims.grant}`) ||
      claims.epoch < this.revokedBelow[provider]
    )
      return { ok: false, reason: 'revoked' };
    const isRefresh = kind.endsWith('refresh');
    if (isRefresh && this.spentRefresh.has(token)) return { ok: false, reason: 'invalid' };
    const below = isRefresh ? this.refreshExpiredBelow[provider] : this.accessExpiredBelow[provider];
    if (this.expiredTokens.has(token) || claims.epoch < below) return { ok: false, reason: 'expired' };
    if (kind !== 'ads_access' && claims.exp <= nowSec) return { ok: false, reason: 'expired' };
    return { ok: true, claims };
  }

  spendRefresh(token: string): void {
    this.spentRefresh.add(token);
  }

  revokeGrant(provider: Provider, grant: number): void {
    this.revokedGrants.add(`${provider}:${grant}`);
  }

  /** Whether the token is one this sandbox minted for the provider (valid or not). */
  isMinted(provider: Provider, token: string): boolean {
    const kinds = (Object.keys(kindCode) as TokenKind[]).filter((k) => providerOf(k) === provider);
    return kinds.some((k) => this.minter.read(token, k) !== null);
  }

  /** Admin control: one token, or every token of a provider minted so far. */
  expire(provider: Provider, which: 'access' | 'refresh' | 'both', token?: string): void {
    if (token !== undefined) {
      this.expiredTokens.add(token);
      return;
    }
    const cut = ++this.epoch[provider];
    if (which !== 'refresh') this.accessExpiredBelow[provider] = cut;
    if (which !== 'access') this.refreshExpiredBelow[provider] = cut;
  }

  revoke(provider: Provider, token?: string): void {
    if (token !== undefined) {
      this.revokedTokens.add(token);
      return;
    }
    this.revokedBelow[provider] = ++this.epoch[provider];
  }
}
