import type { Outreach, OutreachAlert, OutreachStatus } from '@shared/outreach';

/**
 * When an Outreach is news for a merchant who is not looking (docs/outreach.md, "Alerts"): it finished, it
 * paused because TikTok's quota ran out, it resumed at the quota's reset, or Deliveries keep failing. Each
 * fires once per occurrence, from the transitions the progress stream shows, never on every tick: the
 * tracker remembers what it saw of each Outreach. What it saw before the app started is not news.
 */

/** Deliveries failing one after another, with nothing sent between them, that make "repeated failures". */
export const failureStreakAlert = 5;

interface Seen {
  status: OutreachStatus;
  quotaPaused: boolean;
  resumeAt: number | null;
  sent: number;
  failed: number;
  /** Failures since the last Delivery that went out. */
  streak: number;
  /** The current streak was already announced. */
  announced: boolean;
}

export class OutreachAlerts {
  private readonly seen = new Map<number, Seen>();

  /** What the app already knew at start-up: nothing in it is announced again. */
  constructor(known: readonly Outreach[] = []) {
    for (const o of known) this.seen.set(o.id, this.snapshot(o, 0, false));
  }

  private snapshot(o: Outreach, streak: number, announced: boolean): Seen {
    return {
      status: o.status,
      quotaPaused: o.status === 'paused' && o.pauseReason === 'quota',
      resumeAt: o.resumeAt,
      sent: o.counts.sent,
      failed: o.counts.failed,
      streak,
      announced,
    };
  }

  /** The alerts this new state of an Outreach makes, in the order they happened. */
  observe(o: Outreach, now: number): OutreachAlert[] {
    const before = this.seen.get(o.id) ?? {
      status: 'draft' as const,
      quotaPaused: false,
      resumeAt: null,
      sent: 0,
      failed: 0,
      streak: 0,
      announced: false,
    };
    const alerts: OutreachAlert[] = [];
    const alert = (kind: OutreachAlert['kind']): void => {
      alerts.push({
        outreachId: o.id,
        name: o.name,
        kind,
        resumeAt: kind === 'quota_paused' ? o.resumeAt : null,
        sent: o.counts.sent,
        failed: o.counts.failed,
        skipped: o.counts.skipped,
      });
    };
    // A Delivery that went out ends a streak; failures after it (in the same change) start a new one.
    const sentMore = o.counts.sent > before.sent;
    const newFailures = Math.max(0, o.counts.failed - before.failed);
    const streak = sentMore ? newFailures : before.streak + newFailures;
    let announced = sentMore ? false : before.announced;
    if (streak >= failureStreakAlert && !announced) {
      alert('failing');
      announced = true;
    }
    const quotaPaused = o.status === 'paused' && o.pauseReason === 'quota';
    if (quotaPaused && !before.quotaPaused) alert('quota_paused');
    // The reset came (a merchant resuming early is not news to them).
    if (before.quotaPaused && o.status === 'running' && now >= (before.resumeAt ?? 0)) alert('quota_resumed');
    if (o.status === 'finished' && before.status !== 'finished') alert('finished');
    this.seen.set(o.id, this.snapshot(o, streak, announced));
    return alerts;
  }
}
