import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Sample, SamplesPage } from '@shared/samples';
import { type AccountsTestApp, connectThrough, makeAccountsApp, sandboxAdmin } from '../../helpers/accounts';

let t: AccountsTestApp;
let accountId: string;

// One app and one sync for the file (a demo-scale sync takes seconds); each test reviews its own applications.
beforeAll(async () => {
  t = await makeAccountsApp({ sandbox: { scale: 'demo' } });
  const { result } = await connectThrough(t, 'shop');
  accountId = result.accountId!;
  const run = await t.app.sync.run({ accountId, resources: ['shops', 'sample_applications'] });
  await t.app.sync.whenIdle(run.started);
});
afterEach(async () => {
  await sandboxAdmin(t.sandbox, 'DELETE', '/faults');
});
afterAll(async () => t.cleanup());

async function toReview(): Promise<Sample[]> {
  const page = await t.invoke<SamplesPage>('samples:list', { group: 'to_review', limit: 200 });
  return page.items.filter((s) => s.isApprovable && !s.partnerName);
}

async function reviewWrites(): Promise<Array<{ detail: { applicationId: string; result: string } }>> {
  const r = await sandboxAdmin<{ entries: Array<{ detail: { applicationId: string; result: string } }> }>(
    t.sandbox,
    'GET',
    '/writes?kind=affiliate.sample_review',
  );
  return r.entries;
}

