import { describe, expect, it } from 'vitest';
import { imageInfo } from '../../../src-main/core/image-info';
import { openDatabase } from '../../../src-main/db/connection';
import { TemplateStore } from '../../../src-main/outreach/template-store';
import { OutreachService } from '../../../src-main/outreach/service';
import { messageContent, sameMessage } from '../../../src-main/tiktok/shop/outreach';
import { solidPng } from '../../helpers/images';

const bytes = (...parts: Array<number[] | string>): Buffer =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));

describe('message images: format and size from the file’s own header', () => {
  it('reads png, gif, jpeg and webp, and nothing else', () => {
    expect(imageInfo(solidPng(64, 48))).toEqual({ mime: 'image/png', width: 64, height: 48 });
    expect(imageInfo(bytes('GIF89a', [0x40, 0x01, 0xf0, 0x00], [0, 0, 0]))).toEqual({
      mime: 'image/gif',
      width: 320,
      height: 240,
    });
    // SOI, an APP0 segment, then a baseline frame of 1280×720.
    const jpeg = bytes(
      [0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04, 0x00, 0x00],
      [0xff, 0xc0, 0x00, 0x11, 0x08, 0x02, 0xd0, 0x05, 0x00, 0x03],
      new Array(12).fill(0),
    );
    expect(imageInfo(jpeg)).toEqual({ mime: 'image/jpeg', width: 1280, height: 720 });
    const vp8x = bytes('RIFF', [0, 0, 0, 0], 'WEBPVP8X', [10, 0, 0, 0], [0, 0, 0, 0], [99, 0, 0], [49, 0, 0]);
    expect(imageInfo(vp8x)).toEqual({ mime: 'image/webp', width: 100, height: 50 });
    expect(imageInfo(Buffer.from('%PDF-1.7 not a picture'))).toBeNull();
    expect(imageInfo(solidPng(2, 2).subarray(0, 20))).toBeNull();
    expect(imageInfo(Buffer.alloc(0))).toBeNull();
  });
});

describe('message content, as sent and as read back', () => {
  it('builds the content shapes TikTok documents for each type', () => {
    expect(JSON.parse(messageContent({ type: 'TEXT', text: 'Hi' }))).toEqual({ content: 'Hi' });
    expect(
      JSON.parse(messageContent({ type: 'IMAGE', url: 'https://i.test/a', width: 1280, height: 720 })),
    ).toEqual({ url: 'https://i.test/a', width: 1280, height: 720 });
    expect(JSON.parse(messageContent({ type: 'PRODUCT_CARD', productId: '12345' }))).toEqual({
      product_id: '12345',
    });
    expect(
      JSON.parse(messageContent({ type: 'TARGET_COLLABORATION_CARD', collaborationId: '1234' })),
    ).toEqual({
      target_collaboration_id: '1234',
    });
  });

  it('recognises each type in Get Messages’ shapes, and nothing else', () => {
    const image = {
      type: 'IMAGE' as const,
      content: messageContent({ type: 'IMAGE', url: 'https://i.test/a', width: 304, height: 290 }),
    };
    // Get Messages answers an image's sizes as strings.
    expect(
      sameMessage(
        { type: 'IMAGE', content: '{"height":"290","url":"https://i.test/a","width":"304"}' },
        image,
      ),
    ).toBe(true);
    expect(
      sameMessage(
        { type: 'IMAGE', content: '{"height":"290","url":"https://i.test/b","width":"304"}' },
        image,
      ),
    ).toBe(false);
    expect(
      sameMessage(
        { type: 'EMOTICONS', content: '{"height":"290","url":"https://i.test/a","width":"304"}' },
        image,
      ),
    ).toBe(false);

    const card = {
      type: 'PRODUCT_CARD' as const,
      content: messageContent({ type: 'PRODUCT_CARD', productId: '12345' }),
    };
    expect(sameMessage({ type: 'PRODUCT_CARD', content: '{ "product_id": "12345" }' }, card)).toBe(true);
    expect(sameMessage({ type: 'PRODUCT_CARD', content: '{"product_id":"12346"}' }, card)).toBe(false);
    expect(sameMessage({ type: 'TEXT', content: '{"product_id":"12345"}' }, card)).toBe(false);

    const collab = {
      type: 'TARGET_COLLABORATION_CARD' as const,
      content: messageContent({ type: 'TARGET_COLLABORATION_CARD', collaborationId: '1234' }),
    };
    // Documented on read as {"invitation_group_id"}, the type also named TARGET_INVITATION_CARD.
    expect(
      sameMessage({ type: 'TARGET_COLLABORATION_CARD', content: '{"invitation_group_id":"1234"}' }, collab),
    ).toBe(true);
    expect(
      sameMessage({ type: 'TARGET_INVITATION_CARD', content: '{"invitation_group_id":"1234"}' }, collab),
    ).toBe(true);
    expect(
      sameMessage(
        { type: 'TARGET_COLLABORATION_CARD', content: '{"target_collaboration_id":"1234"}' },
        collab,
      ),
    ).toBe(true);
    expect(
      sameMessage({ type: 'TARGET_COLLABORATION_CARD', content: '{"invitation_group_id":"999"}' }, collab),
    ).toBe(false);

    const text = { type: 'TEXT' as const, content: messageContent({ type: 'TEXT', text: 'Hi there' }) };
    expect(sameMessage({ type: 'TEXT', content: '{"content": "Hi there"}' }, text)).toBe(true);
    expect(sameMessage({ type: 'TEXT', content: 'not json' }, text)).toBe(false);
  });
});

