import { appendFileSync, existsSync, type FSWatcher, mkdirSync, readFileSync, watch } from 'node:fs';
import { connect } from 'node:net';
import { dirname, join } from 'node:path';
import type { BrowserContext, Download, Page, TestInfo } from '@playwright/test';
import { z } from 'zod';
import {
  PassphraseKeyStore,
  passphraseFileKeyIds,
  VAULT_FILE,
} from '../../src-main/vault/passphrase-keystore';
import {
  type Finding,
  folderPlaces,
  type Place,
  type Secret,
  SecretMatcher,
  zipEntries,
} from '../helpers/secret-matcher';

/**
 * Issue 15 item 7, "after every journey test, logs, exports, IPC results and the DOM are searched for token
 * and key strings": `webAppPerTest` runs one sweep per test. The secrets come from where they are made —
 * every token and OAuth authorization code a sandbox handed out during the test (its `GET /admin/secrets`,
 * with the app secrets), the web bridge token of each start, the vault passphrase and the data keys it
 * unwraps from `vault.json` — never from patterns. The places: every file of the data folder once the app
 * stopped (zips opened), every download the pages saved, every `/ipc/…` reply the pages and `callApi`
 * received, the `/events` stream of every start of the app, and the final DOM of every open page. A secret found fails the test, naming the secret (never its value), the place and how
 * it was spelled.
 */

/** What a sandbox's admin API needs to be asked for its secrets (SandboxInfo has both). */
export interface SandboxAdmin {
  adminBase: string;
  adminToken: string;
}

const secretsReply = z.object({
  tokens: z.array(z.object({ kind: z.string(), token: z.string(), at: z.number() })),
  droppedTokens: z.number(),
  codes: z.array(z.object({ provider: z.string(), code: z.string(), at: z.number() })),
  droppedCodes: z.number(),
  appSecrets: z.record(z.string(), z.string()),
});

/** The URLs of a profile file whose hosts are the ones the app talks to. */
const profileFileUrls = z
  .object({
    shopAuthBase: z.string(),
    shopApiBase: z.string(),
    adsBase: z.string(),
    identityBase: z.string(),
  })
  .partial();

export interface SweepReport {
  findings: Finding[];
  /** Why the sweep could not do all it should (a sandbox it cannot ask, a vault it cannot open). */
  problems: string[];
  summary: string;
  /** One line per place searched, with its size. */
  places: string[];
}

const kb = (n: number) => (n >= 1_048_576 ? `${(n / 1_048_576).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`);

/**
 * The page's DOM as `page.content()` gives it, less the `value` React mirrors into a password field while the
 * user types: the merchant's own passphrase in the field they are typing it into is not a leak (the same
 * text anywhere else in the page is).
 */
const domWithoutTypedPasswords = `(() => {
  const root = document.documentElement.cloneNode(true);
  let typed = 0;
  for (const input of root.querySelectorAll('input[type="password"][value]')) {
    if (input.getAttribute('value')) typed++;
    input.removeAttribute('value');
  }
  return { html: root.outerHTML, typed };
})()`;

export class SecretSweep {
  private readonly secrets = new Map<string, Secret>();
  private readonly sandboxes = new Map<string, SandboxAdmin>();
  private readonly harvested = new Set<string>();
  private readonly passphrases: string[] = [];
  /** One key store per vault.json salt and passphrase, its scrypt started early (`prewarm`) so the sweep itself only unwraps. */
  private readonly stores = new Map<string, { store: PassphraseKeyStore; opens: Promise<boolean> }>();
  private readonly profileFiles = new Set<string>();
  private readonly replies: Array<Promise<Place | null>> = [];
  private readonly downloads: Download[] = [];
  private readonly keptPages: Place[] = [];
  private readonly problems: string[] = [];
  private unreadReplies = 0;
  private watcher: FSWatcher | null = null;
  private tokenCount = 0;
  private codeCount = 0;
  /** One listener on the web bridge's `/events` stream per start of the app (`tapEvents`). */
  private readonly eventTaps: EventTap[] = [];

