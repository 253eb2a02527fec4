import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { admin, SHOP_ACCOUNT } from '../../helpers/sync-fixtures';
import { syncAndWait, syncServiceFor } from '../../helpers/sync-service';
import {
  contactCounts,
  type OutreachWorld,
  startOutreachWorld,
  writesOf,
} from '../../helpers/outreach-world';

/**
 * Follow-ups against the sandbox, on the sandbox's clock: creators answer a first message after a delay
 * of their own (seeded, up to two days). Three days later each creator who has not replied gets exactly
 * one follow-up; one who replied gets none — whether the conversation sync stored the reply first or the
 * queue read it from TikTok right before sending.
 */

const day = 86_400_000;
let w: OutreachWorld;
/** The sandbox clock's lead over the wall clock: the queue runs on the sandbox's time. */
let offset = 0;
const now = () => Date.now() + offset;

beforeAll(async () => {
  w = await startOutreachWorld(24);
  const clock = z.object({ nowMs: z.number() }).parse(await admin(w.info, 'GET', '/clock'));
  offset = clock.nowMs - Date.now();
}, 60_000);
afterAll(async () => w.close());

async function advanceDays(days: number): Promise<void> {
  const clock = z
    .object({ nowMs: z.number() })
    .parse(await admin(w.info, 'POST', '/clock', { advanceMs: Math.round(days * day) }));
  offset = clock.nowMs - Date.now();
}

function create(name: string, creatorIds: number[]): number {
  const template = (body: string) =>
    w.service.templates.save({ name: `${name} ${Math.random()}`, kind: 'message', language: 'en', body }).id;
  const { outreach } = w.service.create({
    accountId: SHOP_ACCOUNT,
    shopId: w.shop.id,
    name,
    action: 'message',
    creatorIds,
    products: [],
    freeSample: { hasFreeSample: false, approvalExempt: false },
    messageTemplateId: template('Hi {{creator_name}}, may {{shop_name}} send you a sample?'),
    followUps: [{ afterDays: 3, templateId: template('Just following up, {{creator_name}}.') }],
    values: { shopName: 'Maple & Moss' },
    window: null,
    dailyCap: null,
    ratePerMinute: 3_000,
    weeklyPool: null,
  });
  w.service.start(outreach.id);
  return outreach.id;
}

interface Row {
  creatorId: number;
  step: number;
  state: string;
  reason: string | null;
  conversationId: string | null;
  sentAt: number | null;
}
const rows = (outreachId: number) =>
  w.db
    .prepare(
      `SELECT creator_id AS creatorId, step, state, reason, conversation_id AS conversationId, sent_at AS sentAt
         FROM deliveries WHERE outreach_id = ? ORDER BY creator_id, step`,
    )
    .all(outreachId) as Row[];

/** Whether the creator wrote in the conversation between two instants (from the synced messages). */
const wroteBetween = (conversationId: string, from: number, to: number) =>
  w.db
    .prepare(
      `SELECT 1 FROM messages WHERE conversation_id = ? AND from_creator = 1 AND create_time >= ?
         AND create_time < ? LIMIT 1`,
    )
    .get(conversationId, from, to) !== undefined;

describe('follow-ups on the sandbox clock', () => {
  it('go to creators who did not reply and stop for those who did', async () => {
    const half = w.creatorIds.length / 2;
    const viaSync = create('Follow-ups (synced replies)', w.creatorIds.slice(0, half));
    const viaTikTok = create('Follow-ups (replies read live)', w.creatorIds.slice(half));
    const queue = w.queue({ now });
    await queue.drain({ until: now() + 3_600_000 });
    for (const id of [viaSync, viaTikTok]) {
      const all = rows(id);
      const sent = new Set(all.filter((r) => r.step === 0 && r.state === 'sent').map((r) => r.creatorId));
      expect(sent.size).toBeGreaterThan(0);
      // A creator whose privacy settings refuse shops is skipped, and its follow-up with it.
      for (const r of all.filter((x) => x.step === 0 && !sent.has(x.creatorId)))
        expect(r).toMatchObject({ state: 'skipped', reason: 'privacy' });
      // Nothing follows up before its day.
      for (const r of all.filter((x) => x.step === 1))
        expect([r.state, r.reason]).toEqual(
          sent.has(r.creatorId) ? ['queued', null] : ['skipped', 'previous_step'],
        );
    }

    // Three days pass; the sandbox's creators replied (or not) meanwhile.
    await advanceDays(3.1);
    // One Outreach waits while the other sends: its replies are only known by asking TikTok.
    w.service.pause(viaSync);
    await w.queue({ now }).drain({ until: now() + 3_600_000 });

    // Now the conversation sync stores the replies; the paused Outreach's follow-ups stop before sending.
    // Requests are signed with the time the sandbox keeps.
    const sync = syncServiceFor(w, { now });
    await syncAndWait(sync, { resources: ['conversations'] });
    const queue2 = w.queue({ now });
    queue2.sweepReplies(now(), true);
    const stoppedEarly = rows(viaSync).filter((r) => r.step === 1 && r.reason === 'replied');
    expect(stoppedEarly.length).toBeGreaterThan(0);
    expect(stoppedEarly.every((r) => r.state === 'skipped')).toBe(true);
    w.service.resume(viaSync);
    await queue2.drain({ until: now() + 3_600_000 });
    await syncAndWait(sync, { resources: ['conversations'] });
    await sync.service.close();

    const { messages } = contactCounts(await writesOf(w));
    for (const id of [viaSync, viaTikTok]) {
      const all = rows(id);
      const replied = all.filter((r) => r.step === 1 && r.state === 'skipped' && r.reason === 'replied');
      const followed = all.filter((r) => r.step === 1 && r.state === 'sent');
      // Both kinds of creator exist, and every sequence ended one way or the other.
      expect(replied.length, `replied in ${id}`).toBeGreaterThan(0);
      expect(followed.length, `followed up in ${id}`).toBeGreaterThan(0);
      expect(replied.length + followed.length).toBe(
        all.filter((r) => r.step === 0 && r.state === 'sent').length,
      );
      const firstOf = (f: Row) => all.find((r) => r.creatorId === f.creatorId && r.step === 0)!;
      for (const f of followed) {
        // Older messages of the creator (a thread from before this Outreach) are not replies.
        expect(wroteBetween(f.conversationId!, firstOf(f).sentAt! - 1_000, f.sentAt!)).toBe(false);
        expect(messages.get(f.conversationId!)).toBe(2);
      }
      for (const f of replied) {
        const first = firstOf(f);
        expect(wroteBetween(first.conversationId!, first.sentAt! - 1_000, now())).toBe(true);
        expect(messages.get(first.conversationId!)).toBe(1);
      }
      expect(w.service.get(id)).toMatchObject({ status: 'finished', followUpsPending: 0 });
    }
  }, 60_000);
});
