import { render } from '@testing-library/react';
import type { ReactElement, ReactNode } from 'react';
import type {
  Channel,
  ChannelInput,
  ChannelOutput,
  EventName,
  EventPayload,
  ResultEnvelope,
  ShopmeshBridge,
} from '@shared/contract';
import { AppError } from '@shared/errors';
import { ApiProvider, createQueryClient } from '../../src-renderer/src/api';
import { createApiClient } from '../../src-renderer/src/api/client';
import { ToastProvider } from '../../src-renderer/src/components/Toasts';

type Handler = (input: unknown) => unknown;

/**
 * The renderer's bridge to main, played by the test: each channel answers from a handler (which may return
 * a promise the test resolves later), every call is recorded, and events are emitted by hand.
 */
export class FakeBridge implements ShopmeshBridge {
  readonly transport = 'electron' as const;
  readonly calls: { channel: Channel; input: unknown }[] = [];
  private readonly handlers = new Map<Channel, Handler>();
  private readonly listeners = new Map<EventName, Set<(payload: unknown) => void>>();

  handle<C extends Channel>(
    channel: C,
    handler: (input: ChannelInput<C>) => ChannelOutput<C> | Promise<ChannelOutput<C>>,
  ): this {
    this.handlers.set(channel, handler as Handler);
    return this;
  }

  callsOf(channel: Channel): unknown[] {
    return this.calls.filter((c) => c.channel === channel).map((c) => c.input);
  }

  listenerCount(event: EventName): number {
    return this.listeners.get(event)?.size ?? 0;
  }

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    for (const listener of this.listeners.get(event) ?? []) listener(payload);
  }

  async invoke<C extends Channel>(
    channel: C,
    input: ChannelInput<C>,
  ): Promise<ResultEnvelope<ChannelOutput<C>>> {
    this.calls.push({ channel, input });
    const handler = this.handlers.get(channel);
    if (!handler) return { ok: false, error: { code: 'NOT_FOUND', message: `No fake for ${channel}` } };
    try {
      return { ok: true, result: (await handler(input)) as ChannelOutput<C> };
    } catch (error) {
      const e = error instanceof AppError ? error : new AppError('INTERNAL', String(error));
      return { ok: false, error: e.toShape() };
    }
  }

  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
    let set = this.listeners.get(event);
    if (!set) {
      set = new Set();
      this.listeners.set(event, set);
    }
    const typed = listener as (payload: unknown) => void;
    set.add(typed);
    return () => set.delete(typed);
  }
}

/** A promise the test settles by hand, to hold an answer in flight. */
export function deferred<T>(): { promise: Promise<T>; resolve(value: T): void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/** Wraps rendered hooks and components in the data layer, talking to `bridge`. */
export function withApi(bridge: FakeBridge, errors: unknown[] = []) {
  const queryClient = createQueryClient((error) => errors.push(error));
  const api = createApiClient(bridge);
  return function Wrapper({ children }: { children: ReactNode }): ReactElement {
    return (
      <ApiProvider api={api} queryClient={queryClient} onMutationError={(e) => errors.push(e)}>
        {children}
      </ApiProvider>
    );
  };
}

/**
 * Renders a hook that turns main's events into toasts (`useOutreachAlerts`, `useSampleOverdueAlerts`) as the
 * shell does: in the data layer over `bridge`, inside the toast region. The test then emits on `bridge`.
 */
export function renderEventToasts(bridge: FakeBridge, useEvents: () => void): void {
  const Api = withApi(bridge);
  function Events(): null {
    useEvents();
    return null;
  }
  render(
    <Api>
      <ToastProvider>
        <Events />
      </ToastProvider>
    </Api>,
  );
}
