import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src-main/db/connection';
import { OutreachService } from '../../../src-main/outreach/service';

const day = 86_400_000;
const now = Date.UTC(2026, 11, 2, 12);

/** Shop s1 (US) of Account a1 with creators 1…4 (US, open ids o1…o4). */
function world(): ReturnType<typeof openDatabase> {
  const db = openDatabase(':memory:');
  db.exec(`
    INSERT INTO accounts (id, provider, status, remote_id, display_name, connected_at, updated_at)
      VALUES ('a1', 'shop', 'active', 'r1', 'Seller', 1, 1);
    INSERT INTO shops (shop_id, account_id, name, region, currency, cipher) VALUES ('s1', 'a1', 'Maple', 'US', 'USD', 'c');
    INSERT INTO creators (id, canonical_id, open_id, handle, region, first_seen_at, updated_at) VALUES
      (1, 0, 'o1', 'one', 'US', 1, 1), (2, 0, 'o2', 'two', 'US', 1, 1), (3, 0, 'o3', 'three', 'US', 1, 1),
      (4, 0, 'o4', 'four', 'US', 1, 1);
    UPDATE creators SET canonical_id = id WHERE canonical_id = 0;
  `);
  return db;
}

let uid = 0;
/** An earlier Outreach of shop s1 whose one Delivery reached `creatorId` at `at`. */
function earlier(
  db: ReturnType<typeof openDatabase>,
  d: {
    creatorId: number;
    action: 'invite' | 'message';
    at: number;
    products?: string[];
    invitationEndAt?: number;
    state?: string;
    reason?: string;
  },
): void {
  const id = Number(
    db
      .prepare(
        `INSERT INTO outreaches (uid, account_id, shop_id, name, action, status, settings, created_at, updated_at)
         VALUES (?, 'a1', 's1', 'Before', ?, 'finished', ?, 1, 1)`,
      )
      .run(
        `u${++uid}`,
        d.action,
        JSON.stringify({
          products: (d.products ?? []).map((productId) => ({ productId, commissionBp: 1000 })),
          invitationEndAt: d.invitationEndAt ?? null,
        }),
      ).lastInsertRowid,
  );
  const state = d.state ?? 'sent';
  db.prepare(
    `INSERT INTO deliveries (outreach_id, creator_id, creator_open_id, action, idempotency_key, state, reason,
       sent_at, sending_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    d.creatorId,
    `o${d.creatorId}`,
    d.action,
    `k${uid}`,
    state,
    d.reason ?? null,
    state === 'sent' ? d.at : null,
    d.at,
    d.at,
  );
}

function service(db: ReturnType<typeof openDatabase>, cooldownDays?: number): OutreachService {
  return new OutreachService({
    db,
    now: () => now,
    ...(cooldownDays === undefined ? {} : { cooldownDays: () => cooldownDays }),
  });
}

let templates = 0;
function input(s: OutreachService, action: 'invite' | 'message' | 'both', products: string[]) {
  const n = ++templates;
  const invitation = s.templates.save({ name: `i${n}`, kind: 'invitation', language: 'en', body: 'Join us' });
  const message = s.templates.save({ name: `m${n}`, kind: 'message', language: 'en', body: 'Hi' });
  return {
    accountId: 'a1',
    shopId: 's1',
    name: 'New',
    action,
    creatorIds: [1, 2, 3, 4],
    products: products.map((productId) => ({ productId, commissionBp: 1500 })),
    freeSample: { hasFreeSample: false, approvalExempt: false },
    sellerEmail: 'seller@example.com',
    invitationTemplateId: invitation.id,
    messageTemplateId: message.id,
    values: {},
    window: null,
    dailyCap: null,
    weeklyPool: null,
  };
}

const reasons = (plan: ReturnType<OutreachService['plan']>) =>
  plan.rows.map((r) => [r.creatorId, r.outcome === 'skipped' ? 'skipped' : 'goes', r.reason, r.leftOut]);

describe('plan skip reasons', () => {
  it('skips a creator already invited to every product of the Outreach (synced collaborations and our own)', () => {
    const db = world();
    db.exec(`
      INSERT INTO collaborations (collaboration_id, account_id, shop_id, status, name, end_time, etag, synced_at)
        VALUES ('k1', 'a1', 's1', 'VALID', 'Spring', ${now + 10 * day}, 'e', 1),
               ('k2', 'a1', 's1', 'COMPLETED', 'Old', ${now - day}, 'e', 1);
      INSERT INTO collaboration_creators (collaboration_id, creator_id, status) VALUES ('k1', 1, 'NORMAL'), ('k2', 3, 'NORMAL');
      INSERT INTO collaboration_products VALUES ('k1', 'p1'), ('k1', 'p2'), ('k2', 'p1'), ('k2', 'p2');
    `);
    // Creator 2: ShopMesh invited it to p1 and p2 two days ago (the invitation runs 30 days).
    earlier(db, { creatorId: 2, action: 'invite', at: now - 2 * day, products: ['p1', 'p2'] });
    // Creator 4: invited to p1 and p2, but that invitation ended yesterday.
    earlier(db, {
      creatorId: 4,
      action: 'invite',
      at: now - 5 * day,
      products: ['p1', 'p2'],
      invitationEndAt: now - day,
    });
    const s = service(db);
    expect(reasons(s.plan(input(s, 'invite', ['p1', 'p2'])))).toEqual([
      [1, 'skipped', 'already_invited', null],
      [2, 'skipped', 'already_invited', null],
      [3, 'goes', null, null],
      [4, 'goes', null, null],
    ]);
    // A product none of them has: TikTok invites the new pair, so nobody is skipped.
    expect(s.plan(input(s, 'invite', ['p1', 'p3'])).counts.skipped).toBe(0);
    // A message is not an invitation: nobody is skipped for it.
    expect(s.plan(input(s, 'message', [])).counts.skipped).toBe(0);
    // Both: the invitation is left out for creators 1 and 2, their message still goes.
    const both = input(s, 'both', ['p1', 'p2']);
    expect(reasons(s.plan(both)).slice(0, 2)).toEqual([
      [1, 'goes', 'already_invited', 'invite'],
      [2, 'goes', 'already_invited', 'invite'],
    ]);
    const { outreach } = s.create(both);
    expect(
      db
        .prepare(
          'SELECT creator_id, action, state, reason FROM deliveries WHERE outreach_id = ? ORDER BY creator_id, action',
        )
        .all(outreach.id)
        .slice(0, 4),
    ).toEqual([
      { creator_id: 1, action: 'invite', state: 'skipped', reason: 'already_invited' },
      { creator_id: 1, action: 'message', state: 'queued', reason: null },
      { creator_id: 2, action: 'invite', state: 'skipped', reason: 'already_invited' },
      { creator_id: 2, action: 'message', state: 'queued', reason: null },
    ]);
  });

  it('skips a creator any Outreach contacted within the cooldown set in Settings', () => {
    const db = world();
    earlier(db, { creatorId: 1, action: 'message', at: now - 3 * day });
    earlier(db, { creatorId: 2, action: 'invite', at: now - 20 * day, products: ['p9'] });
    // A lost answer may have reached the creator: it counts as contact.
    earlier(db, { creatorId: 3, action: 'message', at: now - day, state: 'maybe_sent' });
    // A failed Delivery reached nobody.
    earlier(db, { creatorId: 4, action: 'message', at: now - day, state: 'failed', reason: 'remote' });
    const s = service(db, 14);
    const plan = s.plan(input(s, 'message', []));
    expect(reasons(plan)).toEqual([
      [1, 'skipped', 'cooldown', null],
      [2, 'goes', null, null],
      [3, 'skipped', 'cooldown', null],
      [4, 'goes', null, null],
    ]);
    const shorter = service(db, 2);
    expect(shorter.plan(input(shorter, 'message', [])).rows.map((r) => r.reason)).toEqual([
      null,
      null,
      'cooldown',
      null,
    ]);
    const off = service(db, 0);
    expect(off.plan(input(off, 'message', [])).counts.skipped).toBe(0);
    // Created the same way: the skipped creators' Deliveries say why.
    const { outreach, skipped } = s.create(input(s, 'invite', ['p1']));
    expect(skipped).toBe(2);
    expect(
      db
        .prepare('SELECT creator_id, state, reason FROM deliveries WHERE outreach_id = ? ORDER BY creator_id')
        .all(outreach.id),
    ).toEqual([
      { creator_id: 1, state: 'skipped', reason: 'cooldown' },
      { creator_id: 2, state: 'queued', reason: null },
      { creator_id: 3, state: 'skipped', reason: 'cooldown' },
      { creator_id: 4, state: 'queued', reason: null },
    ]);
  });

  it('skips a message to a creator who got five messages without replying, and trims follow-ups past the limit', () => {
    const db = world();
    const message = (conv: string, index: number, fromCreator: 0 | 1, at: number): string =>
      `INSERT INTO messages (message_id, conversation_id, conversation_index, type, content, from_creator, create_time)
         VALUES ('${conv}-${index}', '${conv}', ${index}, 'TEXT', '{"content":"x"}', ${fromCreator}, ${at});`;
    db.exec(`
      INSERT INTO conversations (conversation_id, account_id, shop_id, creator_id, synced_at) VALUES
        ('c1', 'a1', 's1', 1, 1), ('c2', 'a1', 's1', 2, 1), ('c3', 'a1', 's1', 3, 1), ('c4', 'a1', 's1', 4, 1);
      -- Creator 1: replied once, then five shop messages: the limit is reached.
      ${message('c1', 1, 1, now - 9 * day)}
      ${[2, 3, 4, 5, 6].map((i) => message('c1', i, 0, now - (9 - i) * day)).join('\n')}
      -- Creator 2: four shop messages synced, plus one ShopMesh sent after the last sync.
      ${[1, 2, 3, 4].map((i) => message('c2', i, 0, now - (9 - i) * day)).join('\n')}
      -- Creator 3: five shop messages, then the creator replied: nothing is unanswered.
      ${[1, 2, 3, 4, 5].map((i) => message('c3', i, 0, now - (9 - i) * day)).join('\n')}
      ${message('c3', 6, 1, now - 2 * day)}
      -- Creator 4: two shop messages without a reply.
      ${[1, 2].map((i) => message('c4', i, 0, now - (9 - i) * day)).join('\n')}
    `);
    earlier(db, { creatorId: 2, action: 'message', at: now - day });
    // Already synced (sent before the newest synced message): not counted twice.
    earlier(db, { creatorId: 4, action: 'message', at: now - 8 * day });
    const s = service(db);
    expect(reasons(s.plan(input(s, 'message', [])))).toEqual([
      [1, 'skipped', 'message_limit', null],
      [2, 'skipped', 'message_limit', null],
      [3, 'goes', null, null],
      [4, 'goes', null, null],
    ]);
    // An invitation is not a message: nobody is skipped; `both` leaves the message out.
    expect(s.plan(input(s, 'invite', ['p1'])).counts.skipped).toBe(0);
    expect(reasons(s.plan(input(s, 'both', ['p1']))).slice(0, 2)).toEqual([
      [1, 'goes', 'message_limit', 'message'],
      [2, 'goes', 'message_limit', 'message'],
    ]);
    // Creator 4 has two unanswered: the first message and two follow-ups fit in five, the third does not.
    const followUp = s.templates.save({ name: 'f', kind: 'message', language: 'en', body: 'Again' });
    const { outreach } = s.create({
      ...input(s, 'message', []),
      creatorIds: [3, 4],
      followUps: [
        { afterDays: 2, templateId: followUp.id },
        { afterDays: 2, templateId: followUp.id },
        { afterDays: 2, templateId: followUp.id },
      ],
    });
    expect(
      db
        .prepare(
          'SELECT creator_id, step, state, reason FROM deliveries WHERE outreach_id = ? ORDER BY creator_id, step',
        )
        .all(outreach.id),
    ).toEqual([
      { creator_id: 3, step: 0, state: 'queued', reason: null },
      { creator_id: 3, step: 1, state: 'queued', reason: null },
      { creator_id: 3, step: 2, state: 'queued', reason: null },
      { creator_id: 3, step: 3, state: 'queued', reason: null },
      { creator_id: 4, step: 0, state: 'queued', reason: null },
      { creator_id: 4, step: 1, state: 'queued', reason: null },
      { creator_id: 4, step: 2, state: 'queued', reason: null },
      { creator_id: 4, step: 3, state: 'skipped', reason: 'message_limit' },
    ]);
  });
});
