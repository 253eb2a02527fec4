/**
 * The sandbox's notion of "now". Tests move it forward (token expiry, weekly pools, creator replies) and can
 * freeze it so per-second rate windows and timestamp checks do not depend on wall-clock timing.
 */
export class Clock {
  private offsetMs = 0;
  private frozenAt: number | null = null;

  constructor(private readonly realNow: () => number = Date.now) {}

  nowMs(): number {
    return this.frozenAt ?? this.realNow() + this.offsetMs;
  }

  nowSec(): number {
    return Math.floor(this.nowMs() / 1000);
  }

  state(): { nowMs: number; nowSec: number; offsetMs: number; frozen: boolean } {
    return {
      nowMs: this.nowMs(),
      nowSec: this.nowSec(),
      offsetMs: this.offsetMs,
      frozen: this.frozenAt !== null,
    };
  }

  setOffset(offsetMs: number): void {
    if (this.frozenAt !== null) this.frozenAt += offsetMs - this.offsetMs;
    this.offsetMs = offsetMs;
  }

  advance(ms: number): void {
    this.setOffset(this.offsetMs + ms);
  }

  freeze(frozen: boolean): void {
    if (frozen && this.frozenAt === null) this.frozenAt = this.nowMs();
    if (!frozen && this.frozenAt !== null) {
      // Unfreezing keeps the instant the clock showed, so time never jumps backwards for a client.
      this.offsetMs = this.frozenAt - this.realNow();
      this.frozenAt = null;
    }
  }

  reset(): void {
    this.offsetMs = 0;
    this.frozenAt = null;
  }
}
