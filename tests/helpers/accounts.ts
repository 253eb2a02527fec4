/* Test-side plumbing for the accounts flows: an app whose browser is the test, and the sandbox admin API. */
import type { ConnectResult, Provider } from '../../src-shared/accounts';
import type { EventName, EventPayload } from '../../src-shared/contract';
import type { ShopmeshApp } from '../../src-main/app';
import type { SandboxInfo } from '../../src-main/sandbox/index';
import { makeTestApp, type TestAppOverrides, testVaultEnv } from './app';

export interface RecordedEvent {
  name: EventName;
  payload: unknown;
}

export interface AccountsTestApp {
  app: ShopmeshApp;
  dataDir: string;
  sandbox: SandboxInfo;
  /** Every event main emitted, in order. */
  events: RecordedEvent[];
  /** URLs main asked to open in the browser. */
  opened: string[];
  /** Invokes a channel and returns the result, throwing the error envelope otherwise. */
  invoke<T = unknown>(channel: string, input?: unknown): Promise<T>;
  /** Every IPC envelope returned so far (for leak checks). */
  replies: unknown[];
  waitForResult(attemptId: string, timeoutMs?: number): Promise<ConnectResult>;
  cleanup(): Promise<void>;
}

/** `external`: a simulator the test started itself, for an app whose Profile does not embed one. */
export async function makeAccountsApp(
  overrides: TestAppOverrides = {},
  external?: SandboxInfo,
): Promise<AccountsTestApp> {
  const opened: string[] = [];
  const t = await makeTestApp({
    env: { ...testVaultEnv },
    openExternal: async (url) => {
      opened.push(url);
    },
    ...overrides,
  });
  const events: RecordedEvent[] = [];
  const waiters = new Set<() => void>();
  t.app.events.subscribe(<E extends EventName>(name: E, payload: EventPayload<E>) => {
    events.push({ name, payload });
    for (const w of waiters) w();
  });
  const replies: unknown[] = [];
  const sandbox = t.app.sandbox ?? external;
  if (!sandbox) throw new Error('the test app has no sandbox');
  return {
    app: t.app,
    dataDir: t.dataDir,
    sandbox,
    events,
    opened,
    replies,
    async invoke<T>(channel: string, input?: unknown): Promise<T> {
      const reply = await t.app.router.invoke(channel, input ?? {});
      replies.push(reply);
      if (!reply.ok) throw Object.assign(new Error(reply.error.message), { shape: reply.error });
      return reply.result as T;
    },
    waitForResult(attemptId, timeoutMs = 15_000) {
      return new Promise<ConnectResult>((resolve, reject) => {
        const check = () => {
          const hit = events.find(
            (e) =>
              e.name === 'accounts:connectResult' && (e.payload as ConnectResult).attemptId === attemptId,
          );
          if (hit) {
            waiters.delete(check);
            clearTimeout(timer);
            resolve(hit.payload as ConnectResult);
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no connect result for ${attemptId} within ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    cleanup: t.cleanup,
  };
}

export interface ConsentForm {
  action: string;
  fields: Array<[string, string]>;
}

const unescape = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** Reads a sandbox consent form as a browser would submit it: hidden inputs and ticked checkboxes. */
export function parseConsentForm(html: string): ConsentForm {
  const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
  if (!action) throw new Error(`no consent form on the page:\n${html.slice(0, 500)}`);
  const fields: Array<[string, string]> = [];
  for (const m of html.matchAll(
    /<input type="(hidden|checkbox)" name="([^"]+)" value="([^"]*)"( checked)?>/g,
  )) {
    if (m[1] === 'hidden' || m[4]) fields.push([m[2]!, unescape(m[3]!)]);
  }
  return { action: unescape(action), fields };
}

export interface BrowserOptions {
  decision?: 'authorize' | 'deny';
  /** Rewrites the redirect before the "browser" follows it (wrong state, replay, …). */
  tamper?: (redirect: URL) => URL;
}

export interface BrowserVisit {
  /** Where the provider sent the browser back to (the loopback callback). */
  redirect: URL;
  /** The loopback listener's answer. */
  status: number;
  body: string;
}

/**
 * Plays the merchant's browser: opens the authorize URL, presses Authorize (or Deny) on the consent page,
 * and follows the redirect into ShopMesh's loopback listener.
 */
export async function playBrowser(authorizeUrl: string, options: BrowserOptions = {}): Promise<BrowserVisit> {
  const page = await fetch(authorizeUrl);
  const html = await page.text();
  if (page.status !== 200) throw new Error(`consent page answered ${page.status}: ${html.slice(0, 300)}`);
  const form = parseConsentForm(html);
  const body = new URLSearchParams(form.fields);
  body.append('decision', options.decision ?? 'authorize');
  const submitted = await fetch(new URL(form.action, authorizeUrl), {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body,
  });
  const location = submitted.headers.get('location');
  if (submitted.status !== 302 || !location)
    throw new Error(`consent answered ${submitted.status}, not a redirect`);
  const redirect = options.tamper ? options.tamper(new URL(location)) : new URL(location);
  return { redirect, ...(await visit(redirect)) };
}

/** One GET as the browser makes it (used to replay a callback). */
export async function visit(url: URL): Promise<{ status: number; body: string }> {
  try {
    const res = await fetch(url, { redirect: 'manual' });
    return { status: res.status, body: await res.text() };
  } catch {
    // The listener closed after its one callback: the browser would show "can't connect".
    return { status: 0, body: '' };
  }
}

/** Starts a connection and completes it in the "browser"; returns the final result. */
export async function connectThrough(
  t: AccountsTestApp,
  provider: Provider,
  options: BrowserOptions & { accountId?: string } = {},
): Promise<{ result: ConnectResult; authorizeUrl: string; visit: BrowserVisit }> {
  const started = await t.invoke<{ attemptId: string; authorizeUrl: string }>('accounts:connect', {
    provider,
    ...(options.accountId ? { accountId: options.accountId } : {}),
  });
  const browser = await playBrowser(started.authorizeUrl, options);
  return {
    result: await t.waitForResult(started.attemptId),
    authorizeUrl: started.authorizeUrl,
    visit: browser,
  };
}

export interface SandboxLogEntry {
  seq: number;
  family: string;
  method: string;
  path: string;
  query: string;
  status: number;
  code: string | number | null;
}

export async function sandboxAdmin<T = unknown>(
  info: SandboxInfo,
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const res = await fetch(`${info.adminBase}${path}`, {
    method,
    headers: { authorization: `Bearer ${info.adminToken}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`sandbox admin ${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

export async function sandboxRequests(info: SandboxInfo, pathContains?: string): Promise<SandboxLogEntry[]> {
  const { entries } = await sandboxAdmin<{ entries: SandboxLogEntry[] }>(
    info,
    'GET',
    '/requests?since=0&limit=5000',
  );
  return pathContains ? entries.filter((e) => e.path.includes(pathContains)) : entries;
}
