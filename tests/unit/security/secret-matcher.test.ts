import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { folderPlaces, percentDecoded, type Secret, SecretMatcher } from '../../helpers/secret-matcher';
import { makeTempDir } from '../../helpers/tmp';

/**
 * The matcher behind the e2e secret sweep (tests/e2e/secret-sweep.ts): a planted secret is found in a file,
 * a JSON reply and a page, as text and percent-encoded, base64 and the other spellings, at any position;
 * nothing else is reported.
 */

// Shaped like the sandbox's: a Shop token, a base64 secret with `+` and `/`, a web bridge token, a data key.
const shopToken = 'TTP_AQAAAAFnR2x8Z0Jw9mQAAAAAAAAAAQ1x2kVb7v_9uQ3n-8Rk';
const slashy = 'q1+Zb/7Lw0+hX9/aPe4mQ2sT';
const webToken = 'e2e-token-9x0kq2mz1c';
const dataKey = randomBytes(32);
const secrets: Secret[] = [
  { label: 'shop_access token 1', value: shopToken },
  { label: 'app secret', value: slashy },
  { label: 'web bridge token', value: webToken },
  { label: 'vault data key', value: dataKey },
];
const matcher = new SecretMatcher(secrets);
const place = (name: string, text: string | Buffer) => ({
  name,
  bytes: typeof text === 'string' ? Buffer.from(text) : text,
});
const found = (name: string, text: string | Buffer) =>
  matcher.search(place(name, text)).map((f) => `${f.secret} as ${f.form}`);

const tmp = makeTempDir('shopmesh-secret-matcher-');
afterAll(() => tmp.cleanup());

