import type { Outreach, OutreachStatus } from '@shared/outreach';

/**
 * What the tray says about outreach (docs/outreach.md, "Alerts"): how many Outreaches are sending, how many
 * wait for TikTok's quota reset and the earliest reset. Kept from the progress stream: an Outreach is read
 * again only when its status changed, not on every Delivery.
 */
export interface OutreachTrayStatus {
  running: number;
  pausedForQuota: number;
  /** The earliest quota reset of the paused ones (UTC epoch ms). */
  resumeAt: number | null;
}

type Known = Pick<Outreach, 'status' | 'pauseReason' | 'resumeAt'>;

export class OutreachTrayTracker {
  private readonly known = new Map<number, Known>();

  constructor(
    outreaches: readonly Outreach[],
    private readonly read: (id: number) => Known | null,
  ) {
    for (const o of outreaches) this.known.set(o.id, o);
  }

  /** True when the tray's outreach line changes. */
  observe(outreachId: number, status: OutreachStatus): boolean {
    const old = this.known.get(outreachId);
    if (old?.status === status) return false;
    const before = this.status();
    const now = this.read(outreachId);
    if (now) this.known.set(outreachId, now);
    else this.known.delete(outreachId);
    const after = this.status();
    return (
      before.running !== after.running ||
      before.pausedForQuota !== after.pausedForQuota ||
      before.resumeAt !== after.resumeAt
    );
  }

  status(): OutreachTrayStatus {
    let running = 0;
    let pausedForQuota = 0;
    let resumeAt: number | null = null;
    for (const o of this.known.values()) {
      if (o.status === 'running') running++;
      if (o.status === 'paused' && o.pauseReason === 'quota') {
        pausedForQuota++;
        if (o.resumeAt !== null) resumeAt = resumeAt === null ? o.resumeAt : Math.min(resumeAt, o.resumeAt);
      }
    }
    return { running, pausedForQuota, resumeAt };
  }
}
