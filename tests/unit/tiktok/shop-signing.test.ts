import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  parseRawQuery,
  shopSignatureBase,
  signShopRequest,
  verifyShopSignature,
} from '../../../src-main/tiktok/shop/signing';

const hmac = (secret: string, msg: string | Buffer) => createHmac('sha256', secret).update(msg).digest('hex');

describe('signShopRequest — official vectors (docs/tiktok-api/shop-signing.md)', () => {
  it('T1: official doc example, ignoring sign and access_token in the query', () => {
    const input = {
      appSecret: 'e59af819cc',
      path: '/authorization/202309/shops',
      query: { app_key: '29a39d', timestamp: '1623812664', sign: 'whatever', access_token: 'TTP_x' },
    };
    expect(shopSignatureBase(input).toString()).toBe(
      'e59af819cc/authorization/202309/shopsapp_key29a39dtimestamp1623812664e59af819cc',
    );
    expect(signShopRequest(input)).toBe('b596b73e0cc6de07ac26f036364178ab16b0a907af13d43f0a0cd2345f582dc8');
  });

  it('T2: EcomPHP unit test', () => {
    expect(signShopRequest({ appSecret: 'app_secret', path: '/test-api', query: { foo: 'bar' } })).toBe(
      'd3cb7fe11ecae942802ceeca67e7cf10120cc12f1517d45fbc1c8cfe5413c80f',
    );
  });
});

describe('signShopRequest — own cases', () => {
  const secret = 's3cr3t';

  it('sorts keys by byte order and concatenates key+value with no separators', () => {
    const base = shopSignatureBase({
      appSecret: secret,
      path: '/p',
      query: { b: '2', a: '1', B: '3', a_b: '4' },
    });
    expect(base.toString()).toBe('s3cr3t/pB3a1a_b4b2s3cr3t');
  });

  it('keeps empty-valued keys (as key + empty string)', () => {
    const sign = signShopRequest({ appSecret: secret, path: '/p', query: { a: '', b: 'x' } });
    expect(sign).toBe(hmac(secret, 's3cr3t/pabxs3cr3t'));
    expect(sign).not.toBe(signShopRequest({ appSecret: secret, path: '/p', query: { b: 'x' } }));
  });

  it('joins array values with commas, like the official SDK', () => {
    expect(signShopRequest({ appSecret: secret, path: '/p', query: { ids: ['1', '2', '3'] } })).toBe(
      hmac(secret, 's3cr3t/pids1,2,3s3cr3t'),
    );
    expect(
      signShopRequest({
        appSecret: secret,
        path: '/p',
        query: [
          ['ids', '1'],
          ['ids', '2'],
        ],
      }),
    ).toBe(hmac(secret, 's3cr3t/pids1,2s3cr3t'));
  });

  it('appends the exact body bytes; whitespace changes the signature; multipart bodies are skipped', () => {
    const compact = signShopRequest({ appSecret: secret, path: '/p', query: {}, body: '{"a":1}' });
    expect(compact).toBe(hmac(secret, 's3cr3t/p{"a":1}s3cr3t'));
    expect(signShopRequest({ appSecret: secret, path: '/p', query: {}, body: '{"a": 1}' })).not.toBe(compact);
    expect(
      signShopRequest({
        appSecret: secret,
        path: '/p',
        query: {},
        body: '{"a":1}',
        contentType: 'multipart/form-data; boundary=x',
      }),
    ).toBe(hmac(secret, 's3cr3t/ps3cr3t'));
    expect(signShopRequest({ appSecret: secret, path: '/p', query: {}, body: '' })).toBe(
      hmac(secret, 's3cr3t/ps3cr3t'),
    );
  });

  it('signs raw bytes, including bytes that are not valid UTF-8', () => {
    const body = Buffer.from([0x7b, 0xff, 0xfe, 0x7d]);
    const expected = createHmac('sha256', secret)
      .update(Buffer.concat([Buffer.from('s3cr3t/p'), body, Buffer.from('s3cr3t')]))
      .digest('hex');
    expect(signShopRequest({ appSecret: secret, path: '/p', query: {}, body })).toBe(expected);
  });

  it('unicode: values as UTF-8; keys sorted by UTF-8 bytes, not UTF-16 units', () => {
    expect(signShopRequest({ appSecret: secret, path: '/p', query: { name: '抹茶 🍵' } })).toBe(
      hmac(secret, 's3cr3t/pname抹茶 🍵s3cr3t'),
    );
    // U+FF5E (EF BD 9E) sorts before U+1F600 (F0 9F 98 80) in UTF-8, but after it in UTF-16 code units.
    const base = shopSignatureBase({
      appSecret: 'k',
      path: '/p',
      query: { '😀': '1', '～': '2' },
    }).toString();
    expect(base).toBe('k/p～2😀1k');
  });

  it('decodes the raw query like the gateway (+ is a space, %2B is a plus)', () => {
    expect(parseRawQuery('a=1+2&b=1%2B2&c=')).toEqual([
      ['a', '1 2'],
      ['b', '1+2'],
      ['c', ''],
    ]);
  });

  it('verify accepts the right lower-case signature only', () => {
    const input = { appSecret: secret, path: '/p', query: { a: '1' }, body: '{}' };
    const sign = signShopRequest(input);
    expect(verifyShopSignature(input, sign)).toBe(true);
    expect(verifyShopSignature(input, sign.toUpperCase())).toBe(false);
    expect(verifyShopSignature(input, sign.slice(0, 63))).toBe(false);
    expect(verifyShopSignature({ ...input, body: '{ }' }, sign)).toBe(false);
  });
});
