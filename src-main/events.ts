import type { EventName, EventPayload } from '@shared/contract';

export type AnyEventListener = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

/** Main → renderer notifications, fanned out to every transport that subscribed (windows, SSE clients). */
export class EventBus {
  private readonly listeners = new Set<AnyEventListener>();

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    for (const l of this.listeners) l(event, payload);
  }

  subscribe(listener: AnyEventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
