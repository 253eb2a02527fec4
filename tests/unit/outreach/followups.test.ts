import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src-main/db/connection';
import {
  firstStepKey,
  followUpKey,
  type ListedMessage,
  repliedSince,
  StoredReplies,
  waitingForPrevious,
} from '../../../src-main/outreach/followups';
import { OutreachService } from '../../../src-main/outreach/service';
import { OutreachStore } from '../../../src-main/outreach/store';

const day = 86_400_000;
const now = Date.UTC(2026, 11, 2, 12);

function world() {
  const db = openDatabase(':memory:');
  db.exec(`
    INSERT INTO accounts (id, provider, status, remote_id, display_name, connected_at, updated_at)
      VALUES ('a1', 'shop', 'active', 'r1', 'Seller', 1, 1);
    INSERT INTO shops (shop_id, account_id, name, region, currency, cipher) VALUES ('s1', 'a1', 'Maple', 'US', 'USD', 'c');
    INSERT INTO creators (id, canonical_id, open_id, handle, nickname, region, first_seen_at, updated_at) VALUES
      (1, 1, 'o1', 'one', 'One', 'US', 1, 1), (2, 2, 'o2', 'two', 'Two', 'US', 1, 1),
      (3, 3, NULL, 'three', 'Three', 'US', 1, 1);
  `);
  const service = new OutreachService({ db, now: () => now });
  const template = (name: string, body: string, kind: 'message' | 'invitation' = 'message') =>
    service.templates.save({ name, kind, language: 'en', body }).id;
  const first = template('first', 'Hi {{creator_name}}, a sample from {{shop_name}}?');
  const second = template('second', 'Just checking in, {{creator_name}}.');
  const third = template('third', 'Last note from {{shop_name}}.');
  const input = (over: Record<string, unknown> = {}) => ({
    accountId: 'a1',
    shopId: 's1',
    name: 'Spring',
    action: 'message' as const,
    creatorIds: [1, 2, 3],
    products: [],
    freeSample: { hasFreeSample: false, approvalExempt: false },
    messageTemplateId: first,
    followUps: [
      { afterDays: 3, templateId: second },
      { afterDays: 4, templateId: third },
    ],
    values: {},
    window: null,
    dailyCap: null,
    ratePerMinute: 30,
    weeklyPool: null,
    ...over,
  });
  const rows = (outreachId: number) =>
    db
      .prepare(
        `SELECT creator_id AS creator, step, state, reason, next_attempt_at AS due, conversation_id AS conv, text
           FROM deliveries WHERE outreach_id = ? ORDER BY creator_id, step`,
      )
      .all(outreachId) as Array<{
      creator: number;
      step: number;
      state: string;
      reason: string | null;
      due: number;
      conv: string | null;
      text: string;
    }>;
  const id = (outreachId: number, creator: number, step: number) =>
    db
      .prepare(
        'SELECT id FROM deliveries WHERE outreach_id = ? AND creator_id = ? AND step = ? AND action = ?',
      )
      .pluck()
      .get(outreachId, creator, step, 'message') as number;
  return { db, service, input, rows, id, templates: { first, second, third, template } };
}

