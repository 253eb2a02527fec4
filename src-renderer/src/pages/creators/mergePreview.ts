import type { CreatorDetail } from '@shared/creator-detail';
import type { ContactKind } from '@shared/creator-contacts';
import { type CreatorStage, stageRank } from '@shared/creators';

/**
 * What a manual merge will make of two Creators, by the rules main applies (docs/creators.md, "Merge and
 * split"; `identity.ts` mergeGroups): records, shops, notes, tags and lists are the union of both; the stage
 * is the further of the two; the score set by hand is the kept Creator's, or the other's when the kept one has
 * none; for each kind of contact the kept Creator's value is shown and the other's stays on its record (a
 * split gives it back); blocked when either is. Shown before the merchant confirms.
 */

export interface MergeSide {
  detail: CreatorDetail;
  /** Which kinds of private contact this Creator has (null while not known yet). */
  contacts: readonly ContactKind[] | null;
}

export interface MergePreview {
  records: number;
  shops: string[];
  notes: number;
  tags: string[];
  lists: string[];
  stage: { value: CreatorStage; from: 'kept' | 'other' };
  scoreOverride: { score: number; reason: string | null; from: 'kept' | 'other' } | null;
  /** Per kind: whose value the merged Creator shows. */
  contacts: Array<{ kind: ContactKind; from: 'kept' | 'other' }>;
  /** Kinds both have: the other's value stays on its record, unseen until a split. */
  shadowedContacts: ContactKind[];
  blocked: boolean;
}

const unionBy = <T, K>(a: readonly T[], b: readonly T[], key: (x: T) => K): T[] => {
  const seen = new Set<K>();
  return [...a, ...b].filter((x) => {
    const k = key(x);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
};

export function previewMerge(kept: MergeSide, other: MergeSide): MergePreview {
  const k = kept.detail;
  const o = other.detail;
  const stage =
    stageRank(o.creator.stage) > stageRank(k.creator.stage)
      ? { value: o.creator.stage, from: 'other' as const }
      : { value: k.creator.stage, from: 'kept' as const };
  const override = k.scoreOverride
    ? { score: k.scoreOverride.score, reason: k.scoreOverride.reason, from: 'kept' as const }
    : o.scoreOverride
      ? { score: o.scoreOverride.score, reason: o.scoreOverride.reason, from: 'other' as const }
      : null;
  const keptKinds = new Set(kept.contacts ?? []);
  const contacts = unionBy<MergePreview['contacts'][number], ContactKind>(
    (kept.contacts ?? []).map((kind) => ({ kind, from: 'kept' as const })),
    (other.contacts ?? []).map((kind) => ({ kind, from: 'other' as const })),
    (c) => c.kind,
  );
  return {
    records: k.records.length + o.records.length,
    shops: unionBy(k.shops, o.shops, (s) => s.shopId).map((s) => s.name ?? s.shopId),
    notes: k.notes.length + o.notes.length,
    tags: unionBy(k.tags, o.tags, (t) => t.id).map((t) => t.name),
    lists: unionBy(k.lists, o.lists, (l) => l.id).map((l) => l.name),
    stage,
    scoreOverride: override,
    contacts,
    shadowedContacts: (other.contacts ?? []).filter((kind) => keptKinds.has(kind)),
    blocked: k.blocked !== null || o.blocked !== null,
  };
}