  /** Collects what the context's pages receive and save from now on. */
  watch(context: BrowserContext): void {
    const onPage = (page: Page) => page.on('download', (d) => this.downloads.push(d));
    context.pages().forEach(onPage);
    context.on('page', onPage);
    context.on('requestfinished', (request) => {
      const path = new URL(request.url()).pathname;
      if (!path.startsWith('/ipc/')) return;
      // Read at once: a page that navigates away may take its replies' bodies with it.
      this.replies.push(
        request
          .response()
          .then((response) => response?.body() ?? null)
          .then((body) => (body ? { name: `reply of ${path}`, bytes: body } : null))
          .catch(() => {
            this.unreadReplies++;
            return null;
          }),
      );
    });
  }

  /**
   * Reads the final DOM of every open page of `context` now: `run` does it for the context it is given, and
   * a group of tests sharing one app calls it after each test, before Playwright closes that test's pages.
   */
  async keepPages(context: BrowserContext): Promise<void> {
    for (const page of context.pages()) {
      const dom = await page
        .evaluate<{ html: string; typed: number }>(domWithoutTypedPasswords)
        .catch(() => null);
      const url = page.url().replace(/token=[^&#]*/, 'token=…');
      const typed = dom?.typed ? ` (${dom.typed} password fields' typed values left out)` : '';
      if (dom) this.keptPages.push({ name: `page ${url}${typed}`, bytes: Buffer.from(dom.html) });
    }
  }

  /** A reply the test itself fetched from the local API (`callApi`). */
  reply(channel: string, body: string): void {
    this.place(`callApi ${channel}`, body);
  }

  /** Anything else the test received from the app (an in-process app's replies and events, say). */
  place(name: string, body: string): void {
    this.replies.push(Promise.resolve({ name, bytes: Buffer.from(body) }));
  }

  /**
   * Listens to the `/events` stream of one start of the app until it stops. The bridge sends every client
   * the same broadcast (`subscribeRenderer`), so this is what each page's EventSource received; it is opened
   * before the test's pages load and resolves once the bridge has registered it, so no event is missed.
   */
  async tapEvents(origin: string, token: string): Promise<void> {
    const tap: EventTap = { name: `event stream /events of start ${this.eventTaps.length + 1}`, chunks: [] };
    this.eventTaps.push(tap);
    const abort = new AbortController();
    tap.abort = () => abort.abort();
    const res = await fetch(`${origin}/events`, {
      headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' },
      signal: abort.signal,
    });
    if (!res.ok || !res.body) throw new Error(`/events answered HTTP ${res.status}`);
    const reader = res.body.getReader();
    const first = await reader.read();
    if (first.value) tap.chunks.push(Buffer.from(first.value));
    tap.ended = (async () => {
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) return;
          tap.chunks.push(Buffer.from(value));
        }
      } catch {
        // The app stopped (or the sweep gave up on it): what arrived is kept.
      }
    })();
  }

  secret(label: string, value: string | Buffer): void {
    const key = typeof value === 'string' ? `s:${value}` : `b:${value.toString('hex')}`;
    if (!this.secrets.has(key)) this.secrets.set(key, { label, value });
  }

  /** One start of the app: its web token and vault passphrase are secrets, its profile file is test input. */
  appStarted(token: string, env: Record<string, string>): void {
    this.secret('web bridge token', token);
    const passphrase = env.SHOPMESH_VAULT_PASSPHRASE;
    if (passphrase) this.vaultPassphrase(passphrase);
    if (env.SHOPMESH_PROFILE_FILE) this.profileFiles.add(env.SHOPMESH_PROFILE_FILE);
  }

  /** A passphrase that may open `vault.json` (the env's, or one the test typed into the page). */
  vaultPassphrase(passphrase: string): void {
    this.secret('vault passphrase', passphrase);
    if (!this.passphrases.includes(passphrase)) this.passphrases.unshift(passphrase);
  }

  /** A sandbox the test runs itself: asked for its tokens when the sweep runs. */
  sandbox(admin: SandboxAdmin): void {
    this.sandboxes.set(new URL(admin.adminBase).origin, admin);
  }

  /** Asks one sandbox for every token it minted so far (the embedded one before its app stops). */
  async harvest(admin: SandboxAdmin): Promise<void> {
    const origin = new URL(admin.adminBase).origin;
    try {
      const res = await fetch(`${admin.adminBase}/secrets`, {
        headers: { authorization: `Bearer ${admin.adminToken}` },
      });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      const reply = secretsReply.parse(await res.json());
      for (const t of reply.tokens) {
        const before = this.secrets.size;
        this.secret(`${t.kind} token ${this.tokenCount + 1}`, t.token);
        if (this.secrets.size > before) this.tokenCount++;
      }
      for (const c of reply.codes) {
        const before = this.secrets.size;
        this.secret(`${c.provider} authorization code ${this.codeCount + 1}`, c.code);
        if (this.secrets.size > before) this.codeCount++;
      }
      for (const [app, value] of Object.entries(reply.appSecrets)) this.secret(`${app} app secret`, value);
      if (reply.droppedTokens > 0)
        this.problems.push(`the sandbox at ${origin} let ${reply.droppedTokens} older tokens go`);
      if (reply.droppedCodes > 0)
        this.problems.push(`the sandbox at ${origin} let ${reply.droppedCodes} older authorization codes go`);
      this.harvested.add(origin);
    } catch (err) {
      this.problems.push(
        `could not list the tokens of the sandbox at ${origin}: ${err instanceof Error ? err.message : String(err)}`,
      );
    }
  }

  /**
   * Runs the sweep: reads the pages and replies while the app runs, asks every sandbox for its tokens,
   * `stop`s the app, then searches the data folder. Returns what it found; `check` turns it into a verdict.
   */
  async run(input: {
    /** The test's context, whose open pages are read; a group that shares an app `keepPages` per test instead. */
    context?: BrowserContext;
    dataDir: string;
    stop: () => Promise<void>;
  }): Promise<SweepReport> {
    const t0 = performance.now();
    if (input.context) await this.keepPages(input.context);
    const pages = this.keptPages;
    const replies = (await Promise.all(this.replies)).filter((p): p is Place => p !== null);
    const downloads = (await Promise.all(this.downloads.map((d) => this.downloadPlaces(d)))).flat();
    for (const admin of this.sandboxes.values()) await this.harvest(admin);
    // scrypt (deliberately slow) runs on libuv's pool while the app stops.
    let keyMs = 0;
    const keys = this.vaultKeys(input.dataDir).then(() => (keyMs = performance.now() - t1));
    const t1 = performance.now();
    await input.stop();
    // Events sent while the app stopped count too: each stream ends when its app has gone.
    await Promise.all(this.eventTaps.map((tap) => settleTap(tap)));
    const t2 = performance.now();
    await keys;
    const t3 = performance.now();
    await this.checkProfileHosts();
    // The folder's path is in replies and logs by design: a secret inside it (a passphrase spelled like the
    // folder's prefix) would be found there, and the test must choose another.
    for (const secret of this.secrets.values())
      if (typeof secret.value === 'string' && input.dataDir.includes(secret.value))
        this.problems.push(`the ${secret.label} is part of the data folder's path: choose one that is not`);
    const files = folderPlaces(input.dataDir, new Set(this.profileFiles));
    const matcher = new SecretMatcher([...this.secrets.values()]);
    const events = this.eventTaps.map((tap) => ({ name: tap.name, bytes: Buffer.concat(tap.chunks) }));
    const places = [...files, ...downloads, ...replies, ...events, ...pages];
    const findings = places.flatMap((place) => matcher.search(place));
    const t4 = performance.now();
    const ms = (n: number) => `${Math.round(n)} ms`;
    const bytes = places.reduce((n, p) => n + p.bytes.length, 0);
    const kinds = [...this.secrets.values()].map((s) => s.label.replace(/ (\d+|\(.*\))$/, ''));
    const tally = [...new Set(kinds)].map((k) => `${kinds.filter((x) => x === k).length} ${k}`).join(', ');
    const summary =
      `${this.secrets.size} secrets (${tally}) in ${matcher.formCount} spellings searched in ${places.length} places ` +
      `(${files.length} data-folder files and zip entries, ${downloads.length} downloads, ${replies.length} API replies` +
      `${this.unreadReplies ? ` + ${this.unreadReplies} unreadable` : ''}, ${events.length} event streams, ` +
      `${pages.length} pages; ${kb(bytes)}): ` +
      `${findings.length === 0 ? 'none found' : `${findings.length} FOUND`}; sweep ${ms(t1 - t0 + t4 - t2)} ` +
      `(pages and replies ${ms(t1 - t0)}, vault key ${ms(keyMs)} of which ${ms(t3 - t2)} after the app stopped, ` +
      `search ${ms(t4 - t3)}), app stop ${ms(t2 - t1)}`;
    return {
      findings,
      problems: [...this.problems],
      summary,
      places: places.map((p) => `${p.name} (${kb(p.bytes.length)})`),
    };
  }

  private async downloadPlaces(download: Download): Promise<Place[]> {
    const name = `download ${download.suggestedFilename()}`;
    const path = await download.path().catch(() => null);
    if (!path) return [{ name: `${name} (failed)`, bytes: Buffer.alloc(0) }];
    const place = { name, bytes: readFileSync(path) };
    return [place, ...zipEntries(place)];
  }

  /**
   * Starts deriving the key-encryption key of `vault.json` for each passphrase the test used, while the test
   * runs: scrypt is deliberately slow (seconds on a loaded machine), the unwrapping after it is not. Again
   * for a new salt (a passphrase changed); `watchVault` calls it whenever the file changes.
   */
  prewarm(dataDir: string): void {
    const salt = vaultSalt(dataDir);
    if (salt === null) return;
    let ids: string[];
    try {
      ids = passphraseFileKeyIds(dataDir) ?? [];
    } catch {
      return; // damaged: the sweep itself reports it
    }
    if (ids.length === 0) return;
    for (const passphrase of this.passphrases) {
      const key = `${salt}\u0000${passphrase}`;
      if (this.stores.has(key)) continue;
      const store = new PassphraseKeyStore({ dataDir, passphrase });
      const opens = store.get(ids[0]!).then(
        () => true,
        () => false,
      );
      this.stores.set(key, { store, opens });
    }
  }

  /** Prewarms whenever `vault.json` appears or changes (chosen or changed in the page); stop with `close`. */
  watchVault(dataDir: string): void {
    this.watcher = watch(dataDir, (_event, file) => {
      if (file === VAULT_FILE) this.prewarm(dataDir);
    });
  }

  close(): void {
    this.watcher?.close();
    for (const tap of this.eventTaps) tap.abort?.();
  }

  /** Unwraps each data key of `vault.json` with a passphrase the test used; the keys become secrets. */
  private async vaultKeys(dataDir: string): Promise<void> {
    if (!existsSync(join(dataDir, VAULT_FILE))) return;
    const ids = passphraseFileKeyIds(dataDir) ?? [];
    this.prewarm(dataDir);
    const salt = vaultSalt(dataDir);
    const stores = await Promise.all(
      [...this.stores.entries()]
        .filter(([key]) => key.startsWith(`${salt}\u0000`))
        .map(async ([, { store, opens }]) => ({ store, opens: await opens })),
    );
    // The one that opened the file early first: its derived key is cached unless the salt changed since.
    stores.sort((a, b) => Number(b.opens) - Number(a.opens));
    for (const { store } of stores) {
      try {
        for (const id of ids) {
          const key = await store.get(id);
          if (key && key.length > 0) this.secret(`vault data key (${id})`, key);
        }
        return;
      } catch (err) {
        // A wrong passphrase is LOCKED; anything else is a broken vault.json, which the test must hear of.
        if ((err as { code?: unknown }).code !== 'LOCKED') throw err;
      }
    }
    this.problems.push(
      `vault.json holds ${ids.length} data keys but no passphrase this test used opens it: name the one the ` +
        'page was given with vaultPassphrase()',
    );
  }

  /** A profile file may point the app at a sandbox the sweep was not told of: its tokens would go unsearched. */
  private async checkProfileHosts(): Promise<void> {
    for (const file of this.profileFiles) {
      const urls = profileFileUrls.safeParse(JSON.parse(readFileSync(file, 'utf8')));
      if (!urls.success) continue;
      const origins = new Set(
        Object.values(urls.data).flatMap((u) => (u && URL.canParse(u) ? [new URL(u).origin] : [])),
      );
      for (const origin of origins) {
        if (this.harvested.has(origin) || !(await listening(origin))) continue;
        this.problems.push(
          `the app talks to ${origin} (${file}), a server the sweep cannot ask for its tokens: write the ` +
            'profile with sandboxProfileFile() or name the sandbox with sweepSandbox()',
        );
      }
    }
  }
}

