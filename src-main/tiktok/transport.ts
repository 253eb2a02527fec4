import http from 'node:http';
import https from 'node:https';

/**
 * One HTTP exchange over node:http(s) with keep-alive connections. The API clients do not use `fetch`:
 * TikTok's order pages are ~250 KB of JSON, and undici's WHATWG streams cost ~1.5 s more CPU per 1,000
 * such pages than reading the socket directly (measured against a local server, both decoding to text).
 */

export interface TransportRequest {
  method: string;
  url: string;
  headers?: Record<string, string>;
  /** Text goes as UTF-8; bytes (a multipart upload) as they are. */
  body?: string | Uint8Array;
}

export interface TransportResponse {
  status: number;
  headers: Headers;
  text: string;
}

/** A network failure with the system's error code (ECONNREFUSED, ECONNRESET, …) when there is one. */
export class TransportError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
    this.name = 'TransportError';
  }
}

/**
 * Filled in while an exchange runs. `sent` turns true once the whole request (headers and body) was handed to
 * the socket: from then on the server may have acted on it, even if no answer ever arrives.
 */
export interface ExchangeProgress {
  sent: boolean;
}

const agents = {
  'http:': new http.Agent({ keepAlive: true }),
  'https:': new https.Agent({ keepAlive: true }),
};

function toHeaders(raw: http.IncomingHttpHeaders): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  }
  return headers;
}

const codeOf = (err: unknown): string | undefined => {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
};

/**
 * Sends `req` and reads the whole body as UTF-8. Rejects with the signal's reason when `signal` aborts
 * (before or during the body), and with a TransportError for a refused, reset or half-read connection.
 * `progress.sent` tells the caller, whichever way it ends, whether the request left in full.
 */
export function send(
  req: TransportRequest,
  signal: AbortSignal,
  progress: ExchangeProgress = { sent: false },
): Promise<TransportResponse> {
  const url = new URL(req.url);
  const lib = url.protocol === 'https:' ? https : http;
  const agent = url.protocol === 'https:' ? agents['https:'] : agents['http:'];
  const body =
    req.body === undefined
      ? undefined
      : typeof req.body === 'string'
        ? Buffer.from(req.body, 'utf8')
        : Buffer.from(req.body);
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    const fail = (err: unknown): void => {
      if (signal.aborted) reject(signal.reason);
      else reject(new TransportError(err instanceof Error ? err.message : String(err), codeOf(err)));
    };
    const request = lib.request(
      url,
      {
        method: req.method,
        agent,
        signal,
        headers: { ...req.headers, ...(body ? { 'content-length': String(body.length) } : {}) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        let complete = false;
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          complete = true;
          resolve({
            status: res.statusCode ?? 0,
            headers: toHeaders(res.headers),
            text: Buffer.concat(chunks).toString('utf8'),
          });
        });
        res.on('error', fail);
        res.on('close', () => {
          if (!complete)
            fail(new TransportError('connection closed before the response ended', 'ECONNRESET'));
        });
      },
    );
    request.on('finish', () => {
      progress.sent = true;
    });
    request.on('error', fail);
    request.end(body);
  });
}