describe('SecretMatcher', () => {
  it('finds a token planted in a log line of a file in the data folder, and names the file', () => {
    mkdirSync(join(tmp.dir, 'logs'));
    writeFileSync(
      join(tmp.dir, 'logs', 'shopmesh.log'),
      `{"level":30,"msg":"sync page"}\n{"level":50,"msg":"refresh failed","token":"${shopToken}"}\n`,
    );
    writeFileSync(join(tmp.dir, 'settings.json'), '{"language":"en"}');
    const places = folderPlaces(tmp.dir);
    expect(places.map((p) => p.name).sort()).toEqual(['logs/shopmesh.log', 'settings.json']);
    expect(places.flatMap((p) => matcher.search(p))).toEqual([
      { secret: 'shop_access token 1', place: 'logs/shopmesh.log', form: 'text' },
    ]);
  });

  it('finds secrets in a JSON reply, with `/` escaped or not', () => {
    expect(found('reply', JSON.stringify({ ok: true, result: { note: `x${webToken}y` } }))).toEqual([
      'web bridge token as text',
    ]);
    expect(found('reply', `{"s":"${slashy.replaceAll('/', '\\/')}"}`)).toEqual([
      'app secret as JSON-escaped',
    ]);
  });

  it('finds a token in the DOM of a page, in text and in an attribute', () => {
    expect(found('page', `<main><p data-x="${webToken}">hi</p></main>`)).toEqual([
      'web bridge token as text',
    ]);
    expect(found('page', `<main><p>Token: ${shopToken}</p></main>`)).toEqual(['shop_access token 1 as text']);
  });

  it('finds percent-encoded spellings: encodeURIComponent, lower-case escapes, every byte escaped', () => {
    expect(found('url', `https://x/?s=${encodeURIComponent(slashy)}`)).toEqual([
      'app secret as percent-encoded',
    ]);
    expect(
      found('url', `?s=${encodeURIComponent(slashy).replace(/%[0-9A-F]{2}/g, (e) => e.toLowerCase())}&`),
    ).toEqual(['app secret as percent-encoded']);
    const everyByte = [...Buffer.from(shopToken)].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');
    expect(found('url', `?t=${everyByte}`)).toEqual(['shop_access token 1 as percent-encoded']);
    // Encoded twice (a URL inside a URL).
    expect(found('url', `?next=${encodeURIComponent(`/x?s=${encodeURIComponent(slashy)}`)}`)).toEqual([
      'app secret as percent-encoded',
    ]);
  });

  it('finds base64 and base64url spellings at every byte alignment, inside a longer blob', () => {
    for (const prefix of ['', 'a', 'ab', 'abc', 'abcd']) {
      const blob = Buffer.from(`${prefix}{"token":"${shopToken}"}`);
      expect(found('blob', blob.toString('base64'))).toEqual([
        expect.stringMatching(/^shop_access token 1 as base64 \(offset [012]\)$/),
      ]);
      expect(found('blob', blob.toString('base64url'))).toEqual([
        expect.stringMatching(/^shop_access token 1 as base64/),
      ]);
    }
  });

  it('finds a data key as raw bytes, hex and base64, and a token as UTF-16', () => {
    expect(found('db', Buffer.concat([randomBytes(100), dataKey, randomBytes(7)]))).toEqual([
      'vault data key as raw bytes',
    ]);
    expect(found('log', `key=${dataKey.toString('hex')}`)).toEqual(['vault data key as hex']);
    expect(found('log', `key=${dataKey.toString('hex').toUpperCase()}`)).toEqual(['vault data key as hex']);
    expect(found('log', `key=${dataKey.toString('base64')}`)).toEqual([
      'vault data key as base64 (offset 0)',
    ]);
    expect(found('db', Buffer.from(`x${webToken}`, 'utf16le'))).toEqual(['web bridge token as UTF-16']);
  });

  it('finds a secret inside a compressed zip entry (an export, a download)', () => {
    const zip = zipSync({
      'manifest.json': strToU8('{}'),
      'data/accounts.json': strToU8(`["${shopToken}"]`),
    });
    const dir = join(tmp.dir, 'exports');
    mkdirSync(dir);
    writeFileSync(join(dir, 'export.zip'), zip);
    const places = folderPlaces(dir);
    expect(places.map((p) => p.name)).toEqual([
      'export.zip',
      'export.zip → manifest.json',
      'export.zip → data/accounts.json',
    ]);
    expect(places.flatMap((p) => matcher.search(p)).map((f) => f.place)).toEqual([
      'export.zip → data/accounts.json',
    ]);
  });

  it('finds a secret wherever it sits in a large place, and reports nothing where it is not', () => {
    const noise = randomBytes(200_000);
    for (let i = 0; i < 300; i++) {
      const at = Math.floor(Math.random() * (noise.length - 100));
      const bytes = Buffer.concat([noise.subarray(0, at), Buffer.from(webToken), noise.subarray(at)]);
      expect(matcher.search(place('noise', bytes)).map((f) => f.secret)).toEqual(['web bridge token']);
    }
    expect(matcher.search(place('noise', noise))).toEqual([]);
  });

  it('reports nothing for a near miss: one character changed, or only a part of the token', () => {
    const changed = `${shopToken.slice(0, 20)}X${shopToken.slice(21)}`;
    expect(found('log', changed)).toEqual([]);
    expect(found('log', shopToken.slice(0, 30))).toEqual([]);
    // The masked form the app's redaction writes.
    expect(found('log', `${shopToken.slice(0, 4)}…`)).toEqual([]);
  });

  it('refuses a secret too short to search for without matching by chance', () => {
    expect(() => new SecretMatcher([{ label: 'short', value: 'abc123' }])).toThrow(/at least 12/);
  });
});

describe('percentDecoded', () => {
  it('decodes %XX escapes, leaves a lone % alone, and says when there was nothing to decode', () => {
    expect(percentDecoded(Buffer.from('a%2Fb%zz%'))?.toString()).toBe('a/b%zz%');
    expect(percentDecoded(Buffer.from('plain'))).toBeNull();
  });
});
