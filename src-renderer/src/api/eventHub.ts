import type { QueryClient, QueryKey } from '@tanstack/react-query';
import { hashKey } from '@tanstack/react-query';
import type { EventName } from '@shared/contract';
import type { ApiClient } from './client';

interface Tracked {
  key: QueryKey;
  count: number;
}

/**
 * One subscription per main event for the whole window, however many mounted queries listen to it: when the
 * event arrives every query key registered for it is invalidated once. Invalidating an active query cancels a
 * fetch still in flight and starts a new one, so an answer that an event has overtaken never lands.
 */
export class EventHub {
  private readonly keys = new Map<EventName, Map<string, Tracked>>();
  private readonly stops = new Map<EventName, () => void>();
  private readonly versions = new Map<string, number>();

  constructor(
    private readonly api: ApiClient,
    private readonly queryClient: QueryClient,
  ) {}

  /** Registers `key` for `events`; returns the function that unregisters it. */
  track(events: readonly EventName[], key: QueryKey): () => void {
    const hash = hashKey(key);
    const heard = events.some((event) => this.keys.get(event)?.has(hash));
    const state = this.queryClient.getQueryState(key);
    // Nobody was listening for this answer: whatever is cached (or still on its way) was asked before events
    // nobody heard (a Dashboard left during the first sync said "Nothing synced yet" on return). Ask again
    // now, dropping a call in flight; the mounting reader joins that call instead of showing the old answer.
    if (!heard && state && (state.data !== undefined || state.fetchStatus === 'fetching'))
      void this.queryClient.invalidateQueries({ queryKey: key, exact: true, refetchType: 'all' });
    for (const event of events) {
      let byHash = this.keys.get(event);
      if (!byHash) {
        byHash = new Map();
        this.keys.set(event, byHash);
        this.stops.set(
          event,
          this.api.on(event, () => this.invalidate(event)),
        );
      }
      const tracked = byHash.get(hash);
      if (tracked) tracked.count += 1;
      else byHash.set(hash, { key, count: 1 });
    }
    return () => {
      for (const event of events) this.untrack(event, hash);
    };
  }

  /** How many events have updated the cached answer of `hash` in place (see `useChannelQuery`'s `updateOn`). */
  version(hash: string): number {
    return this.versions.get(hash) ?? 0;
  }

  bumpVersion(hash: string): void {
    this.versions.set(hash, this.version(hash) + 1);
  }

  private untrack(event: EventName, hash: string): void {
    const byHash = this.keys.get(event);
    const tracked = byHash?.get(hash);
    if (!byHash || !tracked) return;
    tracked.count -= 1;
    if (tracked.count > 0) return;
    byHash.delete(hash);
    if (byHash.size > 0) return;
    this.keys.delete(event);
    this.stops.get(event)?.();
    this.stops.delete(event);
  }

  private invalidate(event: EventName): void {
    for (const { key } of this.keys.get(event)?.values() ?? [])
      void this.queryClient.invalidateQueries({ queryKey: key, exact: true });
  }
}
