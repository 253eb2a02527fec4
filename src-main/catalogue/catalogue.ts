import type { ActivityLog } from '../activity/activity-log';
import type { Database } from '../db/connection';
import { CostCsv } from './cost-csv';
import { ProductCostStore } from './costs';

export interface CatalogueDeps {
  db: Database;
  activity: ActivityLog;
  now: () => number;
}

/** The catalogue domain's services, built once by the composition root. */
export interface Catalogue {
  readonly costs: ProductCostStore;
  readonly costCsv: CostCsv;
  now(): number;
}

export function createCatalogue(deps: CatalogueDeps): Catalogue {
  const costs = new ProductCostStore(deps.db, deps.activity, deps.now);
  return { costs, costCsv: new CostCsv(deps.db, costs), now: deps.now };
}