interface EventTap {
  name: string;
  chunks: Buffer[];
  abort?: () => void;
  /** Resolves when the stream has ended (the app stopped). */
  ended?: Promise<void>;
}

/** Waits for a stream to end with its app; one still open after 10 s is cut, keeping what arrived. */
async function settleTap(tap: EventTap): Promise<void> {
  if (!tap.ended) return;
  let timer: NodeJS.Timeout | undefined;
  const cut = new Promise<void>((resolve) => {
    timer = setTimeout(() => {
      tap.abort?.();
      resolve();
    }, 10_000);
  });
  await Promise.race([tap.ended, cut]);
  clearTimeout(timer);
}

/** The scrypt salt of the folder's vault.json, or null when there is none (or it is being replaced). */
function vaultSalt(dataDir: string): string | null {
  try {
    const parsed = z
      .object({ kdf: z.object({ salt: z.string() }) })
      .safeParse(JSON.parse(readFileSync(join(dataDir, VAULT_FILE), 'utf8')));
    return parsed.success ? parsed.data.kdf.salt : null;
  } catch {
    return null;
  }
}

/** Whether anything accepts connections there (fetch refuses "bad ports" such as the tests' closed port 9). */
function listening(origin: string): Promise<boolean> {
  const url = new URL(origin);
  const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
  return new Promise((resolve) => {
    const socket = connect({ host: url.hostname, port, timeout: 2_000 });
    const done = (open: boolean) => {
      socket.destroy();
      resolve(open);
    };
    socket.once('connect', () => done(true));
    socket.once('timeout', () => done(true));
    socket.once('error', (err: NodeJS.ErrnoException) => done(err.code !== 'ECONNREFUSED'));
  });
}

