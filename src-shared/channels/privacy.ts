import { noInput, type ContractSlice } from '../channel';
import { z } from 'zod';
import {
  backupInfoSchema,
  backupsSchema,
  recoveryStateSchema,
  restoreInputSchema,
  restoreResultSchema,
  eraseInputSchema,
  exportInputSchema,
  exportProgressSchema,
  exportResultSchema,
  eraseReportSchema,
  retentionReportSchema,
  retentionStatusSchema,
} from '../privacy';

export const privacySlice = {
  title: 'Privacy',
  channels: {
    'privacy:retention': {
      input: noInput,
      output: retentionStatusSchema,
      summary:
        'The retention rules’ state: the last run’s counts, the Accounts whose data is scheduled for deletion, and the finance records kept. The rules themselves are settings (`settings:update`).',
      writes: false,
    },
    'privacy:runRetention': {
      input: noInput,
      output: retentionReportSchema,
      summary: 'Applies every retention rule now and returns what it deleted, as counts.',
      writes: true,
    },
    'privacy:eraseAll': {
      input: eraseInputSchema,
      output: eraseReportSchema,
      summary:
        'Delete all my data: ends the grants at TikTok where an API exists, then deletes the database rows, settings, keychain entries, logs, caches and backups. Needs `confirmation: "DELETE"`. The app is back at its first run.',
      writes: true,
    },
    'privacy:backups': {
      input: noInput,
      output: backupsSchema,
      summary:
        'The database backups in the data folder, newest first, with their sizes and whether each can be restored.',
      writes: false,
    },
    'privacy:backupNow': {
      input: noInput,
      output: backupInfoSchema,
      summary:
        'Takes an online backup of the database now; the oldest beyond the kept number (a setting) are deleted.',
      writes: true,
    },
    'privacy:restoreBackup': {
      input: restoreInputSchema,
      output: restoreResultSchema,
      summary:
        'Replaces the database with a backup (checked and migrated on a copy first); the current database is backed up first. The page should reload afterwards.',
      writes: true,
    },
    'privacy:recovery': {
      input: noInput,
      output: recoveryStateSchema,
      summary:
        'Null, or why the app started on a fresh database: the old file could not be read or a newer ShopMesh wrote it (it is kept in the data folder).',
      writes: false,
    },
    'privacy:startFresh': {
      input: noInput,
      output: z.object({ keptFile: z.string() }),
      summary:
        'Ends the recovery: goes on with the fresh database; the unreadable file stays in the data folder.',
      writes: true,
    },
    'privacy:export': {
      input: exportInputSchema,
      output: exportResultSchema,
      summary:
        'Export my data: writes one zip (a manifest and one CSV per table) to the data folder’s `exports/`. Secrets are never in it; creators’ private contacts only with `includeContacts: true`. Progress arrives as `privacy:exportProgress`.',
      writes: true,
    },
  },
  events: {
    'privacy:exportProgress': {
      payload: exportProgressSchema,
      summary: 'How far the running export is: the table being written and its rows so far.',
    },
  },
} as const satisfies ContractSlice;
