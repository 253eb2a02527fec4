import { describe, expect, it } from 'vitest';
import { deliveryStates, type Outreach } from '../../../src-shared/outreach';
import { failureStreakAlert, OutreachAlerts } from '../../../src-main/outreach/alerts';

const zero = Object.fromEntries(deliveryStates.map((s) => [s, 0])) as Outreach['counts'];

function outreach(patch: Partial<Outreach> & { sent?: number; failed?: number } = {}): Outreach {
  const { sent = 0, failed = 0, ...rest } = patch;
  return {
    id: 1,
    name: 'Spring',
    accountId: 'a',
    shopId: 's',
    action: 'message',
    status: 'running',
    pauseReason: null,
    pauseDetail: null,
    resumeAt: null,
    createdAt: 0,
    startedAt: 0,
    finishedAt: null,
    counts: { ...zero, sent, failed },
    total: 100,
    etaAt: null,
    followUpsPending: 0,
    retryable: 0,
    ...rest,
  };
}

const kinds = (a: OutreachAlerts, o: Outreach, now = 0): string[] => a.observe(o, now).map((x) => x.kind);

describe('outreach alerts fire once per occurrence', () => {
  it('announces a finish once, however often the finished Outreach is reported', () => {
    const a = new OutreachAlerts();
    for (let sent = 1; sent <= 10; sent++) expect(kinds(a, outreach({ sent }))).toEqual([]);
    const done = outreach({ status: 'finished', sent: 10, failed: 2 });
    expect(a.observe(done, 0)).toEqual([
      { outreachId: 1, name: 'Spring', kind: 'finished', resumeAt: null, sent: 10, failed: 2, skipped: 0 },
    ]);
    expect(kinds(a, done)).toEqual([]);
    expect(kinds(a, done)).toEqual([]);
  });

  it('announces a quota pause with its reset, and the resume only when the reset came', () => {
    const a = new OutreachAlerts();
    const reset = 1_000_000;
    const paused = outreach({ status: 'paused', pauseReason: 'quota', resumeAt: reset, sent: 50 });
    const first = a.observe(paused, 10);
    expect(first.map((x) => [x.kind, x.resumeAt])).toEqual([['quota_paused', reset]]);
    // Ticks while paused: nothing new.
    expect(kinds(a, paused, 20)).toEqual([]);
    expect(kinds(a, outreach({ status: 'running', sent: 50 }), reset)).toEqual(['quota_resumed']);
    expect(kinds(a, outreach({ status: 'running', sent: 51 }), reset + 1)).toEqual([]);
    // Paused again next week: a new occurrence.
    expect(kinds(a, { ...paused, resumeAt: reset * 2 }, reset + 2)).toEqual(['quota_paused']);
    // The merchant resumed before the reset: not the reset's news.
    expect(kinds(a, outreach({ status: 'running', sent: 51 }), reset + 3)).toEqual([]);
  });

  it('a pause by the merchant or a finish while paused for quota is not a quota alert', () => {
    const a = new OutreachAlerts();
    expect(kinds(a, outreach({ status: 'paused', pauseReason: 'user' }))).toEqual([]);
    expect(kinds(a, outreach({ status: 'running' }))).toEqual([]);
    expect(kinds(a, outreach({ status: 'paused', pauseReason: 'quota', resumeAt: 5 }))).toEqual([
      'quota_paused',
    ]);
    expect(kinds(a, outreach({ status: 'cancelled' }), 9)).toEqual([]);
  });

  it(`announces ${failureStreakAlert} failures in a row once, and again only after something was sent`, () => {
    const a = new OutreachAlerts();
    let failed = 0;
    const fail = (sent: number): string[] => kinds(a, outreach({ sent, failed: ++failed }));
    for (let i = 1; i < failureStreakAlert; i++) expect(fail(3)).toEqual([]);
    expect(fail(3)).toEqual(['failing']);
    for (let i = 0; i < 10; i++) expect(fail(3)).toEqual([]);
    // A send ends the streak; failures with sends between them are not "repeated".
    for (let i = 0; i < 10; i++) {
      expect(kinds(a, outreach({ sent: 4 + i, failed }))).toEqual([]);
      expect(fail(4 + i)).toEqual([]);
    }
    expect(kinds(a, outreach({ sent: 20, failed }))).toEqual([]);
    for (let i = 1; i < failureStreakAlert; i++) expect(fail(20)).toEqual([]);
    expect(fail(20)).toEqual(['failing']);
  });

  it('several failures reported in one change count together', () => {
    const a = new OutreachAlerts();
    expect(kinds(a, outreach({ sent: 1, failed: failureStreakAlert }))).toEqual(['failing']);
  });

  it('what was known at start-up is not announced again', () => {
    const finished = outreach({ status: 'finished', sent: 9 });
    const paused = outreach({ id: 2, status: 'paused', pauseReason: 'quota', resumeAt: 50 });
    const a = new OutreachAlerts([finished, paused]);
    expect(kinds(a, finished)).toEqual([]);
    expect(kinds(a, paused, 10)).toEqual([]);
    expect(kinds(a, { ...paused, status: 'running', pauseReason: null }, 50)).toEqual(['quota_resumed']);
  });
});
