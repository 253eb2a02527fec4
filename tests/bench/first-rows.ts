import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { z } from 'zod';
import { chromiumArgs } from '../../playwright.config';
import { startWebApp } from '../e2e/web-app';
import type { Report } from './report';

/**
 * `creators.table.firstRows.ms` and its steps: the Creators page opened in Chromium over the web bridge, from
 * the bench's `page.goto` call to the frame that paints its first rows (see benchCreators' comment and
 * docs/creators.md, Benchmarks). Used by the `creators` and `creators-first-rows` groups.
 */

// Strings, so they run in the page (the bench's own TypeScript has no DOM types).
/**
 * Installed before each load: notes when the first creator row enters the document (a MutationObserver,
 * free of Playwright's polling) and when the frame that shows it has painted: its animation callback runs
 * before its paint, a message posted from there after it. `__rowsPainted` settles then, for the bench to
 * await (`rowsPainted` below).
 */
const watchRows = `{
  let painted;
  window.__rowsPainted = new Promise((resolve) => (painted = resolve));
  const seen = new MutationObserver(() => {
    if (!document.querySelector('table[aria-label="Creators"] tbody tr.data-row')) return;
    seen.disconnect();
    window.__rowsDrawnAt = performance.now();
    requestAnimationFrame(() => {
      const after = new MessageChannel();
      after.port1.onmessage = () => {
        window.__rowsPaintedAt = performance.now();
        painted();
      };
      after.port2.postMessage(null);
    });
  });
  seen.observe(document, { childList: true, subtree: true });
}`;

/**
 * Waits for the watcher's paint, awaited in the page rather than polled: `page.waitForFunction` first
 * injects Playwright's selector engine (a 340 kB script) into the page, and its evaluation (traced: 180 ms
 * of the main thread on a loaded machine) landed in the middle of the load being measured. `evaluate` needs
 * only Playwright's 13 kB utility script, and hears of the paint one DevTools message later.
 */
async function rowsPainted(page: Page): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      page.evaluate('window.__rowsPainted'),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('The first rows were not painted in 60 s')), 60_000);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

const inPageTimes = z.object({
  redirect: z.number(),
  domContentLoaded: z.number(),
  renderStart: z.number(),
  firstCommit: z.number(),
  searchSent: z.number(),
  searchAnswered: z.number(),
  searchServer: z.number(),
  rowsDrawn: z.number(),
  rowsPainted: z.number(),
  timeOrigin: z.number(),
});
type LoadTimes = Omit<z.infer<typeof inPageTimes>, 'timeOrigin'> & {
  /** From Playwright's `goto` call to the navigation's start in the page. */
  gotoToNavigation: number;
  /** From the rows painted to the bench seeing them (its polling, not the app). */
  rowsSeenLate: number;
  /** From the `goto` call to the bench seeing the rows painted: the headline before it stopped at the paint. */
  untilSeen: number;
};

/** What DevTools' Performance panel records: script per chunk, style, layout, paint, user timing marks. */
const traceCategories = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.frame',
  'blink.user_timing',
  'loading',
  'toplevel',
  'v8.execute',
  'disabled-by-default-v8.compile',
  // Sampled JS stacks: which functions the script and render time is spent in.
  'disabled-by-default-v8.cpu_profiler',
];

/** The page's clocks, ms from the navigation's start (the token swap's request); -1 for a step not seen. */
const readTimes = `(() => {
  const nav = performance.getEntriesByType('navigation')[0];
  const search = performance.getEntriesByType('resource').find((e) => e.name.includes('/ipc/creators:search'));
  const mark = (name) => performance.getEntriesByName(name)[0]?.startTime ?? -1;
  return {
    redirect: nav.redirectEnd || nav.fetchStart,
    domContentLoaded: nav.domContentLoadedEventEnd,
    renderStart: mark('shopmesh:render-start'),
    firstCommit: mark('shopmesh:first-commit'),
    searchSent: search?.requestStart ?? -1,
    searchAnswered: search?.responseEnd ?? -1,
    searchServer: search ? search.responseStart - search.requestStart : -1,
    rowsDrawn: window.__rowsDrawnAt ?? -1,
    rowsPainted: window.__rowsPaintedAt ?? -1,
    timeOrigin: performance.timeOrigin,
  };
})()`;

/**
 * The size of the JS every window loads before its first render: the module script of the built index.html
 * and the chunks it names as `modulepreload` (what the entry imports statically). Chunks loaded later (a
 * page, a language's catalogue) are not counted.
 */
