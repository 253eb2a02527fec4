import { z } from 'zod';
import { contactPatchSchema } from './creator-contacts';

/**
 * CSV import and manual add (issue 12 item 2). An import is uploaded in chunks (the web bridge takes 1 MiB
 * per request), checked in a dry run that writes nothing and lists every bad row with its line number and
 * reason, and written only when the user confirms. Channels in `channels/creator-sources.ts`:
 * 'creators:importUpload', 'creators:import', 'creators:add'.
 */

/** Raw bytes per upload call, base64-encoded (stays under the bridge's 1 MiB body limit). */
export const IMPORT_CHUNK_BYTES = 512 * 1024;
export const IMPORT_MAX_BYTES = 64 * 1024 * 1024;
export const IMPORT_MAX_ROWS = 250_000;

export const importEncodings = ['auto', 'utf-8', 'gb18030'] as const;
export const importEncodingSchema = z.enum(importEncodings);

export const importUploadInputSchema = z
  .object({
    /** Omit on the first chunk; pass the returned id with every later one. */
    uploadId: z.string().min(1).max(64).optional(),
    /** Bytes already received for this upload: a repeated or skipped chunk is refused. */
    offset: z.number().int().nonnegative(),
    data: z.base64().max(Math.ceil(IMPORT_CHUNK_BYTES / 3) * 4, 'a chunk holds at most 512 KiB'),
  })
  .strict();
export const importUploadResultSchema = z.object({ uploadId: z.string(), bytes: z.number().int() });

/** The fields an imported row or a manual add may carry; the same checks apply to both. */
export const importFields = [
  'handle',
  'nickname',
  'openId',
  'region',
  'followers',
  'categories',
  /** 30-day-style figures other tools export (docs/creator-sources.md "Figures"). */
  'gmv',
  'currency',
  'unitsSold',
  'avgVideoViews',
  'engagement',
  'email',
  'whatsapp',
  'instagram',
  'phone',
] as const;
export const importFieldSchema = z.enum(importFields);
export type ImportField = z.infer<typeof importFieldSchema>;

/** Why a row was refused; the renderer translates `creatorImport.reason.<code>` with the field. */
export const rowProblemCodes = [
  'missing_identity',
  'invalid',
  'too_long',
  'extra_columns',
  'conflicting_identity',
  /** A GMV amount with no currency from its cell, its column's header or a currency column. */
  'missing_currency',
  /** The cell's, the header's and the currency column's currencies disagree. */
  'conflicting_currency',
  /** An engagement rate written as a bare number of 1 or more: 4.5% and 0.045 are both read, "4.5" is not. */
  'ambiguous_rate',
] as const;
export const rowProblemSchema = z.object({
  code: z.enum(rowProblemCodes),
  field: importFieldSchema.nullable(),
});
export type RowProblem = z.infer<typeof rowProblemSchema>;

/** File-level refusals: nothing in the file can be imported. */
export const fileProblemCodes = [
  'empty',
  'too_large',
  'too_many_rows',
  'not_text',
  'malformed',
  'no_identity_column',
  'duplicate_column',
] as const;

export const importReportSchema = z.object({
  importId: z.string(),
  fileName: z.string(),
  /** The encoding the file was read with (a UTF-8 byte-order mark is noted, then dropped). */
  encoding: z.enum(['utf-8', 'gb18030', 'utf-16le', 'utf-16be']),
  bom: z.boolean(),
  /** Header columns recognised, in file order, and the ones ignored. */
  columns: z.array(z.object({ header: z.string(), field: importFieldSchema.nullable() })),
  rows: z.number().int(),
  /** Rows that will be written: new creators and rows merging into creators already in ShopMesh. */
  valid: z.number().int(),
  newCreators: z.number().int(),
  mergedIntoExisting: z.number().int(),
  /** Rows that repeat a creator an earlier row of the file already names; merged into that row. */
  duplicatesInFile: z.number().int(),
  withContacts: z.number().int(),
  /** Every refused row, in file order. */
  badRows: z.array(
    z.object({ line: z.number().int().positive(), problems: z.array(rowProblemSchema).min(1) }),
  ),
  /** Contacts cannot be sealed while the Vault is locked: confirming would be refused. */
  needsUnlock: z.boolean(),
  expiresAt: z.number().int(),
});
export type ImportReport = z.infer<typeof importReportSchema>;

export const importInputSchema = z.discriminatedUnion('step', [
  z
    .object({
      step: z.literal('dryRun'),
      uploadId: z.string().min(1).max(64),
      fileName: z.string().trim().min(1).max(255),
      encoding: importEncodingSchema.default('auto'),
    })
    .strict(),
  z.object({ step: z.literal('confirm'), importId: z.string().min(1).max(64) }).strict(),
  z.object({ step: z.literal('discard'), importId: z.string().min(1).max(64) }).strict(),
]);
export type ImportInput = z.input<typeof importInputSchema>;

export const importResultSchema = z.discriminatedUnion('step', [
  z.object({ step: z.literal('dryRun'), report: importReportSchema }),
  z.object({
    step: z.literal('confirm'),
    importId: z.string(),
    created: z.number().int(),
    merged: z.number().int(),
    contactsSaved: z.number().int(),
    skippedBadRows: z.number().int(),
  }),
  z.object({ step: z.literal('discard'), importId: z.string() }),
]);
export type ImportResult = z.infer<typeof importResultSchema>;

export const creatorAddInputSchema = z
  .object({
    handle: z.string().trim().max(200).optional(),
    nickname: z.string().trim().max(200).optional(),
    openId: z.string().trim().max(200).optional(),
    region: z.string().trim().max(10).optional(),
    followers: z.number().int().nonnegative().optional(),
    contacts: contactPatchSchema.optional(),
  })
  .strict();
export type CreatorAddInput = z.infer<typeof creatorAddInputSchema>;
export const creatorAddResultSchema = z.object({
  creatorId: z.number().int().positive(),
  /** False when the handle or open id already named a creator: the details were merged into it. */
  created: z.boolean(),
});
