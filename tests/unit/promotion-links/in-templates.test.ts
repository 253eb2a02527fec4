import { describe, expect, it } from 'vitest';
import { promotionLinkValue } from '@shared/promotion-links';
import { openDatabase } from '../../../src-main/db/connection';
import { outreachHandlers } from '../../../src-main/outreach/handlers';
import { OutreachService } from '../../../src-main/outreach/service';
import { PromotionLinkStore } from '../../../src-main/promotion-links/store';

describe('{{promotion_link}}', () => {
  it('is the product’s link, one line per product with several, and nothing while one is missing', () => {
    expect(promotionLinkValue([])).toBeNull();
    expect(promotionLinkValue([{ title: 'Mug', link: 'https://x.test/t/1' }])).toBe('https://x.test/t/1');
    expect(
      promotionLinkValue([
        { title: 'Mug', link: 'https://x.test/t/1' },
        { title: 'Lamp', link: 'https://x.test/t/2' },
      ]),
    ).toBe('Mug: https://x.test/t/1\nLamp: https://x.test/t/2');
    expect(
      promotionLinkValue([
        { title: 'Mug', link: 'https://x.test/t/1' },
        { title: 'Lamp', link: null },
      ]),
    ).toBeNull();
  });

  function world() {
    const db = openDatabase(':memory:');
    db.exec(`
      INSERT INTO accounts (id, provider, status, remote_id, display_name, connected_at, updated_at)
        VALUES ('a1', 'shop', 'active', 'r1', 'Seller', 1, 1);
      INSERT INTO shops (shop_id, account_id, name, region, currency, cipher) VALUES ('s1', 'a1', 'Maple', 'US', 'USD', 'c');
      INSERT INTO products (product_id, account_id, shop_id, title, status, etag, synced_at) VALUES
        ('p1', 'a1', 's1', 'Mug', 'ACTIVATE', 'e', 1), ('p2', 'a1', 's1', 'Lamp', 'ACTIVATE', 'e', 1);
      INSERT INTO creators (id, canonical_id, open_id, handle, nickname, region, first_seen_at, updated_at) VALUES
        (1, 1, 'o1', 'one', 'One', 'US', 1, 1);
    `);
    const store = new PromotionLinkStore(db);
    const service = new OutreachService({
      db,
      now: () => 5,
      promotionLinks: (shopId, ids) => store.get(shopId, ids),
    });
    const ensured: string[][] = [];
    const handlers = outreachHandlers(service, {
      ensure: async (shopId, ids) => {
        ensured.push([...ids]);
        for (const id of ids)
          if (store.get(shopId, [id]).length === 0)
            store.put('a1', { shopId, productId: id, link: `https://x.test/t/${id}`, generatedAt: 4 });
      },
    });
    const template = (name: string, body: string, kind: 'message' | 'invitation') =>
      service.templates.save({ name, kind, language: 'en', body }).id;
    const input = (over: Record<string, unknown>) => ({
      accountId: 'a1',
      shopId: 's1',
      name: 'Spring',
      action: 'both' as const,
      creatorIds: [1],
      products: [
        { productId: 'p1', commissionBp: 1500 },
        { productId: 'p2', commissionBp: 1500 },
      ],
      freeSample: { hasFreeSample: false, approvalExempt: false },
      sellerEmail: 'shop@example.com',
      values: {},
      window: null,
      dailyCap: null,
      ratePerMinute: 30,
      weeklyPool: null,
      ...over,
    });
    return { db, store, service, handlers, ensured, template, input };
  }

  it('is resolved per product when an Outreach is created, generating the missing links first', async () => {
    const w = world();
    w.store.put('a1', { shopId: 's1', productId: 'p1', link: 'https://x.test/t/kept', generatedAt: 1 });
    const invitation = w.template('inv', 'Join {{shop_name}}', 'invitation');
    const message = w.template('msg', 'Hi {{creator_name}}, your links:\n{{promotion_link}}', 'message');
    const { outreach } = await w.handlers['outreach:create'](
      w.input({ invitationTemplateId: invitation, messageTemplateId: message }),
    );
    expect(w.ensured).toEqual([['p1', 'p2']]);
    expect(
      w.db
        .prepare(`SELECT text FROM deliveries WHERE outreach_id = ? AND action = 'message'`)
        .pluck()
        .get(outreach.id),
    ).toBe('Hi One, your links:\nMug: https://x.test/t/kept\nLamp: https://x.test/t/p2');
  });

  it('asks for no link when no template uses the variable, or the input names one', async () => {
    const w = world();
    const invitation = w.template('inv', 'Join {{shop_name}}', 'invitation');
    const message = w.template('msg', 'Hi {{creator_name}} {{promotion_link}}', 'message');
    await w.handlers['outreach:plan'](
      w.input({ action: 'invite', invitationTemplateId: invitation, messageTemplateId: message }),
    );
    const given = await w.handlers['outreach:plan'](
      w.input({
        invitationTemplateId: invitation,
        messageTemplateId: message,
        values: { promotionLink: 'https://x.test/mine' },
      }),
    );
    expect(w.ensured).toEqual([]);
    expect(given.problems).toEqual([]);
    // Without the links and without generating them, the plan names the empty variable.
    const plain = w.service.plan(w.input({ invitationTemplateId: invitation, messageTemplateId: message }));
    expect(plain.problems).toContainEqual(
      expect.objectContaining({ code: 'empty_value', variable: 'promotion_link' }),
    );
  });
});