describe('sample reviews from ShopMesh', () => {
  it('overdue posts are alerted once, after the sync that found them, with an event and an activity entry', async () => {
    const alerts = t.events.filter((e) => e.name === 'samples:overdue');
    expect(alerts).toHaveLength(1);
    const first = alerts[0]!.payload as { count: number; newly: Sample[] };
    expect(first.count).toBeGreaterThan(0);
    expect(first.newly.length).toBe(first.count);
    expect(first.newly.every((s) => s.overdue && s.postedOnTime === false)).toBe(true);
    const again = await t.invoke<{ count: number; newly: Sample[] }>('samples:overdue', {});
    expect(again).toMatchObject({ count: first.count, newly: [] });
    const logged = await t.invoke<{ items: Array<{ params: { count: number } }> }>('activity:list', {
      kind: 'samples.overdue',
    });
    expect(logged.items.map((e) => e.params.count)).toEqual([first.count]);
    const page = await t.invoke<SamplesPage>('samples:list', { group: 'overdue', limit: 200 });
    expect(page.items).toHaveLength(first.count);
    const posted = await t.invoke<SamplesPage>('samples:list', { group: 'posted', limit: 200 });
    expect(posted.items.length).toBeGreaterThan(0);
    expect(posted.items.every((s) => s.firstContentAt !== null)).toBe(true);
    const detail = await t.invoke<{ contents: unknown[] }>('samples:get', {
      applicationId: posted.items[0]!.applicationId,
    });
    expect(detail.contents.length).toBeGreaterThan(0);
  });

  it('approve: TikTok takes it, the application is read back, a second review is refused', async () => {
    const page = await t.invoke<SamplesPage>('samples:list', {});
    expect(page.counts.to_review).toBeGreaterThan(0);
    const [app] = await toReview();
    const res = await t.invoke<{ sample: Sample; outcome: string }>('samples:review', {
      applicationId: app!.applicationId,
      decision: 'APPROVE',
    });
    expect(res.outcome).toBe('done');
    expect(res.sample).toMatchObject({ status: 'AWAITING_SHIPMENT', group: 'in_progress' });
    expect(res.sample.orderId).toBeTruthy();
    expect(res.sample.review).toMatchObject({ decision: 'APPROVE', state: 'done' });
    await expect(
      t.invoke('samples:review', { applicationId: app!.applicationId, decision: 'APPROVE' }),
    ).rejects.toMatchObject({
      shape: { code: 'CONFLICT' },
    });
    expect((await reviewWrites()).filter((w) => w.detail.applicationId === app!.applicationId)).toHaveLength(
      1,
    );
    const activity = await t.invoke<{ items: Array<{ kind: string }> }>('activity:list', {
      kind: 'sample.reviewed',
    });
    expect(activity.items).toHaveLength(1);
  });

  it('reject sends TikTok the reason', async () => {
    const [app] = await toReview();
    const res = await t.invoke<{ sample: Sample }>('samples:review', {
      applicationId: app!.applicationId,
      decision: 'REJECT',
      reason: 'OUT_OF_STOCK',
    });
    expect(res.sample).toMatchObject({ status: 'REJECT_CANCELLED', group: 'closed' });
    expect((await reviewWrites()).at(-1)?.detail).toMatchObject({
      result: 'REJECT',
      rejectReason: 'OUT_OF_STOCK',
    });
  });

  it('a lost answer is settled by reading the application back, never by sending again', async () => {
    const [first, second] = await toReview();
    // TikTok carries out the review, then the connection drops before the answer.
    await sandboxAdmin(t.sandbox, 'POST', '/faults', { commitThenDropEveryN: 1, pathContains: '/review' });
    const res = await t.invoke<{ sample: Sample; outcome: string }>('samples:review', {
      applicationId: first!.applicationId,
      decision: 'APPROVE',
    });
    expect(res).toMatchObject({
      outcome: 'done',
      sample: { status: 'AWAITING_SHIPMENT', review: { state: 'done' } },
    });
    // And the same with a server error after the review was made.
    await sandboxAdmin(t.sandbox, 'POST', '/faults', {
      commitThenServerErrorEveryN: 1,
      pathContains: '/review',
    });
    const res2 = await t.invoke<{ sample: Sample; outcome: string }>('samples:review', {
      applicationId: second!.applicationId,
      decision: 'REJECT',
      reason: 'NOT_MATCH',
    });
    expect(res2).toMatchObject({ outcome: 'done', sample: { status: 'REJECT_CANCELLED' } });
    const writes = await reviewWrites();
    expect(writes.filter((w) => w.detail.applicationId === first!.applicationId)).toHaveLength(1);
    expect(writes.filter((w) => w.detail.applicationId === second!.applicationId)).toHaveLength(1);
  });

  it('a review that never reached TikTok is reported as not applied and can be sent again', async () => {
    const [app] = await toReview();
    await sandboxAdmin(t.sandbox, 'POST', '/faults', { dropConnectionEveryN: 1, pathContains: '/review' });
    const res = await t.invoke<{ sample: Sample; outcome: string }>('samples:review', {
      applicationId: app!.applicationId,
      decision: 'APPROVE',
    });
    expect(res.outcome).toBe('not_applied');
    expect(res.sample).toMatchObject({ status: 'PENDING', review: { state: 'failed' } });
    await sandboxAdmin(t.sandbox, 'DELETE', '/faults');
    const again = await t.invoke<{ sample: Sample; outcome: string }>('samples:review', {
      applicationId: app!.applicationId,
      decision: 'APPROVE',
    });
    expect(again).toMatchObject({ outcome: 'done', sample: { status: 'AWAITING_SHIPMENT' } });
    expect((await reviewWrites()).filter((w) => w.detail.applicationId === app!.applicationId)).toHaveLength(
      1,
    );
  });

  it('the creator CRM shows samples: in the timeline, the pipeline stage and the on-time counts', async () => {
    const posted = await t.invoke<SamplesPage>('samples:list', { group: 'posted', limit: 1 });
    const sample = posted.items[0]!;
    expect(sample.creatorId).not.toBeNull();
    await t.app.creators.worker.kick('manual');
    const timeline = await t.invoke<{ items: Array<{ kind: string; key: string; status: string | null }> }>(
      'creators:timeline',
      { id: sample.creatorId!, kinds: ['sample'] },
    );
    expect(timeline.items).toContainEqual(
      expect.objectContaining({ kind: 'sample', key: `sample:${sample.applicationId}` }),
    );
    const detail = await t.invoke<{ creator: { stage: string } }>('creators:get', { id: sample.creatorId! });
    // A posted sample moves the pipeline at least to "posted".
    expect(['posted', 'active']).toContain(detail.creator.stage);
    const bySample = await t.invoke<SamplesPage>('samples:list', {
      creatorId: sample.creatorId!,
      limit: 200,
    });
    expect(bySample.items.map((s) => s.applicationId)).toContain(sample.applicationId);
  });
});