/**
 * Attaches the report to the test (every place searched, with its size), adds its summary line to
 * `test-results/e2e/secret-sweep.txt`, and fails the test for a secret found, or for a sweep that could not
 * do its work (only when the test itself passed, so a broken journey shows its own error first).
 */
export async function reportSweep(report: SweepReport, testInfo: TestInfo): Promise<void> {
  const lines = [
    report.summary,
    ...report.findings.map((f) => `FOUND ${f.secret} as ${f.form} in ${f.place}`),
    ...report.problems.map((p) => `PROBLEM ${p}`),
    '',
    'places searched:',
    ...report.places,
  ];
  await testInfo.attach('secret-sweep', { body: lines.join('\n'), contentType: 'text/plain' });
  const file = join(testInfo.project.outputDir, 'secret-sweep.txt');
  mkdirSync(dirname(file), { recursive: true });
  appendFileSync(file, `${testInfo.titlePath.slice(1).join(' › ')}: ${report.summary}\n`);
  if (report.findings.length > 0)
    throw new Error(
      `secret sweep: ${report.findings.map((f) => `${f.secret} as ${f.form} in ${f.place}`).join('; ')}`,
    );
  if (report.problems.length > 0 && testInfo.status === testInfo.expectedStatus)
    throw new Error(`secret sweep could not search everything: ${report.problems.join('; ')}`);
}
