import type { Database } from 'better-sqlite3';
import type { TimelineEntry } from '@shared/creator-detail';

/**
 * What other modules add to a Creator: private contacts, free samples, outreach. Each registers one
 * extension (by name) on the CreatorsService; every method answers for one Creator's records
 * (`recordIds`, the canonical one first) and may be left out.
 */
export interface CreatorExtension {
  /** Facts the table, the score and the pipeline use. */
  facts?(db: Database, recordIds: readonly number[]): CreatorFacts;
  /** Timeline entries older than `before` (epoch ms; null = newest), newest first, at most `limit`. */
  timeline?(
    db: Database,
    recordIds: readonly number[],
    before: number | null,
    limit: number,
  ): TimelineEntry[];
  /** Free-sample costs per currency, for profit per creator. */
  sampleCosts?(db: Database, recordIds: readonly number[]): SampleCost[];
  /** Extra export columns (e.g. private contacts when the user ticked them), per Creator id. */
  exportColumns?(
    db: Database,
    creatorIds: readonly number[],
    options: { includeContacts: boolean },
  ): ExportColumns;
}

export interface CreatorFacts {
  hasContact?: boolean;
  /** Free samples whose content was due, and how many of them were posted in time (score rule). */
  samplesDue?: number;
  samplesPostedOnTime?: number;
  /** Last time the merchant reached out outside TikTok's synced messages (outreach deliveries). */
  lastContactedAt?: number | null;
  /** Latest sample shipped to the creator: moves the pipeline to `sample_sent`. */
  sampleSentAt?: number | null;
  /** Latest sample content posted: moves the pipeline to `posted`. */
  samplePostedAt?: number | null;
}

export interface SampleCost {
  currency: string;
  costMinor: number;
  shippingMinor: number;
}

export interface ExportColumns {
  headers: string[];
  values: Map<number, string[]>;
}

export class CreatorExtensions {
  private readonly extensions = new Map<string, CreatorExtension>();

  /** `name` identifies the module; registering it again replaces it. */
  register(name: string, extension: CreatorExtension): () => void {
    this.extensions.set(name, extension);
    return () => this.extensions.delete(name);
  }

  all(): CreatorExtension[] {
    return [...this.extensions.values()];
  }

  /** Every extension's facts, merged: any contact counts, sample counts add up, the latest time wins. */
  facts(db: Database, recordIds: readonly number[]): Required<CreatorFacts> {
    const out: Required<CreatorFacts> = {
      hasContact: false,
      samplesDue: 0,
      samplesPostedOnTime: 0,
      lastContactedAt: null,
      sampleSentAt: null,
      samplePostedAt: null,
    };
    const later = (a: number | null, b: number | null | undefined): number | null =>
      b === null || b === undefined ? a : a === null ? b : Math.max(a, b);
    for (const ext of this.extensions.values()) {
      const f = ext.facts?.(db, recordIds);
      if (!f) continue;
      out.hasContact ||= f.hasContact ?? false;
      out.samplesDue += f.samplesDue ?? 0;
      out.samplesPostedOnTime += f.samplesPostedOnTime ?? 0;
      out.lastContactedAt = later(out.lastContactedAt, f.lastContactedAt);
      out.sampleSentAt = later(out.sampleSentAt, f.sampleSentAt);
      out.samplePostedAt = later(out.samplePostedAt, f.samplePostedAt);
    }
    return out;
  }
}
