import { z } from 'zod';

/** Every kind of activity-log entry. The renderer translates `activity.kind.<kind>` with `params`. */
export const activityKinds = [
  'app.started',
  'settings.updated',
  'profile.updated',
  'account.connected',
  'account.disconnected',
  'account.expired',
  'account.revoked',
  'account.dataDeleted',
  'vault.unlocked',
  'vault.passphraseChanged',
  'appLock.enabled',
  'appLock.disabled',
  'appLock.passphraseChanged',
  'catalogue.costsUpdated',
  'sync.finished',
  'creator.merged',
  'creator.split',
  'creator.blocked',
  'creator.unblocked',
  'creator.bulk',
  'creator.exported',
  'creator.scoreRulesChanged',
  'creators.imported',
  'creator.added',
  'creator.contactsChanged',
  'creator.contactRevealed',
  'sample.reviewed',
  'samples.overdue',
  'catalogue.priceChanged',
  'catalogue.stockChanged',
  'catalogue.changeUndone',
  'privacy.retentionRan',
  'privacy.exported',
] as const;
export const activityKindSchema = z.enum(activityKinds);
export type ActivityKind = z.infer<typeof activityKindSchema>;

export const activityParamsSchema = z.record(
  z.string(),
  z.union([z.string(), z.number(), z.boolean(), z.null()]),
);
export type ActivityParams = z.infer<typeof activityParamsSchema>;

export const activityEntrySchema = z.object({
  id: z.number().int().positive(),
  /** UTC epoch milliseconds. */
  at: z.number().int(),
  kind: activityKindSchema,
  params: activityParamsSchema,
});
export type ActivityEntry = z.infer<typeof activityEntrySchema>;

export const activityListInputSchema = z
  .object({
    /** The `id` of the last entry of the previous page; entries are listed newest first. */
    before: z.number().int().positive().optional(),
    limit: z.number().int().min(1).max(200).default(50),
    kind: activityKindSchema.optional(),
  })
  .strict();
export type ActivityListInput = z.input<typeof activityListInputSchema>;

export const activityPageSchema = z.object({
  items: z.array(activityEntrySchema),
  /** Pass as `before` to get the next (older) page; null when there is none. */
  nextBefore: z.number().int().nullable(),
  total: z.number().int().nonnegative(),
});
export type ActivityPage = z.infer<typeof activityPageSchema>;
