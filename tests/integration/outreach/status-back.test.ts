import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CreatorsService } from '../../../src-main/creators/service';
import { silentLogger } from '../../../src-main/log/logger';
import { lastContactedFacts, pipelineMover } from '../../../src-main/outreach/crm';
import { outreachResults } from '../../../src-main/outreach/results';
import { OutreachService } from '../../../src-main/outreach/service';
import { type OutreachWorld, outreachInput, startOutreachWorld } from '../../helpers/outreach-world';
import { admin } from '../../helpers/sync-fixtures';
import { syncAndWait, syncServiceFor, type TestSync } from '../../helpers/sync-service';
import { outcomes as outcomesSchema } from '../sandbox/shapes';

/**
 * Status back (issue 14 item 8), end to end against the sandbox: an Outreach invites and messages creators;
 * the sandbox's creators accept after a delay, post a day later and sell through the collaboration; each
 * sync brings that back, the creators move along the CRM pipeline with the cause of each move, and the
 * Outreach's results show accepted / posted / sold per product. What the sandbox's creators do is read from
 * `/admin/outcomes`, so the expected figures come from the simulator, not from the test.
 */

const HOUR = 3_600;
let w: OutreachWorld;
let crm: CreatorsService;
let service: OutreachService;
let sync: TestSync;
/** How far the test moved the sandbox clock; the app's clock moves with it, as a computer's does. */
let offsetMs = 0;
const now = () => Date.now() + offsetMs;

beforeAll(async () => {
  w = await startOutreachWorld(12, {
    config: {
      // Everyone accepts within 1–2 h, posts a day after, sells twice over the next two weeks, replies in 10 min.
      acceptShare: 1,
      acceptDelaySec: [HOUR, 2 * HOUR],
      postShare: 1,
      postDelaySec: [24 * HOUR, 24 * HOUR],
      salesPerPost: [2, 2],
      replyShare: 1,
      replyDelaySec: [600, 600],
      shopAccessTtlSec: 60 * 86_400,
    },
  });
  crm = new CreatorsService({
    db: w.db,
    logger: silentLogger(),
    now,
    emitChanged: () => undefined,
    emitScoreProgress: () => undefined,
    record: () => undefined,
  });
  crm.extensions.register('outreach', { facts: lastContactedFacts });
  service = new OutreachService({ db: w.db, now, blocklist: crm.blocklist });
  sync = syncServiceFor(w, { limits: { shopQps: 1000 }, now });
}, 120_000);
afterAll(async () => {
  await sync.service.close();
  await crm.close();
  await w.close();
});

const stageOf = (id: number) =>
  w.db.prepare('SELECT stage FROM creators WHERE id = ?').pluck().get(id) as string;
const lastMove = (id: number) =>
  w.db
    .prepare(
      'SELECT to_stage AS toStage, cause, ref FROM creator_stage_moves WHERE creator_id = ? ORDER BY id DESC LIMIT 1',
    )
    .get(id) as { toStage: string; cause: string; ref: string | null };
const openIdOf = (id: number) =>
  w.db.prepare('SELECT open_id FROM creators WHERE id = ?').pluck().get(id) as string;

const sandboxSec = async () =>
  z.object({ nowSec: z.number() }).parse(await admin(w.info, 'GET', '/clock')).nowSec;

/**
 * Moves the sandbox clock (and the app's) on, syncs what status back needs, and lets the CRM catch up.
 * Returns the sandbox time just before and just after the sync: what happened before `from` was synced,
 * what happens after `to` was not.
 */
async function later(seconds: number): Promise<{ from: number; to: number }> {
  await admin(w.info, 'POST', '/clock', { advanceSec: seconds });
  offsetMs += seconds * 1_000;
  const from = await sandboxSec();
  await syncAndWait(sync, {
    resources: ['products', 'affiliate_orders', 'collaborations', 'conversations'],
  });
  const run = sync.service.history({ limit: 1 }).runs[0]!;
  expect(run.outcome, JSON.stringify(run.error)).toBe('ok');
  while (crm.indexer.drain(1_000, now()).taken > 0);
  return { from, to: await sandboxSec() };
}

