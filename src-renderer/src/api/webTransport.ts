import type { Channel, ChannelInput, ChannelOutput, EventName, EventPayload } from '@shared/contract';
import { resultEnvelopeSchema, type ResultEnvelope } from '@shared/envelope';
import type { RendererBridge } from './bridge';
import { httpError, offlineError } from './errors';
import { ipcRequest, ipcUrl, takeSent } from './sentEarly';

type Listener = (payload: unknown) => void;

/**
 * Imitates the preload's `window.shopmesh` over the loopback web bridge. The session cookie is HttpOnly and
 * set by the server, so same-origin credentials are all the authentication this side needs.
 */
export function createWebTransport(baseUrl = ''): RendererBridge {
  const listeners = new Map<EventName, Set<Listener>>();
  let source: EventSource | null = null;
  const connectionListeners = new Set<() => void>();

  async function invoke<C extends Channel>(
    channel: C,
    input: ChannelInput<C>,
  ): Promise<ResultEnvelope<ChannelOutput<C>>> {
    const sent = JSON.stringify(input ?? {});
    let response: Response;
    try {
      const url = ipcUrl(baseUrl, channel);
      response = await (takeSent(url, sent) ?? fetch(url, ipcRequest(sent)));
    } catch {
      // fetch only rejects when no HTTP answer came back at all: the bridge is gone or the network is.
      return { ok: false, error: offlineError().toShape() };
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      return { ok: false, error: httpError(response.status).toShape() };
    }
    const envelope = resultEnvelopeSchema.safeParse(body);
    if (!envelope.success) return { ok: false, error: httpError(response.status).toShape() };
    return envelope.data as ResultEnvelope<ChannelOutput<C>>;
  }

  function ensureSource(): EventSource {
    if (source) return source;
    source = new EventSource(`${baseUrl}/events`);
    // EventSource retries by itself; each drop and each return is worth a fresh look at main.
    const changed = () => {
      for (const l of connectionListeners) l();
    };
    source.addEventListener('error', changed);
    source.addEventListener('open', changed);
    return source;
  }

  function on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
    let set = listeners.get(event);
    if (!set) {
      const fresh = new Set<Listener>();
      listeners.set(event, fresh);
      set = fresh;
      ensureSource().addEventListener(event, (message) => {
        let payload: unknown;
        try {
          payload = JSON.parse((message as MessageEvent<string>).data);
        } catch {
          return;
        }
        for (const l of fresh) l(payload);
      });
    }
    const typed = listener as Listener;
    set.add(typed);
    return () => {
      set.delete(typed);
    };
  }

  function onConnectionChange(listener: () => void): () => void {
    connectionListeners.add(listener);
    ensureSource();
    return () => {
      connectionListeners.delete(listener);
    };
  }

  return { transport: 'web', invoke, on, onConnectionChange };
}
