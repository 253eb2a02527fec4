import { z } from 'zod';
import { creatorFilterSchema, creatorStageSchema, tagNameSchema } from './creators';

/** Lists (static and saved filters), the blocklist, and bulk actions over a selection of any size. */

const id = z.number().int().positive();

/**
 * Which creators an action applies to: explicit ids, or everything a filter matches minus the rows the user
 * unticked (so "select all 200,000" never ships 200,000 ids).
 */
export const creatorSelectionSchema = z.union([
  z.object({ ids: z.array(id).min(1).max(10_000) }).strict(),
  z.object({ filter: creatorFilterSchema, exceptIds: z.array(id).max(10_000).default([]) }).strict(),
]);
export type CreatorSelection = z.input<typeof creatorSelectionSchema>;

export const bulkActionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('addTag'), tag: tagNameSchema }).strict(),
  z.object({ kind: z.literal('removeTag'), tag: tagNameSchema }).strict(),
  z.object({ kind: z.literal('addToList'), listId: id }).strict(),
  z.object({ kind: z.literal('removeFromList'), listId: id }).strict(),
  z.object({ kind: z.literal('setStage'), stage: creatorStageSchema.exclude(['blocked']) }).strict(),
  z.object({ kind: z.literal('block'), reason: z.string().trim().min(1).max(500) }).strict(),
  z.object({ kind: z.literal('unblock') }).strict(),
]);
export type BulkAction = z.infer<typeof bulkActionSchema>;

export const creatorsBulkInputSchema = z
  .object({ selection: creatorSelectionSchema, action: bulkActionSchema })
  .strict();
export const creatorsBulkResultSchema = z.object({
  /** Creators in the selection. */
  selected: z.number().int().nonnegative(),
  /** Creators the action changed (the others already were that way). */
  changed: z.number().int().nonnegative(),
});

// ---- creators:export ------------------------------------------------------------------------------------
export const creatorsExportInputSchema = z
  .object({
    selection: creatorSelectionSchema,
    /** Private contacts go into the file only when the user ticks it. */
    includeContacts: z.boolean().default(false),
  })
  .strict();
export const creatorsExportResultSchema = z.object({
  fileName: z.string(),
  /** UTF-8 CSV with a BOM (Excel opens CJK names correctly), one header row. */
  csv: z.string(),
  rows: z.number().int().nonnegative(),
});

// ---- lists:* --------------------------------------------------------------------------------------------
const listName = z.string().trim().min(1).max(80);

export const creatorListSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  kind: z.enum(['static', 'dynamic']),
  /** The saved filter of a dynamic list. */
  filter: creatorFilterSchema.nullable(),
  /** Creators in the list now (a dynamic list's count is its filter's). */
  size: z.number().int().nonnegative(),
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
});
export type CreatorList = z.infer<typeof creatorListSchema>;

export const listsListSchema = z.object({ items: z.array(creatorListSchema) });

/** A dynamic list's filter may not name other lists (no cycles, one level of indirection). */
const savedFilter = creatorFilterSchema.refine((f) => f.listIds === undefined, {
  message: 'a saved filter cannot refer to lists',
});

export const listsCreateInputSchema = z.union([
  z.object({ name: listName, kind: z.literal('static') }).strict(),
  z.object({ name: listName, kind: z.literal('dynamic'), filter: savedFilter }).strict(),
]);
export const listsUpdateInputSchema = z
  .object({ id, name: listName.optional(), filter: savedFilter.optional() })
  .strict()
  .refine((v) => v.name !== undefined || v.filter !== undefined, 'nothing to change');
export const listsDeleteInputSchema = z.object({ id }).strict();
export const listsMembersInputSchema = z.object({ listId: id, selection: creatorSelectionSchema }).strict();

// ---- blocklist:* ----------------------------------------------------------------------------------------
export const blockedCreatorSchema = z.object({
  creatorId: z.number().int(),
  handle: z.string().nullable(),
  nickname: z.string().nullable(),
  reason: z.string(),
  blockedAt: z.number().int(),
});
export type BlockedCreator = z.infer<typeof blockedCreatorSchema>;

export const blocklistListInputSchema = z
  .object({
    limit: z.number().int().min(1).max(500).default(100),
    /** The `nextCursor` of the previous page. */
    cursor: z.string().max(200).optional(),
  })
  .strict();
export const blocklistPageSchema = z.object({
  items: z.array(blockedCreatorSchema),
  nextCursor: z.string().nullable(),
  total: z.number().int().nonnegative(),
});
export const blocklistAddInputSchema = z
  .object({ creatorIds: z.array(id).min(1).max(10_000), reason: z.string().trim().min(1).max(500) })
  .strict();
export const blocklistRemoveInputSchema = z.object({ creatorIds: z.array(id).min(1).max(10_000) }).strict();
export const blocklistChangeSchema = z.object({ changed: z.number().int().nonnegative() });
