import { z } from 'zod';

/** What one retention run deleted: counts only, never what the rows held. */
export const retentionReportSchema = z.object({
  /** UTC epoch ms the run finished. */
  at: z.number().int(),
  /** Activity-log entries older than the activity rule. */
  activityEntries: z.number().int().nonnegative(),
  /** Disconnected or revoked Accounts whose data was deleted. */
  accounts: z.number().int().nonnegative(),
  /** Rows deleted with those Accounts' data (synced data, rollups, costs, their activity entries). */
  accountRows: z.number().int().nonnegative(),
  /** Finance and payment records past the finance rule. */
  financeRecords: z.number().int().nonnegative(),
  /** Account rows removed for good once their last kept finance record went. */
  accountsForgotten: z.number().int().nonnegative(),
});
export type RetentionReport = z.infer<typeof retentionReportSchema>;

export const retentionStatusSchema = z.object({
  /** The newest run since the app started (runs at start-up and daily); null before the first. */
  lastRun: retentionReportSchema.nullable(),
  /** Accounts waiting for their data to be deleted, with the date it goes. */
  scheduled: z.array(z.object({ accountId: z.string(), name: z.string(), dataDeletionAt: z.number().int() })),
  /** Finance and payment records kept after their Account's other data went. */
  financeKept: z.number().int().nonnegative(),
});
export type RetentionStatus = z.infer<typeof retentionStatusSchema>;

/** The typed confirmation "Delete all my data" needs (the same word in every language). */
export const eraseConfirmation = 'DELETE';

export const eraseInputSchema = z
  .object({ confirmation: z.literal(eraseConfirmation, { message: `Type ${eraseConfirmation} to confirm` }) })
  .strict();

export const eraseReportSchema = z.object({
  /** Grants ended at TikTok (API for Business, Login Kit). */
  revoked: z.number().int().nonnegative(),
  /** Grants TikTok offers no API to end (TikTok Shop): the seller ends them in Seller Center. */
  withoutRevokeApi: z.number().int().nonnegative(),
  /** Database rows deleted. */
  rows: z.number().int().nonnegative(),
  /** Files and folders deleted or emptied (backups, exports, logs, saved settings). */
  files: z.number().int().nonnegative(),
});
export type EraseReport = z.infer<typeof eraseReportSchema>;

/** Backup file names ShopMesh writes (`shopmesh-YYYYMMDD-HHMMSS.db`); nothing else can be restored. */
export const backupNameSchema = z
  .string()
  .regex(/^shopmesh-\d{8}-\d{6}(-before-restore)?\.db$/, { message: 'Not the name of a ShopMesh backup' });

export const backupInfoSchema = z.object({
  name: backupNameSchema,
  /** UTC epoch ms the backup was taken. */
  createdAt: z.number().int(),
  sizeBytes: z.number().int().nonnegative(),
  /** The copy of the database taken just before a restore replaced it. */
  beforeRestore: z.boolean(),
  /** SQLite can read it and this build knows its schema version. */
  restorable: z.boolean(),
});
export type BackupInfo = z.infer<typeof backupInfoSchema>;

export const backupsSchema = z.object({
  items: z.array(backupInfoSchema),
  totalBytes: z.number().int().nonnegative(),
  folder: z.string(),
});
export type Backups = z.infer<typeof backupsSchema>;

export const restoreInputSchema = z.object({ name: backupNameSchema }).strict();
export const restoreResultSchema = z.object({
  restoredFrom: backupNameSchema,
  /** The copy of the database as it was just before (absent when it was a fresh one after a recovery). */
  previous: backupNameSchema.nullable(),
});

/** Why the app started on a fresh database: the old file is kept beside it, untouched. */
export const recoveryStateSchema = z
  .object({
    cause: z.enum(['corrupt', 'newer']),
    /** Where the unreadable file was moved (in the data folder). */
    keptFile: z.string(),
    /** UTC epoch ms it was found. */
    at: z.number().int(),
  })
  .nullable();
export type RecoveryState = z.infer<typeof recoveryStateSchema>;

export const exportInputSchema = z
  .object({
    /** Creators' private contacts (email, phone…) are in the archive only when this is true. */
    includeContacts: z.boolean().default(false),
  })
  .strict();

export const exportResultSchema = z.object({
  /** The archive's file name in the data folder's `exports/`. */
  name: z.string(),
  /** Where it was written (the merchant's own computer). */
  path: z.string(),
  sizeBytes: z.number().int().nonnegative(),
  files: z.array(
    z.object({
      file: z.string(),
      table: z.string(),
      rows: z.number().int().nonnegative(),
      columns: z.array(z.string()),
    }),
  ),
  contactsIncluded: z.boolean(),
});
export type ExportResult = z.infer<typeof exportResultSchema>;

export const exportProgressSchema = z.object({
  /** The table being written. */
  table: z.string(),
  tableIndex: z.number().int().nonnegative(),
  tables: z.number().int().positive(),
  /** Rows of that table written so far. */
  rows: z.number().int().nonnegative(),
});
export type ExportProgress = z.infer<typeof exportProgressSchema>;
