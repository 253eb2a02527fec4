/**
 * Requests to the web bridge sent by the boot module (app/boot.ts) as the bundle starts evaluating, before
 * the API client exists: the HTTP request leaves ~200 ms sooner, and the web transport reads and checks its
 * answer exactly as for one it sent itself (`takeSent`). Keyed by channel and body, taken once. No imports:
 * this runs before the rest of the bundle.
 */
const sent = new Map<string, Promise<Response>>();

/** Where a call to `channel` is sent on the bridge at `baseUrl` ('' is the page's own origin). */
export const ipcUrl = (baseUrl: string, channel: string): string => `${baseUrl}/ipc/${channel}`;

const keyOf = (url: string, body: string): string => `${url}\n${body}`;

/** The request the web transport would send to `url` with this JSON `body`, sent now. */
export function sendEarly(url: string, body: string): void {
  const key = keyOf(url, body);
  if (sent.has(key)) return;
  const response = fetch(url, ipcRequest(body));
  // Never an unhandled rejection: the transport that takes it handles the failure.
  response.catch(() => undefined);
  sent.set(key, response);
}

/** The early request for this call, once; null when none was sent (the transport sends its own). */
export function takeSent(url: string, body: string): Promise<Response> | null {
  const key = keyOf(url, body);
  const response = sent.get(key) ?? null;
  sent.delete(key);
  return response;
}

/** How every call to the web bridge is sent: a JSON POST with the session cookie. */
export function ipcRequest(body: string): RequestInit {
  return {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body,
  };
}
