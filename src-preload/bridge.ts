import {
  type Channel,
  type ChannelInput,
  type ChannelOutput,
  type EventName,
  type EventPayload,
  isChannel,
  isEventName,
  type ResultEnvelope,
  type ShopmeshBridge,
} from '@shared/contract';
import { eventChannel, invokeChannel } from '@shared/ipc-channels';

/** The slice of ipcRenderer the bridge uses; injected so it can be built and tested without Electron. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

type AnyListener = (payload: unknown) => void;

/**
 * `window.shopmesh`. Only contract channels and events pass; ipcRenderer itself never reaches the page,
 * so a compromised page can call nothing the contract does not define.
 */
export function createBridge(ipc: IpcRendererLike): ShopmeshBridge {
  const listeners = new Map<EventName, Set<AnyListener>>();
  let subscribed = false;

  // One IPC listener for all events, attached on first use: no per-subscription leak, no listener limit.
  const ensureSubscribed = (): void => {
    if (subscribed) return;
    subscribed = true;
    ipc.on(eventChannel, (_event, name, payload) => {
      if (typeof name !== 'string' || !isEventName(name)) return;
      for (const listener of [...(listeners.get(name) ?? [])]) {
        try {
          listener(payload);
        } catch {
          // One failing page listener must not starve the others.
        }
      }
    });
  };

  const bridge = {
    transport: 'electron' as const,
    invoke<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ResultEnvelope<ChannelOutput<C>>> {
      if (typeof channel !== 'string' || !isChannel(channel)) {
        return Promise.resolve({
          ok: false,
          error: { code: 'NOT_FOUND', message: `Unknown channel "${String(channel)}"` },
        });
      }
      // The page always gets an envelope, as over the web transport; a rejection means main refused or died.
      return (ipc.invoke(invokeChannel, channel, input) as Promise<ResultEnvelope<ChannelOutput<C>>>).catch(
        () => ({
          ok: false as const,
          error: { code: 'INTERNAL' as const, message: 'The ShopMesh main process did not answer.' },
        }),
      );
    },
    on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
      if (typeof event !== 'string' || !isEventName(event) || typeof listener !== 'function') {
        throw new TypeError(`Unknown event "${String(event)}"`);
      }
      ensureSubscribed();
      const set = listeners.get(event) ?? new Set<AnyListener>();
      listeners.set(event, set);
      const wrapped = listener as AnyListener;
      set.add(wrapped);
      return () => {
        set.delete(wrapped);
      };
    },
  } satisfies ShopmeshBridge;
  return Object.freeze(bridge);
}