function entryKilobytes(rendererDir: string): number {
  const html = readFileSync(join(rendererDir, 'index.html'), 'utf8');
  // Each file once: the boot chunk is both a script of its own and one the entry preloads.
  const files = new Set(
    [
      ...html.matchAll(
        /<(?:script type="module"[^>]*src|link rel="modulepreload"[^>]*href)="\.\/([^"]+\.js)"/g,
      ),
    ].map(([, file]) => file!),
  );
  if (files.size === 0) throw new Error('index.html names no module script');
  const bytes = [...files].reduce((sum, file) => sum + statSync(join(rendererDir, file)).size, 0);
  return Math.round(bytes / 1024);
}

/**
 * The browser behind the headline: Chromium's headless shell (Debian's `chromium-headless-shell`, the same
 * Chromium release as `chromium`, installed by scripts/setup.sh). It is Chromium's content layer without the
 * desktop browser's own interface, as an Electron window is, and what Playwright itself runs headless. The
 * full browser (`chromium --headless`) builds each new window's omnibox popup, a WebUI page in a renderer of
 * its own (`chrome://omnibox-popup.top-chrome/`), while the app's page loads: measured from the threads'
 * scheduler counters (/proc/<pid>/task/<tid>/schedstat), ~0.7 s of CPU of the ~2.2 s that all processes spent
 * during one 1.1 s load on this 2-core machine, against ~1.0 s in all with the shell (docs/creators.md,
 * Benchmarks). The full browser's figure is still printed (`creators.table.firstRows.fullBrowser.ms`).
 */
export const headlessShellPath =
  process.env.CHROMIUM_HEADLESS_SHELL_PATH ?? '/usr/bin/chromium-headless-shell';
const fullBrowserPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

interface FirstRowsOptions {
  /** `npm run build` first (and report `renderer.entry.kB`). */
  build: boolean;
  /** Run the app as the e2e suite does, checking every IPC result against the contract; a merchant's app does not. */
  validate: boolean;
  /** Also trace one more load in the headline's browser and hand over Chromium's trace. */
  trace?: (json: Buffer) => void;
}

/**
 * Reports `creators.table.firstRows.ms` (the headless shell) with the median of each step
 * (`creators.table.firstRows.<step>.ms`, in-page clocks from the navigation's start), then
 * `creators.table.firstRows.fullBrowser.ms`: the same five loads in the full browser, against the same app.
 */
export async function reportFirstRows(
  dataDir: string,
  report: Report,
  options: FirstRowsOptions,
): Promise<void> {
  if (!existsSync(headlessShellPath)) {
    throw new Error(
      `creators.table.firstRows.ms runs in Chromium's headless shell, not found at ${headlessShellPath}: ` +
        'run scripts/setup.sh (it installs chromium-headless-shell) or set CHROMIUM_HEADLESS_SHELL_PATH',
    );
  }
  if (options.build) {
    execFileSync('npm', ['run', '--silent', 'build'], { stdio: 'ignore' });
    report(
      'renderer.entry.kB',
      entryKilobytes(join(import.meta.dirname, '..', '..', 'out', 'renderer')),
      'kB',
    );
  }
  const app = await startWebApp(dataDir, {
    SHOPMESH_KEYSTORE: 'passphrase',
    SHOPMESH_VAULT_PASSPHRASE: 'bench-creators-passphrase',
    SHOPMESH_VALIDATE_OUTPUTS: options.validate ? '1' : '0',
  });
  try {
    const shell = await fiveLoads(app.url, headlessShellPath, options.trace);
    for (const step of Object.keys(shell.steps[0]!) as (keyof LoadTimes)[]) {
      report(`creators.table.firstRows.${step}.ms`, median(shell.steps.map((s) => s[step])), 'ms');
    }
    report('creators.table.firstRows.ms', median(shell.times), 'ms');
    if (shell.cpu.length) report('creators.table.firstRows.browserCpu.ms', median(shell.cpu), 'ms');
    const full = await fiveLoads(app.url, fullBrowserPath);
    report('creators.table.firstRows.fullBrowser.ms', median(full.times), 'ms');
    if (full.cpu.length) report('creators.table.firstRows.fullBrowser.browserCpu.ms', median(full.cpu), 'ms');
  } finally {
    await app.stop();
  }
}