describe('follow-up sequences', () => {
  it('are rendered per creator when the Outreach is created and wait for the step before them', () => {
    const w = world();
    const { outreach, skipped } = w.service.create(w.input());
    expect(skipped).toBe(1);
    const rows = w.rows(outreach.id);
    // Creator 3 has no open id: skipped, and so it gets no follow-ups at all.
    expect(rows.filter((r) => r.creator === 3)).toEqual([
      expect.objectContaining({ step: 0, state: 'skipped', reason: 'no_open_id' }),
    ]);
    expect(rows.filter((r) => r.creator === 1)).toEqual([
      expect.objectContaining({ step: 0, state: 'queued', due: 0, text: 'Hi One, a sample from Maple?' }),
      expect.objectContaining({
        step: 1,
        state: 'queued',
        due: waitingForPrevious,
        text: 'Just checking in, One.',
      }),
      expect.objectContaining({
        step: 2,
        state: 'queued',
        due: waitingForPrevious,
        text: 'Last note from Maple.',
      }),
    ]);
    const summary = w.service.get(outreach.id);
    expect(summary.followUpsPending).toBe(4);
    expect(summary.total).toBe(7);
  });

  it('schedule the next step N days after the previous one went out, and skip the rest when one does not', () => {
    const w = world();
    const { outreach } = w.service.create(w.input());
    const store = new OutreachStore(w.db);
    const sentAt = now + 60_000;
    w.db.prepare(`UPDATE deliveries SET conversation_id = 'c1' WHERE id = ?`).run(w.id(outreach.id, 1, 0));
    store.move([w.id(outreach.id, 1, 0)], ['queued'], 'sent', sentAt, { sentAt, remoteId: 'm1' });
    // Creator 2's first message failed (sensitive words): its whole sequence stops with it.
    store.move([w.id(outreach.id, 2, 0)], ['queued'], 'failed', now, { reason: 'sensitive_words' });
    const rows = w.rows(outreach.id);
    expect(rows.find((r) => r.creator === 1 && r.step === 1)).toMatchObject({
      state: 'queued',
      due: sentAt + 3 * day,
      conv: 'c1',
    });
    expect(rows.find((r) => r.creator === 1 && r.step === 2)?.due).toBe(waitingForPrevious);
    expect(rows.filter((r) => r.creator === 2 && r.step > 0).map((r) => [r.state, r.reason])).toEqual([
      ['skipped', 'previous_step'],
      ['skipped', 'previous_step'],
    ]);

    // The first follow-up goes out: the second is due four days after it.
    const secondAt = sentAt + 3 * day;
    store.move([w.id(outreach.id, 1, 1)], ['queued'], 'sent', secondAt, { sentAt: secondAt, remoteId: 'm2' });
    expect(w.rows(outreach.id).find((r) => r.creator === 1 && r.step === 2)?.due).toBe(secondAt + 4 * day);
  });

  it('are refused before anything is queued when a template does not fit', () => {
    const w = world();
    const invitation = w.templates.template('inv', 'Join {{shop_name}}', 'invitation');
    expect(() =>
      w.service.create(w.input({ followUps: [{ afterDays: 2, templateId: invitation }] })),
    ).toThrow(/needs a message template/);
    expect(() =>
      w.service.create(
        w.input({
          action: 'invite',
          products: [{ productId: 'p1', commissionBp: 1500 }],
          sellerEmail: 'a@b.example',
          invitationTemplateId: invitation,
        }),
      ),
    ).toThrow(/Follow-ups follow a message/);
    const broken = w.templates.template('broken', 'Use {{promotion_link}} now');
    expect(() => w.service.create(w.input({ followUps: [{ afterDays: 2, templateId: broken }] }))).toThrow(
      /promotion_link/,
    );
    expect(w.db.prepare('SELECT count(*) FROM deliveries').pluck().get()).toBe(0);
  });

  it('stop when the conversation sync stored a reply after the first message', () => {
    const w = world();
    const { outreach } = w.service.create(w.input());
    w.service.start(outreach.id);
    const store = new OutreachStore(w.db);
    w.db.prepare(`UPDATE deliveries SET conversation_id = 'c1' WHERE id = ?`).run(w.id(outreach.id, 1, 0));
    w.db.prepare(`UPDATE deliveries SET conversation_id = 'c2' WHERE id = ?`).run(w.id(outreach.id, 2, 0));
    store.move([w.id(outreach.id, 1, 0), w.id(outreach.id, 2, 0)], ['queued'], 'sent', now, {
      sentAt: now,
      remoteId: null,
    });
    w.db
      .prepare(`UPDATE deliveries SET remote_id = 'm-' || creator_id, sending_at = ? WHERE step = 0`)
      .run(now - 1_000);
    w.db.exec(`
      INSERT INTO conversations (conversation_id, account_id, shop_id, creator_id, synced_at)
        VALUES ('c1', 'a1', 's1', 1, 1), ('c2', 'a1', 's1', 2, 1);
      -- Creator 1 wrote before the first message (an old thread) and after it; creator 2 only before.
      INSERT INTO messages (message_id, conversation_id, conversation_index, type, content, from_creator, create_time) VALUES
        ('old-1', 'c1', '999', 'TEXT', '{}', 1, 1),
        ('m-1', 'c1', '1000', 'TEXT', '{}', 0, ${now}),
        ('r-1', 'c1', '1001', 'TEXT', '{}', 1, ${now + 5_000}),
        ('old-2', 'c2', '999', 'TEXT', '{}', 1, 1),
        ('m-2', 'c2', '1000', 'TEXT', '{}', 0, ${now});
    `);
    const replies = new StoredReplies(w.db);
    const { replied } = replies.repliedScheduled(0);
    expect(replied.map((f) => f.id)).toEqual([w.id(outreach.id, 1, 1)]);
    // Before its first message is synced, a reply is told by time.
    w.db.exec(`DELETE FROM messages WHERE message_id = 'm-2'`);
    expect(replies.replied(replies.sequenceStart(followUpKey(firstKey(w, outreach.id, 2), 1), 1)!)).toBe(
      false,
    );
    w.db.exec(
      `INSERT INTO messages (message_id, conversation_id, conversation_index, type, content, from_creator, create_time)
       VALUES ('r-2', 'c2', '1001', 'TEXT', '{}', 1, ${now + 1})`,
    );
    expect(replies.replied(replies.sequenceStart(followUpKey(firstKey(w, outreach.id, 2), 1), 1)!)).toBe(
      true,
    );
  });
});

