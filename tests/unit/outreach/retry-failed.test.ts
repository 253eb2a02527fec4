import { describe, expect, it } from 'vitest';
import { isAppError } from '../../../src-shared/errors';
import type { DeliveryReason, DeliveryState } from '../../../src-shared/outreach';
import { openDatabase } from '../../../src-main/db/connection';
import { followUpKey, waitingForPrevious } from '../../../src-main/outreach/followups';
import { OutreachService } from '../../../src-main/outreach/service';

/**
 * "Retry failed" on the Delivery state machine: `failed → queued` only for failures TikTok does not mean as
 * final, with what those failures skipped; nothing else moves. The queue's own moves (store.move) bring the
 * Deliveries to their states, so the follow-ups they skip are skipped as in a real run.
 */

const now = Date.UTC(2026, 11, 2, 12);
let clock = now;

function world(creators = 10) {
  clock = now;
  const db = openDatabase(':memory:');
  db.exec(`
    INSERT INTO accounts (id, provider, status, remote_id, display_name, connected_at, updated_at)
      VALUES ('a1', 'shop', 'active', 'r1', 'Seller', 1, 1);
    INSERT INTO shops (shop_id, account_id, name, region, currency, cipher) VALUES ('s1', 'a1', 'Maple', 'US', 'USD', 'c');
    INSERT INTO products (product_id, account_id, shop_id, title, status, etag, synced_at)
      VALUES ('p1', 'a1', 's1', 'Linen shirt', 'ACTIVATE', 'e', 1);
  `);
  const add = db.prepare(
    `INSERT INTO creators (id, canonical_id, open_id, handle, nickname, region, first_seen_at, updated_at)
     VALUES (?, ?, ?, ?, ?, 'US', 1, 1)`,
  );
  for (let i = 1; i <= creators; i++) add.run(i, i, `o${i}`, `c${i}`, `C${i}`);
  const service = new OutreachService({ db, now: () => clock });
  const template = (name: string, over: Record<string, unknown> = {}) =>
    service.templates.save({
      name,
      kind: 'message',
      language: 'en',
      body: `${name}, {{creator_name}}?`,
      ...over,
    }).id;
  const base = {
    accountId: 'a1',
    shopId: 's1',
    creatorIds: Array.from({ length: creators }, (_, i) => i + 1),
    products: [{ productId: 'p1', commissionBp: 1500 }],
    freeSample: { hasFreeSample: false, approvalExempt: false },
    values: {},
    window: null,
    dailyCap: null,
    ratePerMinute: 30,
    weeklyPool: null,
  };
  const delivery = (outreachId: number, creator: number, action = 'message', step = 0) =>
    db
      .prepare(
        `SELECT id, state, reason, reason_detail AS detail, attempts, retries, retried_at AS retriedAt,
                next_attempt_at AS due, idempotency_key AS key
           FROM deliveries WHERE outreach_id = ? AND creator_id = ? AND action = ? AND step = ?`,
      )
      .get(outreachId, creator, action, step) as {
      id: number;
      state: DeliveryState;
      reason: DeliveryReason | null;
      detail: string | null;
      attempts: number;
      retries: number;
      retriedAt: number | null;
      due: number;
      key: string;
    };
  /** Moves a Delivery as the queue does: from queued through sending to its end. */
  const settle = (
    id: number,
    to: DeliveryState,
    reason: DeliveryReason | null,
    detail: string | null = null,
  ) => {
    db.prepare(`UPDATE deliveries SET attempts = 8, sending_at = ? WHERE id = ?`).run(clock, id);
    service.store.move([id], ['queued'], 'sending', clock);
    service.store.move([id], ['sending'], to, clock, {
      reason,
      reasonDetail: detail,
      ...(to === 'sent' ? { sentAt: clock, remoteId: `m${id}` } : {}),
    });
  };
  return { db, service, base, template, delivery, settle };
}