const median = (xs: number[]): number =>
  Math.round([...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!);

/** Five loads of the Creators page, each in a fresh browser context, in the browser at `executablePath`. */
async function fiveLoads(
  appUrl: string,
  executablePath: string,
  trace?: (json: Buffer) => void,
): Promise<{ times: number[]; steps: LoadTimes[]; cpu: number[] }> {
  const browser = await chromium.launch({ executablePath, args: chromiumArgs });
  const browserPid = chromiumChildOfThisProcess();
  try {
    const times: number[] = [];
    const steps: LoadTimes[] = [];
    const cpu: number[] = [];
    for (let i = 0; i < 5; i++) {
      const page = await browser.newPage({ viewport: { width: 1360, height: 860 } });
      await page.addInitScript(watchRows);
      // The wall clock, read now: Node's `performance.timeOrigin + now()` drifts from it over a long run
      // (the world takes minutes to build), and the page's `timeOrigin + rowsPainted` is on the wall clock.
      const cpuBefore = browserPid === undefined ? null : treeCpuMs(browserPid);
      const startedAt = Date.now();
      await page.goto(`${appUrl}#/creators`, { waitUntil: 'commit' });
      await rowsPainted(page);
      const seenAt = Date.now();
      const cpuAfter = browserPid === undefined ? null : treeCpuMs(browserPid);
      if (cpuBefore !== null && cpuAfter !== null) cpu.push(cpuAfter - cpuBefore);
      const { timeOrigin, ...inPage } = inPageTimes.parse(await page.evaluate(readTimes));
      const paintedAt = timeOrigin + inPage.rowsPainted;
      // The headline ends where the page painted the rows, not where Playwright noticed it did: its noticing
      // (rowsSeenLate, 30–100 ms) is the bench's latency, not the app's.
      times.push(paintedAt - startedAt);
      steps.push({
        ...inPage,
        gotoToNavigation: timeOrigin - startedAt,
        rowsSeenLate: seenAt - paintedAt,
        untilSeen: seenAt - startedAt,
      });
      await page.close();
    }
    if (trace) {
      // One more load, traced: the tracing's own cost stays out of the five measured ones.
      const page = await browser.newPage({ viewport: { width: 1360, height: 860 } });
      await page.addInitScript(watchRows);
      await browser.startTracing(page, { categories: traceCategories });
      await page.goto(`${appUrl}#/creators`, { waitUntil: 'commit' });
      await rowsPainted(page);
      trace(await browser.stopTracing());
      await page.close();
    }
    return { times, steps, cpu };
  } finally {
    await browser.close();
  }
}

/** The browser Playwright launched: this process's child running Chromium (the app's bridge is the other child). */
function chromiumChildOfThisProcess(): number | undefined {
  if (!existsSync('/proc/self/task')) return undefined;
  for (const [pid, parent] of parents()) {
    if (parent !== process.pid) continue;
    try {
      // Debian's chromium-headless-shell is a shell script that runs the browser as its child: its tree counts.
      if (readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('chromium')) return pid;
    } catch {
      // gone meanwhile
    }
  }
  return undefined;
}

/** Each running process's parent, from /proc. */
function parents(): Map<number, number> {
  const parentOf = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // "pid (comm) state ppid …": comm may hold spaces and parentheses, so read after its last ')'.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      parentOf.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // gone meanwhile
    }
  }
  return parentOf;
}

/**
 * CPU time (ms) that the process `root` and its descendants have run so far, from the kernel's per-thread
 * scheduler counters (`/proc/<pid>/task/<tid>/schedstat`, ns); null where /proc has none (not Linux). Read
 * around a load it is the browser's work for that load, which wall time on a shared 2-core machine hides:
 * a process that exits meanwhile is missed, one started meanwhile counts from zero.
 */
function treeCpuMs(root: number): number | null {
  if (!existsSync('/proc/self/task')) return null;
  const parentOf = parents();
  const inTree = (pid: number): boolean => {
    for (let p: number | undefined = pid; p !== undefined && p > 1; p = parentOf.get(p))
      if (p === root) return true;
    return false;
  };
  let ns = 0;
  for (const pid of parentOf.keys()) {
    if (!inTree(pid)) continue;
    try {
      for (const tid of readdirSync(`/proc/${pid}/task`)) {
        ns += Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0]);
      }
    } catch {
      // gone meanwhile
    }
  }
  return ns / 1e6;
}