describe('message templates are checked before anything is queued', () => {
  const store = () => new TemplateStore(openDatabase(':memory:'), () => 7);
  const image = (b: Buffer) => ({ fileName: 'pic.png', data: b.toString('base64') });

  it('keeps an image template’s picture with its facts, once per content', () => {
    const s = store();
    const png = solidPng(40, 30);
    const a = s.save({
      name: 'Pic',
      kind: 'message',
      language: 'en',
      messageType: 'IMAGE',
      body: '',
      image: image(png),
    });
    expect(a).toMatchObject({
      messageType: 'IMAGE',
      body: '',
      image: { mime: 'image/png', width: 40, height: 30, size: png.length },
    });
    // Saved again without a new picture: the old one stays.
    const renamed = s.save({
      id: a.id,
      name: 'Pic 2',
      kind: 'message',
      language: 'en',
      messageType: 'IMAGE',
      body: '',
    });
    expect(renamed.image).toEqual(a.image);
    expect(Buffer.from(s.image(a.id).data, 'base64')).toEqual(png);
    // Turned into text: the picture no one uses is dropped.
    s.save({ id: a.id, name: 'Pic 2', kind: 'message', language: 'en', messageType: 'TEXT', body: 'Hi' });
    expect(() => s.imageBytes(a.image!.sha256)).toThrow();
  });

  it('refuses a picture TikTok would not take, and an image message without one', () => {
    const s = store();
    const save = (over: object) =>
      s.save({ name: 'x', kind: 'message', language: 'en', messageType: 'IMAGE', body: '', ...over });
    expect(() => save({ image: image(Buffer.from('%PDF-1.7')) })).toThrow(
      expect.objectContaining({ code: 'VALIDATION', key: 'outreach.errors.imageNotSupported' }),
    );
    const big = Buffer.concat([solidPng(1, 1), Buffer.alloc(10 * 1024 * 1024)]);
    expect(() => save({ image: image(big) })).toThrow(
      expect.objectContaining({ code: 'VALIDATION', key: 'outreach.errors.imageTooLarge' }),
    );
    expect(() => save({})).toThrow(expect.objectContaining({ key: 'outreach.errors.imageMissing' }));
    expect(s.list()).toEqual([]);
  });
});

