import type { Database } from 'better-sqlite3';
import { contactKinds } from '@shared/creator-contacts';
import type { TimelineEntry } from '@shared/creator-detail';
import { type ContactStore, hasContactSql } from './contacts';
import type { CreatorExtension, CreatorFacts, SampleCost } from './extensions';

/**
 * What contacts and free samples add to a Creator in the CRM (its table, scores, pipeline, timeline,
 * profit and export), through the CRM's extension seam (extensions.ts). Every method gets all the
 * records of one Creator.
 */

const inList = (ids: readonly number[]): string => JSON.stringify(ids);

/** "Has contact" is read from which columns are set: nothing is decrypted. */
export function contactsExtension(contacts: ContactStore): CreatorExtension {
  return {
    facts(db, recordIds): CreatorFacts {
      const has = db
        .prepare(
          `SELECT EXISTS (SELECT 1 FROM creator_contacts cc
             WHERE cc.creator_id IN (SELECT value FROM json_each(?)) AND (${hasContactSql}))`,
        )
        .pluck()
        .get(inList(recordIds));
      return { hasContact: has === 1 };
    },
    exportColumns(_db, creatorIds, { includeContacts }) {
      if (!includeContacts) return { headers: [], values: new Map() };
      const plain = contacts.forExport(creatorIds);
      const values = new Map<number, string[]>();
      for (const [id, v] of plain)
        values.set(
          id,
          contactKinds.map((k) => v[k] ?? ''),
        );
      return { headers: [...contactKinds], values };
    },
  };
}

/** Statuses after the parcel left the shop (docs/tiktok-api/affiliate-creators-and-samples.md). */
const shippedSql = `('SHIPPED', 'CONTENT_PENDING', 'COMPLETED', 'UNFULFILL_CANCELLED', 'OPS_COMPLETED')`;

export function samplesExtension(now: () => number): CreatorExtension {
  return {
    facts(db: Database, recordIds): CreatorFacts {
      const r = db
        .prepare(
          `SELECT
             SUM(content_due_at IS NOT NULL AND (content_due_at <= @now OR first_content_at IS NOT NULL)) AS due,
             SUM(first_content_at IS NOT NULL AND content_due_at IS NOT NULL
                 AND first_content_at <= content_due_at) AS on_time,
             MAX(CASE WHEN status IN ${shippedSql} THEN COALESCE(delivered_at, status_since) END) AS sent_at,
             MAX(first_content_at) AS posted_at
           FROM sample_applications WHERE creator_id IN (SELECT value FROM json_each(@ids))`,
        )
        .get({ ids: inList(recordIds), now: now() }) as {
        due: number | null;
        on_time: number | null;
        sent_at: number | null;
        posted_at: number | null;
      };
      return {
        samplesDue: r.due ?? 0,
        samplesPostedOnTime: r.on_time ?? 0,
        sampleSentAt: r.sent_at,
        samplePostedAt: r.posted_at,
      };
    },
    timeline(db, recordIds, before, limit): TimelineEntry[] {
      const rows = db
        .prepare(
          `SELECT application_id, shop_id, product_title, sku_name, status, first_seen_at
           FROM sample_applications
           WHERE creator_id IN (SELECT value FROM json_each(?)) AND first_seen_at < ?
           ORDER BY first_seen_at DESC, application_id LIMIT ?`,
        )
        .all(inList(recordIds), before ?? Number.MAX_SAFE_INTEGER, limit) as Array<{
        application_id: string;
        shop_id: string;
        product_title: string | null;
        sku_name: string | null;
        status: string;
        first_seen_at: number;
      }>;
      return rows.map((r) => ({
        key: `sample:${r.application_id}`,
        at: r.first_seen_at,
        kind: 'sample',
        shopId: r.shop_id,
        title: r.product_title,
        status: r.status,
        amount: null,
        fromStage: null,
        toStage: null,
        cause: null,
        text: r.sku_name,
      }));
    },
    // One unit per shipped sample at the SKU's cost the merchant entered (docs/catalogue.md).
    sampleCosts(db, recordIds): SampleCost[] {
      return db
        .prepare(
          `SELECT c.currency, SUM(COALESCE(c.cost_minor, 0)) AS costMinor,
                  SUM(COALESCE(c.shipping_cost_minor, 0)) AS shippingMinor
           FROM sample_applications a JOIN product_costs c ON c.sku_id = a.sku_id
           WHERE a.creator_id IN (SELECT value FROM json_each(?)) AND a.status IN ${shippedSql}
           GROUP BY c.currency`,
        )
        .all(inList(recordIds)) as SampleCost[];
    },
  };
}