describe('retry failed', () => {
  it('re-queues only failures TikTok does not mean as final, and leaves everything else as it is', () => {
    const w = world(10);
    const { outreach } = w.service.create({
      ...w.base,
      name: 'Spring',
      action: 'message',
      messageTemplateId: w.template('Hi'),
    });
    w.service.start(outreach.id);
    const ends: Array<[number, DeliveryState, DeliveryReason | null]> = [
      [1, 'failed', 'too_many_attempts'],
      [2, 'failed', 'unavailable'],
      [3, 'failed', 'remote'],
      [4, 'failed', 'sensitive_words'],
      [5, 'skipped', 'already_invited'],
      [6, 'skipped', 'privacy'],
      [7, 'skipped', 'blocklisted'],
      [8, 'maybe_sent', null],
      [9, 'sent', null],
    ];
    for (const [creator, state, reason] of ends) {
      const d = w.delivery(outreach.id, creator);
      if (state === 'maybe_sent') {
        w.service.store.move([d.id], ['queued'], 'sending', clock);
        w.service.store.move([d.id], ['sending'], 'maybe_sent', clock);
      } else w.settle(d.id, state, reason, reason === 'remote' ? 'TikTok said no' : null);
    }
    const before = ends.map(([c]) => w.delivery(outreach.id, c));
    expect(w.service.get(outreach.id).retryable).toBe(3);

    clock += 60_000;
    const r = w.service.retryFailed(outreach.id);
    expect(r).toMatchObject({ requeued: 3, resumed: 0 });
    expect(r.outreach.retryable).toBe(0);
    for (const creator of [1, 2, 3])
      expect(w.delivery(outreach.id, creator)).toMatchObject({
        state: 'queued',
        reason: null,
        detail: null,
        // The backoff's limit counts again from zero; the key is the same row's.
        attempts: 0,
        due: 0,
        retries: 1,
        retriedAt: clock,
        key: before[creator - 1]!.key,
      });
    // Final refusals, a lost answer still to reconcile, and what went out: untouched.
    for (const creator of [4, 5, 6, 7, 8, 9])
      expect(w.delivery(outreach.id, creator)).toEqual(before[creator - 1]);
    expect(w.delivery(outreach.id, 10)).toMatchObject({ state: 'queued', retries: 0 });

    // Pressed again (a double click, a second window): nothing left to move.
    expect(w.service.retryFailed(outreach.id)).toMatchObject({ requeued: 0, resumed: 0 });
    expect(w.delivery(outreach.id, 1).retries).toBe(1);

    // Failed again later: a second retry counts.
    w.settle(w.delivery(outreach.id, 1).id, 'failed', 'too_many_attempts');
    clock += 60_000;
    expect(w.service.retryFailed(outreach.id).requeued).toBe(1);
    expect(w.delivery(outreach.id, 1)).toMatchObject({ state: 'queued', retries: 2, retriedAt: clock });
  });

  it('runs a finished Outreach again, keeps a paused one paused, and refuses a cancelled one', () => {
    const w = world(3);
    const create = (name: string) =>
      w.service.create({ ...w.base, name, action: 'message', messageTemplateId: w.template(name) }).outreach
        .id;
    const finished = create('Done');
    w.service.start(finished);
    w.settle(w.delivery(finished, 1).id, 'failed', 'unavailable');
    w.settle(w.delivery(finished, 2).id, 'sent', null);
    w.settle(w.delivery(finished, 3).id, 'skipped', 'privacy');
    w.service.store.setStatus(finished, 'finished', clock);
    const again = w.service.retryFailed(finished).outreach;
    expect(again).toMatchObject({ status: 'running', finishedAt: null });
    expect(again.counts).toMatchObject({ queued: 1, sent: 1, skipped: 1, failed: 0 });

    const paused = create('Held');
    w.service.start(paused);
    w.settle(w.delivery(paused, 1).id, 'failed', 'remote');
    w.service.pause(paused);
    expect(w.service.retryFailed(paused)).toMatchObject({ requeued: 1, outreach: { status: 'paused' } });

    const cancelled = create('Stopped');
    w.service.start(cancelled);
    w.settle(w.delivery(cancelled, 1).id, 'failed', 'remote');
    w.service.cancel(cancelled);
    const refused = (() => {
      try {
        w.service.retryFailed(cancelled);
      } catch (err) {
        return err;
      }
    })();
    expect(isAppError(refused) && refused.code).toBe('CONFLICT');
    expect(w.delivery(cancelled, 1).state).toBe('failed');

    const draft = create('Later');
    expect(() => w.service.retryFailed(draft)).toThrow();
  });

  it('brings back the follow-ups a failed message skipped, waiting for it, but not those a reply stopped', () => {
    const w = world(2);
    const { outreach } = w.service.create({
      ...w.base,
      name: 'Sequence',
      action: 'message',
      messageTemplateId: w.template('First'),
      followUps: [
        { afterDays: 3, templateId: w.template('Second') },
        { afterDays: 4, templateId: w.template('Third') },
      ],
    });
    w.service.start(outreach.id);
    // Creator 1: the first message fails, its two follow-ups are skipped with it.
    w.settle(w.delivery(outreach.id, 1).id, 'failed', 'too_many_attempts');
    expect([1, 2].map((s) => w.delivery(outreach.id, 1, 'message', s))).toMatchObject([
      { state: 'skipped', reason: 'previous_step' },
      { state: 'skipped', reason: 'previous_step' },
    ]);
    // Creator 2: the first message went out and the creator replied; the second fails.
    w.settle(w.delivery(outreach.id, 2).id, 'sent', null);
    w.settle(w.delivery(outreach.id, 2, 'message', 1).id, 'failed', 'remote');
    w.db
      .prepare(`UPDATE deliveries SET reason = 'replied' WHERE id = ?`)
      .run(w.delivery(outreach.id, 2, 'message', 2).id);

    const r = w.service.retryFailed(outreach.id);
    expect(r).toMatchObject({ requeued: 2, resumed: 2 });
    expect(w.delivery(outreach.id, 1)).toMatchObject({ state: 'queued', retries: 1 });
    for (const step of [1, 2])
      expect(w.delivery(outreach.id, 1, 'message', step)).toMatchObject({
        state: 'queued',
        reason: null,
        due: waitingForPrevious,
        retries: 0,
      });
    expect(w.delivery(outreach.id, 2, 'message', 1)).toMatchObject({ state: 'queued', retries: 1, due: 0 });
    expect(w.delivery(outreach.id, 2, 'message', 2)).toMatchObject({ state: 'skipped', reason: 'replied' });
    expect(w.delivery(outreach.id, 1, 'message', 2).key).toBe(followUpKey(w.delivery(outreach.id, 1).key, 2));

    // Sent this time: the sequence is scheduled again from the new first message.
    w.settle(w.delivery(outreach.id, 1).id, 'sent', null);
    expect(w.delivery(outreach.id, 1, 'message', 1).due).toBe(clock + 3 * 86_400_000);
  });

  it('brings back the collaboration card an invitation’s failure skipped', () => {
    const w = world(2);
    const { outreach } = w.service.create({
      ...w.base,
      name: 'Cards',
      action: 'both',
      sellerEmail: 'team@maple.example',
      invitationTemplateId: w.template('Invite', { kind: 'invitation', body: 'Join {{shop_name}}' }),
      messageTemplateId: w.template('Card', { messageType: 'TARGET_COLLABORATION_CARD', body: '' }),
    });
    w.service.start(outreach.id);
    for (const creator of [1, 2]) {
      w.settle(
        w.delivery(outreach.id, creator, 'invite').id,
        'failed',
        creator === 1 ? 'unavailable' : 'sensitive_words',
      );
      // The queue skips the card when it finds its invitation failed.
      w.service.store.move([w.delivery(outreach.id, creator).id], ['queued'], 'skipped', clock, {
        reason: 'previous_step',
      });
    }
    expect(w.service.retryFailed(outreach.id)).toMatchObject({ requeued: 1, resumed: 1 });
    expect(w.delivery(outreach.id, 1, 'invite')).toMatchObject({ state: 'queued', retries: 1 });
    expect(w.delivery(outreach.id, 1)).toMatchObject({ state: 'queued', reason: null, due: 0 });
    // Sensitive words are final: neither the invitation nor its card comes back.
    expect(w.delivery(outreach.id, 2, 'invite')).toMatchObject({
      state: 'failed',
      reason: 'sensitive_words',
    });
    expect(w.delivery(outreach.id, 2)).toMatchObject({ state: 'skipped', reason: 'previous_step' });
  });
});
