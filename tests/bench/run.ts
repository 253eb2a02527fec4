import { benchAnalytics } from './analytics.bench';
import { benchCreators } from './creators.bench';
import { benchCreatorsFirstRows } from './creators-first-rows.bench';
import { benchCreatorsImport } from './creators-import.bench';
import { benchCatalogue } from './catalogue.bench';
import { benchDatabase } from './database.bench';
import { benchIpcLatency } from './ipc-latency.bench';
import { benchOutreach } from './outreach.bench';
import { printReport } from './report';
import { benchSandbox } from './sandbox.bench';
import { benchSync } from './sync.bench';
import { benchSyncConversations } from './sync-conversations.bench';
import { benchSync1M } from './sync1m.bench';
import { benchVault } from './vault.bench';

/** `npm run bench`: figures for the performance budgets in docs/ARCHITECTURE.md §12. Printed, never asserted. */
const benches: [string, (report: typeof printReport) => Promise<void>][] = [
  ['database', benchDatabase],
  ['vault', benchVault],
  ['sandbox', benchSandbox],
  ['sync', benchSync],
  ['analytics', benchAnalytics],
  ['ipc', benchIpcLatency],
  ['sync1m', benchSync1M],
  ['creators', benchCreators],
  ['creators-first-rows', benchCreatorsFirstRows],
  ['creators-import', benchCreatorsImport],
  ['catalogue', benchCatalogue],
  ['outreach', benchOutreach],
  ['sync-conversations', benchSyncConversations],
];

const only = process.argv[2];
for (const [name, bench] of benches) {
  if (only && only !== name) continue;
  await bench(printReport);
}
process.stdout.write(`peak_rss: ${Math.round(process.resourceUsage().maxRSS / 1024)} MiB\n`);