describe('a product card may name its product', () => {
  function world() {
    const db = openDatabase(':memory:');
    db.exec(`
      INSERT INTO accounts (id, provider, status, remote_id, display_name, connected_at, updated_at)
        VALUES ('a1', 'shop', 'active', 'r1', 'Seller', 1, 1);
      INSERT INTO shops (shop_id, account_id, name, region, currency, cipher) VALUES
        ('us', 'a1', 'Maple US', 'US', 'USD', 'c1'), ('uk', 'a1', 'Maple UK', 'GB', 'GBP', 'c2');
      INSERT INTO products (product_id, account_id, shop_id, title, status, etag, synced_at) VALUES
        ('p-us-1', 'a1', 'us', 'Linen shirt', 'ACTIVATE', 'e', 1), ('p-us-2', 'a1', 'us', 'Straw hat', 'ACTIVATE', 'e', 1),
        ('p-uk-1', 'a1', 'uk', 'Wax jacket', 'ACTIVATE', 'e', 1);
      INSERT INTO creators (id, canonical_id, open_id, handle, nickname, region, first_seen_at, updated_at)
        VALUES (1, 1, 'o1', 'one', 'One', 'US', 1, 1);
    `);
    const service = new OutreachService({ db, now: () => 7 });
    const card = (productId: string | null, name = `card ${productId}`) =>
      service.templates.save({
        name,
        kind: 'message',
        language: 'en',
        messageType: 'PRODUCT_CARD',
        body: '',
        productId,
      });
    const create = (messageTemplateId: number, productIds: string[]) =>
      service.create({
        accountId: 'a1',
        shopId: 'us',
        name: `o ${Math.random()}`,
        action: 'message',
        creatorIds: [1],
        products: productIds.map((productId) => ({ productId, commissionBp: 1500 })),
        freeSample: { hasFreeSample: false, approvalExempt: false },
        messageTemplateId,
        values: {},
        window: null,
        dailyCap: null,
        ratePerMinute: 30,
        weeklyPool: null,
      }).outreach.id;
    const content = (outreachId: number) =>
      JSON.parse(
        db.prepare('SELECT content FROM deliveries WHERE outreach_id = ?').pluck().get(outreachId) as string,
      ) as unknown;
    return { db, service, card, create, content };
  }

  it('sends the template’s product, else the Outreach’s first', () => {
    const w = world();
    const own = w.card('p-us-2');
    expect(own.productId).toBe('p-us-2');
    expect(w.content(w.create(own.id, ['p-us-1']))).toEqual({ product_id: 'p-us-2' });
    // Naming its product, the card needs no product in the Outreach.
    expect(w.content(w.create(own.id, []))).toEqual({ product_id: 'p-us-2' });
    const first = w.card(null, 'first product');
    expect(first.productId).toBeNull();
    expect(w.content(w.create(first.id, ['p-us-1', 'p-us-2']))).toEqual({ product_id: 'p-us-1' });
    expect(() => w.create(first.id, [])).toThrow(
      expect.objectContaining({ key: 'outreach.errors.productCardNeedsProduct' }),
    );
  });

  it('refuses a product that was never synced, and one of another shop when the Outreach is created', () => {
    const w = world();
    expect(() => w.card('p-missing')).toThrow(
      expect.objectContaining({ code: 'VALIDATION', key: 'outreach.errors.productNotSynced' }),
    );
    const uk = w.card('p-uk-1');
    expect(() => w.create(uk.id, ['p-us-1'])).toThrow(
      expect.objectContaining({ code: 'VALIDATION', key: 'outreach.errors.productCardOtherShop' }),
    );
    expect(w.db.prepare('SELECT count(*) FROM outreaches').pluck().get()).toBe(0);
    // A text template keeps no product, whatever it was before.
    const text = w.service.templates.save({
      id: uk.id,
      name: uk.name,
      kind: 'message',
      language: 'en',
      body: 'Hi',
    });
    expect(text.productId).toBeNull();
  });
});