describe('status back from TikTok', () => {
  it('acceptances, content, replies and affiliate orders move creators and show per product', async () => {
    const creators = w.creatorIds;
    const { outreach } = service.create(outreachInput(w, service, creators, 'both', 'Status back'));
    service.start(outreach.id);
    await w
      .queue({ blocklist: crm.blocklist, now, onSent: pipelineMover(crm, w.db, silentLogger()) })
      .drain();
    const sent = service
      .deliveries({ outreachId: outreach.id, limit: 100 })
      .items.filter((d) => d.state === 'sent' && d.action === 'invite');
    const invited = sent.map((d) => d.creatorId as number);
    expect(invited.length).toBeGreaterThan(0);
    const collaborationId = w.db
      .prepare('SELECT remote_id FROM deliveries WHERE id = ?')
      .pluck()
      .get(sent[0]!.id) as string;
    for (const id of invited) expect(lastMove(id)).toMatchObject({ toStage: 'invited', cause: 'invitation' });

    const plan = outcomesSchema
      .parse(await admin(w.info, 'GET', '/outcomes'))
      .collaborations.find((c) => c.id === collaborationId)!.creators;
    const planOf = (id: number) => plan.find((p) => p.creatorOpenId === openIdOf(id))!;
    const results = () => outreachResults(w.db, outreach.id);

    // Nothing has happened yet at TikTok: the first sync brings the invitation back unchanged. Creators who
    // already sold for the shop (affiliate orders through its open collaborations) are active from it; the
    // others wait at `invited`, and their moves are what the rest of the test follows.
    await later(60);
    expect(results()).toMatchObject({ invited: invited.length, accepted: 0, posted: 0 });
    expect(results().products[0]).toMatchObject({ productId: w.productId, accepted: 0, posted: 0, units: 0 });
    const fresh = invited.filter((id) => stageOf(id) === 'invited');
    expect(fresh.length).toBeGreaterThanOrEqual(3);

    // Two hours on, every creator has accepted (the product is in their showcase) and replied.
    await later(2 * HOUR);
    for (const id of invited) expect(planOf(id).acceptAt).not.toBeNull();
    for (const id of fresh) {
      expect(stageOf(id)).toBe('accepted');
      expect(lastMove(id)).toEqual({ toStage: 'accepted', cause: 'showcase', ref: collaborationId });
    }
    const accepted = results();
    expect(accepted).toMatchObject({ accepted: invited.length, posted: 0, partlyShowcased: 0 });
    expect(accepted.replied).toBe(accepted.messaged);
    expect(accepted.messaged).toBeGreaterThan(0);
    // The synced conversations belong to the creators messaged (their IM ids joined them), so a reply is
    // evidence about the creator the merchant contacted, not about a second creator made from the IM id.
    const owners = w.db
      .prepare(
        `SELECT d.creator_id AS messaged, c.canonical_id AS owner FROM deliveries d
           JOIN conversations v ON v.conversation_id = d.conversation_id JOIN creators c ON c.id = v.creator_id
          WHERE d.outreach_id = ? AND d.action = 'message' AND d.state = 'sent'`,
      )
      .all(outreach.id) as Array<{ messaged: number; owner: number }>;
    expect(owners.length).toBe(accepted.messaged);
    for (const o of owners) expect(o.owner).toBe(o.messaged);
    expect(accepted.products[0]).toMatchObject({ accepted: invited.length, posted: 0 });

    // A day later they have posted; those whose first sale already came are active because of the order.
    const day = await later(24 * HOUR);
    for (const id of fresh) {
      const kept = planOf(id).sales.filter((s) => !s.cancelled);
      // A sale during the sync itself may or may not have been read: only the clear cases are checked.
      if (kept.some((s) => s.at > day.from && s.at <= day.to)) continue;
      const sold = kept.some((s) => s.at <= day.from);
      expect(stageOf(id)).toBe(sold ? 'active' : 'posted');
      expect(lastMove(id).cause).toBe(sold ? 'affiliate_order' : 'content');
    }
    expect(results().products[0]).toMatchObject({ accepted: invited.length, posted: invited.length });

    // Sixteen days on, every sale has come (the last comes at most 14 days after the post):
    // the Outreach's product shows what sold, as the sandbox planned it.
    await later(16 * 24 * HOUR);
    const sales = invited.flatMap((id) => planOf(id).sales.filter((s) => !s.cancelled));
    const final = results();
    expect(final.products[0]).toMatchObject({
      productId: w.productId,
      accepted: invited.length,
      posted: invited.length,
      orders: sales.length,
      units: sales.reduce((n, s) => n + s.quantity, 0),
      sellingCreators: new Set(invited.filter((id) => planOf(id).sales.some((s) => !s.cancelled))).size,
    });
    for (const id of fresh) {
      if (!planOf(id).sales.some((s) => !s.cancelled)) continue;
      expect(stageOf(id)).toBe('active');
      const move = lastMove(id);
      expect(move.cause).toBe('affiliate_order');
      expect(planOf(id).sales.map((s) => s.orderId)).toContain(move.ref);
    }
  }, 180_000);
});
