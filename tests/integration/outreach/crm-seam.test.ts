import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreatorsService } from '../../../src-main/creators/service';
import { silentLogger } from '../../../src-main/log/logger';
import { lastContactedFacts, pipelineMover } from '../../../src-main/outreach/crm';
import { OutreachService } from '../../../src-main/outreach/service';
import {
  type OutreachWorld,
  outreachInput,
  startOutreachWorld,
  writesOf,
  contactCounts,
} from '../../helpers/outreach-world';

/**
 * Outreach and the creator CRM: the blocklist is obeyed when the plan is made and again right before each
 * request, and what TikTok took moves the creator along the pipeline (with its cause) and sets "last
 * contacted" in the Creators table.
 */

let w: OutreachWorld;
let crm: CreatorsService;
let service: OutreachService;
const changed: number[][] = [];

beforeAll(async () => {
  w = await startOutreachWorld(12);
  crm = new CreatorsService({
    db: w.db,
    logger: silentLogger(),
    now: () => Date.now(),
    emitChanged: () => undefined,
    emitScoreProgress: () => undefined,
    record: () => undefined,
  });
  crm.extensions.register('outreach', { facts: lastContactedFacts });
  crm.indexer.refresh(w.creatorIds, Date.now());
  service = new OutreachService({ db: w.db, now: () => Date.now(), blocklist: crm.blocklist });
}, 60_000);
afterAll(async () => {
  await crm.close();
  await w.close();
});

const queue = () =>
  w.queue({
    blocklist: crm.blocklist,
    onSent: pipelineMover(crm, w.db, silentLogger(), (ids) => changed.push(ids)),
  });

const stage = (id: number) =>
  w.db.prepare('SELECT stage FROM creators WHERE id = ?').pluck().get(id) as string;
const lastMove = (id: number) =>
  w.db
    .prepare(
      'SELECT to_stage AS toStage, cause, ref FROM creator_stage_moves WHERE creator_id = ? ORDER BY id DESC LIMIT 1',
    )
    .get(id) as { toStage: string; cause: string; ref: string | null } | undefined;
const openId = (id: number) =>
  w.db.prepare('SELECT open_id FROM creators WHERE id = ?').pluck().get(id) as string;

const input = (creatorIds: number[], action: 'invite' | 'message' | 'both') =>
  outreachInput(w, service, creatorIds, action, `CRM ${action}`);

describe('outreach with the creator CRM', () => {
  it('never contacts a blocked creator, at plan time or right before sending', async () => {
    const [planned, blockedEarly, blockedLate, declined] = w.creatorIds as [number, number, number, number];
    const blockedAt = Date.now() - 60_000;
    crm.blocklist.add([blockedEarly], 'Asked us to stop', blockedAt);
    crm.update({ id: declined, stage: 'declined' });
    const audience = [planned, blockedEarly, blockedLate, declined];

    const plan = service.plan(input(audience, 'invite'));
    const early = plan.rows.find((r) => r.creatorId === blockedEarly);
    expect(early).toMatchObject({ outcome: 'skipped', reason: 'blocklisted', blockedAt, dueAt: null });
    expect(plan.rows.find((r) => r.creatorId === blockedLate)?.outcome).toBe('this_week');

    const since = Math.max(0, ...(await writesOf(w)).map((x) => x.seq));
    const { outreach, skipped } = service.create(input(audience, 'invite'));
    expect(skipped).toBe(1);
    // Blocked between the plan and the send: the queue asks the blocklist again before the request.
    crm.blocklist.add([blockedLate], 'Changed my mind', Date.now());
    service.start(outreach.id);
    await queue().drain();

    const { items } = service.deliveries({ outreachId: outreach.id, limit: 100 });
    const byCreator = new Map(items.map((d) => [d.creatorId, d]));
    expect(byCreator.get(blockedEarly)).toMatchObject({
      state: 'skipped',
      reason: 'blocklisted',
      reasonDetail: 'Asked us to stop',
      blockedAt,
    });
    expect(byCreator.get(blockedLate)).toMatchObject({
      state: 'skipped',
      reason: 'blocklisted',
      reasonDetail: 'Changed my mind',
    });
    expect(byCreator.get(planned)?.state).toBe('sent');
    const { invites } = contactCounts(await writesOf(w, since));
    expect(invites.get(openId(planned))).toBe(1);
    expect(invites.has(openId(blockedEarly))).toBe(false);
    expect(invites.has(openId(blockedLate))).toBe(false);

    // The invited creator moved to `invited` because of the invitation, naming the collaboration.
    const collaborationId = w.db
      .prepare('SELECT remote_id FROM deliveries WHERE outreach_id = ? AND creator_id = ?')
      .pluck()
      .get(outreach.id, planned) as string;
    expect(stage(planned)).toBe('invited');
    expect(lastMove(planned)).toEqual({ toStage: 'invited', cause: 'invitation', ref: collaborationId });
    // Blocked and declined creators keep their stage.
    expect(stage(blockedEarly)).toBe('blocked');
    expect(stage(blockedLate)).toBe('blocked');
    expect(stage(declined)).toBe('declined');
    // "Last contacted" in the Creators table follows the Delivery.
    const sentAt = byCreator.get(planned)?.sentAt;
    const row = crm.search({ limit: 50 }).items;
    expect(row.find((c) => c.id === planned)?.lastContactedAt).toBe(sentAt);
    expect(changed.flat()).toContain(planned);
  }, 60_000);

  it('moves a messaged creator to `contacted`, never backwards from a later stage', async () => {
    const fresh = w.creatorIds.slice(4, 10);
    const invited = w.creatorIds[0] as number;
    const { outreach } = service.create(input([...fresh, invited], 'message'));
    service.start(outreach.id);
    await queue().drain();
    const { items } = service.deliveries({ outreachId: outreach.id, limit: 100 });
    const sent = items.filter((d) => d.state === 'sent');
    expect(sent.length).toBeGreaterThan(0);
    for (const d of sent) {
      if (d.creatorId === invited || d.creatorId === null) continue;
      expect(stage(d.creatorId)).toBe('contacted');
      expect(lastMove(d.creatorId)).toMatchObject({ toStage: 'contacted', cause: 'message' });
    }
    // Invited outranks contacted: the message does not move that creator back.
    expect(stage(invited)).toBe('invited');
  }, 60_000);
});