function firstKey(w: ReturnType<typeof world>, outreachId: number, creator: number): string {
  return w.db
    .prepare('SELECT idempotency_key FROM deliveries WHERE id = ?')
    .pluck()
    .get(w.id(outreachId, creator, 0)) as string;
}

describe('keys of a sequence', () => {
  it('name each step from the first message and back', () => {
    expect(followUpKey('u1:7:message', 2)).toBe('u1:7:message:2');
    expect(firstStepKey('u1:7:message:2', 2)).toBe('u1:7:message');
    expect(firstStepKey('u1:7:message:12', 12)).toBe('u1:7:message');
    expect(firstStepKey('u1:7:message', 0)).toBe('u1:7:message');
  });
});

describe('a reply read from TikTok right before a follow-up', () => {
  const seller = 'seller-im';
  const creator = 'creator-im';
  const m = (id: string, index: string, sender: string | null): ListedMessage => ({
    messageId: id,
    conversationIndex: index,
    senderId: sender,
  });

  it('is a later message from anyone but the seller', () => {
    const page = [m('r1', '10000000000000000001', creator), m('first', '10000000000000000000', seller)];
    expect(repliedSince(page, 'first', new Set(['first']), false)).toBe(true);
  });

  it('is not the seller’s own later messages, nor the creator’s older ones', () => {
    const page = [
      m('f1', '10000000000000000002', seller),
      m('first', '10000000000000000001', seller),
      m('old', '9999999999999999999', creator),
    ];
    expect(repliedSince(page, 'first', new Set(['first', 'f1']), false)).toBe(false);
  });

  it('counts a message ShopMesh did not send only when its sender is not the seller', () => {
    const page = [m('sc', '3', seller), m('first', '2', seller)];
    // Written by the merchant in Seller Center: the seller's side, not a reply.
    expect(repliedSince(page, 'first', new Set(['first']), false)).toBe(false);
    expect(repliedSince([m('x', '3', null), m('first', '2', null)], 'first', new Set(['first']), false)).toBe(
      true,
    );
  });

  it('is assumed when the first message fell off a full page of later messages', () => {
    const page = Array.from({ length: 20 }, (_, i) => m(`n${i}`, String(100 - i), seller));
    expect(repliedSince(page, 'first', new Set(), true)).toBe(true);
    expect(repliedSince(page.slice(0, 3), 'first', new Set(), false)).toBe(false);
  });
});
