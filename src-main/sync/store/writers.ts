import type { Database } from 'better-sqlite3';
import { AdEntityWriter, AdReportWriter } from './ads';
import { AffiliateOrderWriter } from './affiliate';
import { CollaborationWriter } from './collaborations';
import { ConversationWriter } from './conversations';
import { CreatorStore } from './creators';
import { StatementWriter } from './finance';
import { OrderWriter } from './orders';
import { ProductWriter } from './products';
import { QuarantineStore } from './quarantine';
import { RollupStore } from './rollups';
import { SampleApplicationWriter } from './sample-applications';

/** Every writer, with its statements prepared once per database. */
export interface Writers {
  orders: OrderWriter;
  products: ProductWriter;
  statements: StatementWriter;
  creators: CreatorStore;
  affiliateOrders: AffiliateOrderWriter;
  collaborations: CollaborationWriter;
  conversations: ConversationWriter;
  sampleApplications: SampleApplicationWriter;
  adEntities: AdEntityWriter;
  adReports: AdReportWriter;
  rollups: RollupStore;
  quarantine: QuarantineStore;
}

export function createWriters(db: Database): Writers {
  const creators = new CreatorStore(db);
  const rollups = new RollupStore(db);
  return {
    orders: new OrderWriter(db, rollups),
    products: new ProductWriter(db),
    statements: new StatementWriter(db, rollups),
    creators,
    affiliateOrders: new AffiliateOrderWriter(db, creators, rollups),
    collaborations: new CollaborationWriter(db, creators),
    conversations: new ConversationWriter(db, creators),
    sampleApplications: new SampleApplicationWriter(db, creators),
    adEntities: new AdEntityWriter(db),
    adReports: new AdReportWriter(db, rollups),
    rollups,
    quarantine: new QuarantineStore(db),
  };
}
