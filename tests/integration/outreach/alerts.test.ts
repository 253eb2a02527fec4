import { describe, expect, it } from 'vitest';
import type { EventPayload } from '../../../src-shared/contract';
import { silentLogger } from '../../../src-main/log/logger';
import { createOutreach } from '../../../src-main/outreach/index';
import { admin, SHOP_ACCOUNT } from '../../helpers/sync-fixtures';
import { outreachWorldForFile } from './world';

/**
 * Alerts from the real queue against the sandbox, over a simulated week: an Outreach that outgrows the
 * weekly pool pauses for quota, resumes at the reset and finishes. Each of those is announced exactly once,
 * among the many progress events the same Deliveries make.
 */

const world = outreachWorldForFile(8);

describe('outreach alerts', () => {
  it('announces the quota pause, the reset and the finish once each', async () => {
    const w = world();
    let offset = 0;
    const now = (): number => Date.now() + offset;
    const progress: Array<EventPayload<'outreach:progress'>> = [];
    const alerts: Array<EventPayload<'outreach:alert'>> = [];
    const { service, queue } = createOutreach({
      db: w.db,
      tokens: w.tokens,
      profile: w.profile,
      logger: silentLogger(),
      now,
      emit: (p) => progress.push(p),
      alert: (a) => alerts.push(a),
    });
    const message = service.templates.save({
      name: 'Alerts',
      kind: 'message',
      language: 'en',
      body: 'Hi {{creator_name}}',
    });
    const creators = w.creatorIds.slice(0, 8);
    expect(creators).toHaveLength(8);
    // A pool of 5: five go this week, the other three after Sunday's reset.
    const { outreach } = service.create({
      accountId: SHOP_ACCOUNT,
      shopId: w.shop.id,
      name: 'Spring launch',
      action: 'message',
      creatorIds: creators,
      products: [],
      freeSample: { hasFreeSample: false, approvalExempt: false },
      messageTemplateId: message.id,
      values: {},
      window: null,
      dailyCap: null,
      ratePerMinute: 3_000,
      weeklyPool: 5,
    });
    service.start(outreach.id);
    // The queue waits for the reset on a clock that jumps: the app's and the sandbox's move together.
    await queue.drain({
      sleep: async (ms) => {
        offset += ms;
        await admin(w.info, 'POST', '/clock', { advanceMs: ms });
      },
    });
    const done = service.get(outreach.id);
    expect(done.status).toBe('finished');
    expect(alerts.map((a) => a.kind)).toEqual(['quota_paused', 'quota_resumed', 'finished']);
    expect(alerts[0]).toMatchObject({ outreachId: outreach.id, name: 'Spring launch' });
    expect(alerts[0]!.resumeAt).toBeGreaterThan(Date.now());
    expect(alerts[2]).toMatchObject({ sent: done.counts.sent, failed: done.counts.failed });
    // Far more progress than news: every Delivery reported, each alert once.
    expect(progress.length).toBeGreaterThan(alerts.length * 2);
    // Reported again (a tick, a reopened page): nothing new.
    for (let i = 0; i < 3; i++) service.get(outreach.id);
    queue.poke();
    await queue.drain();
    expect(alerts).toHaveLength(3);
  }, 60_000);
});
