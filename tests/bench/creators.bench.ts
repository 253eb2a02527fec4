import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { CreatorFilter, CreatorSort } from '@shared/creators';
import { openDatabase } from '../../src-main/db/connection';
import { buildWorld } from '../helpers/creator-world';
import { quietCrm } from '../helpers/quiet-crm';
import { makeTempDir } from '../helpers/tmp';
import { reportFirstRows } from './first-rows';
import { percentile, type Report } from './report';

/**
 * The creator CRM over 200k creators with sightings, tags, notes, lists and merged records, in a real
 * database file (WAL), indexed by the same code path a sync uses.
 *   creators.index.rebuild.maxBlock.ms  the longest event-loop delay while the full rebuild runs (its longest step)
 *   creators.search.p95.ms          text + two filters + sort, page of 100
 *   creators.search.deepPage.p95.ms page 1,000 (rows 99,901–100,000) of a two-filter query sorted by score
 *   creators.search[.deepPage].cpu.p95.ms  the same in CPU time (less at the mercy of the machine's load)
 *   creators.score.recompute.ms     every score after a rules change, in the background slices the app uses
 *   creators.table.firstRows.ms     Chromium over the web bridge, median of 5 loads: from the bench's `goto` call
 *                                   to the frame that paints the Creators page's first rows, by the page's own
 *                                   clock (timeOrigin + rowsPainted; Playwright's noticing is not in it: see
 *                                   rowsSeenLate and untilSeen) (the built app: `npm run build` runs first;
 *                                   outputs not validated, as in a merchant's app), in Chromium's headless shell
 *                                   since 2026-12-07's second session (first-rows.ts says why)
 *   creators.table.firstRows.fullBrowser.ms  the same five loads in the full browser (`chromium --headless`)
 *   creators.table.firstRows[.fullBrowser].browserCpu.ms  the CPU time all of that browser's processes ran
 *                                   during one load (median), from the kernel's per-thread counters
 *   renderer.entry.kB               the JS a window parses before it can render anything: the built
 *                                   index.html's module script and the chunks it preloads (minified, not gzipped)
 *   creators.table.firstRows.<step>.ms  where that time goes, each step's median in the page's own clock from the
 *                                   navigation's start (the token swap's request): redirect, domContentLoaded,
 *                                   renderStart (the opening answers in), firstCommit (React's), searchSent,
 *                                   searchAnswered, searchServer (main's time for the first page), rowsDrawn (in
 *                                   the DOM), rowsPainted; gotoToNavigation and rowsSeenLate are the bench's own;
 *                                   untilSeen is `goto` to the bench seeing the paint (the headline until crm17)
 */
export async function benchCreators(
  report: Report,
  size = Number(process.env.BENCH_CREATORS ?? 200_000),
): Promise<void> {
  const tmp = makeTempDir();
  try {
    const now = Date.UTC(2026, 5, 1);
    const db = openDatabase(join(tmp.dir, 'shopmesh.db'));
    const crm = quietCrm(db, now);
    let t = performance.now();
    buildWorld(db, size, 2026, now);
    report('creators.bench.seed.ms', Math.round(performance.now() - t), 'ms');
    t = performance.now();
    // The longest the app's thread is held at once while it rebuilds: what a request may wait meanwhile.
    const held = monitorEventLoopDelay({ resolution: 10 });
    held.enable();
    await crm.worker.kick('startup');
    // The histogram records a delay when its timer finally fires: let it fire once after the last step.
    await new Promise((resolve) => setTimeout(resolve, 30));
    held.disable();
    report('creators.index.rebuild.ms', Math.round(performance.now() - t), 'ms');
    report('creators.index.rebuild.maxBlock.ms', Math.round(held.max / 1e6), 'ms');
    // No ANALYZE: the app never runs one, and search picks its plans itself rather than from statistics.

    const texts = ['an', 'chen', '小', '美妆', 'สม', 'be', 'luna', 'gr'];
    const sorts: CreatorSort[] = [
      { column: 'score', direction: 'desc' },
      { column: 'followers', direction: 'desc' },
      { column: 'handle', direction: 'asc' },
      { column: 'lastContactedAt', direction: 'asc' },
    ];
    const times: number[] = [];
    const cpu: number[] = [];
    for (let i = 0; i < 200; i++) {
      const filter: CreatorFilter = {
        text: texts[i % texts.length]!,
        regions: [['US', 'GB', 'TH'][i % 3]!],
        followers: { min: 10_000, max: 1_000_000 },
      };
      const s = performance.now();
      const c = process.cpuUsage();
      crm.search({ filter, sort: sorts[i % sorts.length]!, limit: 100 });
      cpu.push(cpuMs(c));
      times.push(performance.now() - s);
    }
    report(
      'creators.search.p95.ms',
      percentile(
        times.sort((a, b) => a - b),
        95,
      ),
      'ms',
    );
    // The same work in CPU time: what a loaded machine's scheduling adds to the wall time is left out.
    report('creators.search.cpu.p95.ms', p95(cpu), 'ms');

    const deepFilter: CreatorFilter = { blocked: false, followers: { min: 100 } };
    const deepSort: CreatorSort = { column: 'score', direction: 'desc' };
    let cursor: string | null = null;
    for (let page = 1; page < 1_000; page++) {
      const p = crm.search({ filter: deepFilter, sort: deepSort, limit: 100, ...(cursor ? { cursor } : {}) });
      cursor = p.nextCursor;
      if (!cursor) break;
    }
    if (cursor) {
      const deep: number[] = [];
      const deepCpu: number[] = [];
      for (let i = 0; i < 50; i++) {
        const s = performance.now();
        const c = process.cpuUsage();
        crm.search({ filter: deepFilter, sort: deepSort, limit: 100, cursor });
        deepCpu.push(cpuMs(c));
        deep.push(performance.now() - s);
      }
      report(
        'creators.search.deepPage.p95.ms',
        percentile(
          deep.sort((a, b) => a - b),
          95,
        ),
        'ms',
      );
      report('creators.search.deepPage.cpu.p95.ms', p95(deepCpu), 'ms');
    }

    const rules = crm.rules.get();
    t = performance.now();
    await crm.setScoreRules({
      ...rules,
      rules: rules.rules.map((r) => (r.kind === 'followers' ? { ...r, target: r.target * 2 } : r)),
    });
    await crm.worker.idle();
    report('creators.score.recompute.ms', Math.round(performance.now() - t), 'ms');
    await crm.close();
    db.close();
    await reportFirstRows(tmp.dir, report, { build: true, validate: false });
  } finally {
    tmp.cleanup();
  }
}

const cpuMs = (since: NodeJS.CpuUsage): number => {
  const d = process.cpuUsage(since);
  return (d.user + d.system) / 1000;
};
const p95 = (xs: number[]): number =>
  percentile(
    [...xs].sort((a, b) => a - b),
    95,
  );
