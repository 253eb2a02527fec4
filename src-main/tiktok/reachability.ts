import { connect } from 'node:net';

/**
 * Whether TikTok (or the sandbox) can be reached: a TCP connect to the API hosts of the Profile. A DNS
 * failure or a refused connection means offline; this is what "Sync now" checks before fetching anything.
 */
export function canReach(urls: readonly string[], timeoutMs = 2500): Promise<boolean> {
  const targets = [...new Set(urls)].map((u) => {
    const url = new URL(u);
    return { host: url.hostname, port: Number(url.port || (url.protocol === 'https:' ? 443 : 80)) };
  });
  if (targets.length === 0) return Promise.resolve(false);
  return new Promise((resolve) => {
    let pending = targets.length;
    let done = false;
    const finish = (ok: boolean): void => {
      if (done) return;
      if (ok) {
        done = true;
        resolve(true);
      } else if (--pending === 0) {
        done = true;
        resolve(false);
      }
    };
    for (const t of targets) {
      const socket = connect({ host: t.host, port: t.port, timeout: timeoutMs });
      socket.once('connect', () => {
        socket.destroy();
        finish(true);
      });
      socket.once('timeout', () => {
        socket.destroy();
        finish(false);
      });
      socket.once('error', () => finish(false));
    }
  });
}
