import type { Channel, ChannelInput, ChannelOutput, EventName, EventPayload } from '@shared/contract';
import type { RendererBridge, ShopmeshBridge } from './bridge';
import { toAppError } from './errors';
import { createWebTransport } from './webTransport';

/** Channels whose input has no required field can be invoked without one. */
type InputArgs<C extends Channel> =
  Record<never, never> extends ChannelInput<C> ? [input?: ChannelInput<C>] : [input: ChannelInput<C>];

export interface ApiClient {
  readonly transport: ShopmeshBridge['transport'];
  /** Resolves to the channel's output or rejects with an AppError. */
  invoke<C extends Channel>(channel: C, ...args: InputArgs<C>): Promise<ChannelOutput<C>>;
  /** Returns the unsubscribe function. */
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
  /** Called when the link to main drops or returns (web bridge only; a no-op inside Electron). */
  onConnectionChange(listener: () => void): () => void;
}

export function createApiClient(bridge: RendererBridge): ApiClient {
  return {
    transport: bridge.transport,
    async invoke<C extends Channel>(channel: C, ...args: InputArgs<C>): Promise<ChannelOutput<C>> {
      const input = (args[0] ?? {}) as ChannelInput<C>;
      let envelope;
      try {
        envelope = await bridge.invoke(channel, input);
      } catch (error) {
        throw toAppError(error);
      }
      if (envelope.ok) return envelope.result;
      throw toAppError(envelope.error);
    },
    on(event, listener) {
      return bridge.on(event, listener);
    },
    onConnectionChange(listener) {
      return bridge.onConnectionChange?.(listener) ?? (() => undefined);
    },
  };
}

/** The one place that knows which transport the renderer runs on. */
export function pickBridge(): RendererBridge {
  return typeof window !== 'undefined' && window.shopmesh ? window.shopmesh : createWebTransport();
}
