import { z } from 'zod';
import { idInputSchema } from './ids';
import { creatorSelectionSchema } from './creator-lists';
import { maxRatePerMinute, maxWeeklyPool } from './outreach-limits';

/**
 * Outreach: Templates, Outreaches (one bulk send to many creators) and their Deliveries (one creator × one
 * action), as the contract carries them. Times are UTC epoch ms; commission rates are integer hundredths of
 * a percent, as TikTok takes them (docs/tiktok-api/outreach.md).
 */

export const templateKinds = ['invitation', 'message'] as const;
export const templateKindSchema = z.enum(templateKinds);
export type TemplateKind = z.infer<typeof templateKindSchema>;

export const templateLanguageSchema = z.enum(['en', 'zh-CN']);

/** The variables a template may use; creator variables are filled per Delivery. */
export const templateVariables = [
  'creator_name',
  'creator_handle',
  'shop_name',
  'product_names',
  'commission',
  'sample_offer',
  'promotion_link',
] as const;
export type TemplateVariable = (typeof templateVariables)[number];
/** Variables that differ per creator: an invitation's text is one per batch of 50, so it cannot use them. */
export const creatorVariables: readonly TemplateVariable[] = ['creator_name', 'creator_handle'];

const templateBody = z.string().trim().min(1, 'The text is empty').max(10_000);

/**
 * What a message template sends (TikTok's `msg_type`, docs/tiktok-api/outreach.md "Message types"): its
 * text, a picture, a card of the Outreach's first product, or a card of the invitation the Outreach sent
 * the creator. An invitation is always text.
 */
export const messageTypes = ['TEXT', 'IMAGE', 'PRODUCT_CARD', 'TARGET_COLLABORATION_CARD'] as const;
export const messageTypeSchema = z.enum(messageTypes);
export type MessageType = z.infer<typeof messageTypeSchema>;

/** TikTok's message image upload takes jpg, png, gif or webp up to 10 MB. */
export const maxImageBytes = 10 * 1024 * 1024;
export const imageMimes = ['image/jpeg', 'image/png', 'image/gif', 'image/webp'] as const;

export const templateImageSchema = z.object({
  fileName: z.string(),
  mime: z.enum(imageMimes),
  width: z.number().int(),
  height: z.number().int(),
  /** Bytes. */
  size: z.number().int(),
  sha256: z.string(),
});
export type TemplateImage = z.infer<typeof templateImageSchema>;

export const templateSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  kind: templateKindSchema,
  language: templateLanguageSchema,
  messageType: messageTypeSchema,
  /** The text (TEXT messages and invitations); empty for the other message types. */
  body: z.string(),
  image: templateImageSchema.nullable(),
  /** The product a PRODUCT_CARD shows; null: the Outreach's first product. */
  productId: z.string().nullable(),
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
});
export type Template = z.infer<typeof templateSchema>;

/** At most TikTok's 10 MB once decoded: base64 carries 3 bytes in 4 characters. */
const base64Image = z
  .string()
  .max(Math.ceil(maxImageBytes / 3) * 4, 'The picture is larger than 10 MB')
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'The picture must be base64');

export const templateSaveInputSchema = z
  .object({
    id: z.number().int().positive().optional(),
    name: z.string().trim().min(1).max(100),
    kind: templateKindSchema,
    language: templateLanguageSchema,
    messageType: messageTypeSchema.default('TEXT'),
    body: z.string().trim().max(10_000).default(''),
    /** A new picture for an IMAGE template; absent keeps the saved one. */
    image: z
      .object({ fileName: z.string().trim().min(1).max(200), data: base64Image })
      .strict()
      .optional(),
    /** The product a PRODUCT_CARD shows (a synced product); absent or null: the Outreach's first product. */
    productId: z.string().trim().min(1).max(64).nullable().optional(),
  })
  .strict()
  .superRefine((t, ctx) => {
    if (t.kind === 'invitation' && t.messageType !== 'TEXT')
      ctx.addIssue({ code: 'custom', path: ['messageType'], message: 'An invitation is always text' });
    if (t.messageType === 'TEXT' && t.body === '')
      ctx.addIssue({ code: 'custom', path: ['body'], message: 'The text is empty' });
    if (t.messageType !== 'TEXT' && t.body !== '')
      ctx.addIssue({ code: 'custom', path: ['body'], message: 'Only a TEXT message has a text' });
    if (t.messageType !== 'IMAGE' && t.image !== undefined)
      ctx.addIssue({ code: 'custom', path: ['image'], message: 'Only an IMAGE message has a picture' });
    if (t.messageType !== 'PRODUCT_CARD' && t.productId)
      ctx.addIssue({
        code: 'custom',
        path: ['productId'],
        message: 'Only a PRODUCT_CARD message has a product',
      });
  });
export const templateImageInputSchema = z.object({ id: z.number().int().positive() }).strict();
export const templateImageDataSchema = z.object({
  image: templateImageSchema,
  /** The picture's bytes, base64. */
  data: z.string(),
});
export const templateIdInputSchema = z.object({ id: z.number().int().positive() }).strict();
export const templateListSchema = z.object({ templates: z.array(templateSchema) });

/** One problem in a template; `variable` or `limit` say which. */
export const templateProblemSchema = z.object({
  code: z.enum([
    'unknown_variable',
    'empty_value',
    'too_long',
    'creator_variable_in_invitation',
    'empty_text',
    /** An IMAGE message without its picture. */
    'missing_image',
    /** A product card in an Outreach with no product. */
    'needs_product',
    /** A collaboration card in an Outreach that does not invite. */
    'needs_invitation',
  ]),
  variable: z.string().optional(),
  limit: z.number().int().optional(),
  length: z.number().int().optional(),
  creatorId: z.number().int().optional(),
});
export type TemplateProblem = z.infer<typeof templateProblemSchema>;

export const templatePreviewInputSchema = z
  .object({
    kind: templateKindSchema,
    body: templateBody,
    creatorId: z.number().int().positive().optional(),
    values: z
      .object({
        shopName: z.string().max(200).optional(),
        productNames: z.string().max(2_000).optional(),
        commission: z.string().max(50).optional(),
        sampleOffer: z.string().max(500).optional(),
        promotionLink: z.string().max(500).optional(),
      })
      .strict()
      .default({}),
  })
  .strict();
export const templatePreviewSchema = z.object({
  text: z.string(),
  problems: z.array(templateProblemSchema),
  /** Words of the editable sensitive-word list found in the text (a warning; TikTok decides). */
  sensitiveWords: z.array(z.string()),
});

export const outreachActionSchema = z.enum(['invite', 'message', 'both']);
export type OutreachAction = z.infer<typeof outreachActionSchema>;
export const outreachStatusSchema = z.enum(['draft', 'running', 'paused', 'finished', 'cancelled']);
export type OutreachStatus = z.infer<typeof outreachStatusSchema>;
export const pauseReasonSchema = z.enum(['user', 'quota', 'auth']);

export const deliveryStates = [
  'queued',
  'sending',
  'maybe_sent',
  'sent',
  'failed',
  'skipped',
  'cancelled',
] as const;
export const deliveryStateSchema = z.enum(deliveryStates);
export type DeliveryState = z.infer<typeof deliveryStateSchema>;
export const finalDeliveryStates: readonly DeliveryState[] = ['sent', 'failed', 'skipped', 'cancelled'];

/** Why a Delivery was skipped or failed; the renderer translates the code, `reasonDetail` carries TikTok's words. */
export const deliveryReasons = [
  'blocklisted',
  'already_invited',
  'privacy',
  'region_mismatch',
  'sensitive_words',
  'unavailable',
  'remote',
  'too_many_attempts',
  'no_open_id',
  /** A follow-up not sent: the creator replied since the first contact (synced, or read just before sending). */
  'replied',
  /** A follow-up not sent: the step before it never went out (failed, skipped or cancelled). */
  'previous_step',
  /** Contacted by an Outreach within the cooldown set in Settings → Outreach limits. */
  'cooldown',
  /** TikTok's limit of messages to a creator who has not replied is reached (see `maxUnansweredMessages`). */
  'message_limit',
] as const;
export const deliveryReasonSchema = z.enum(deliveryReasons);
export type DeliveryReason = z.infer<typeof deliveryReasonSchema>;

/**
 * The failures "Retry failed" sends again (docs/outreach.md, "Retry failed"): TikTok's rate limits and
 * outages that outlasted every backoff, a creator or product TikTok called unavailable, and refusals TikTok
 * gave no documented code for. Each came with a definite refusal (nothing was done), so sending again
 * contacts nobody twice. Not `sensitive_words`: the Delivery's text is fixed, TikTok would refuse it again;
 * and never a skipped Delivery (already invited, privacy, blocklisted…), which TikTok or the merchant meant
 * as final.
 */
export const retryableFailureReasons = [
  'too_many_attempts',
  'unavailable',
  'remote',
] as const satisfies readonly DeliveryReason[];
export function isRetryableFailure(d: { state: DeliveryState; reason: DeliveryReason | null }): boolean {
  return d.state === 'failed' && (retryableFailureReasons as readonly string[]).includes(d.reason ?? '');
}

const minuteOfDay = z.number().int().min(0).max(1_440);

/**
 * TikTok lets about five messages reach a creator who has not replied (docs/tiktok-api/affiliate.md): the
 * first message and at most four follow-ups.
 */
export const maxFollowUps = 4;
/** The messages that may reach a creator who has not replied (the same platform rule). */
export const maxUnansweredMessages = maxFollowUps + 1;

/** "After N days without a reply, send this message template": one step of a follow-up sequence. */
export const followUpStepSchema = z
  .object({
    afterDays: z.number().int().min(1, 'A follow-up waits at least one day').max(60),
    templateId: z.number().int().positive(),
  })
  .strict();
export type FollowUpStep = z.infer<typeof followUpStepSchema>;

export const outreachInputSchema = z
  .object({
    accountId: idInputSchema,
    shopId: idInputSchema,
    name: z.string().trim().min(1).max(100),
    action: outreachActionSchema,
    /** The creators, by id; or `selection` (a CRM list, a saved filter, ticked rows), resolved when planned. */
    creatorIds: z.array(z.number().int().positive()).max(10_000).default([]),
    selection: creatorSelectionSchema.optional(),
    products: z
      .array(
        z
          .object({
            productId: z.string().min(1),
            /** Hundredths of a percent: 1000 = 10.00%, TikTok's minimum. */
            commissionBp: z.number().int().min(1_000, 'Commission must be at least 10.00%').max(8_000),
          })
          .strict(),
      )
      .max(100)
      .default([]),
    freeSample: z
      .object({ hasFreeSample: z.boolean(), approvalExempt: z.boolean() })
      .strict()
      .default({ hasFreeSample: false, approvalExempt: false }),
    sellerEmail: z.email().optional(),
    invitationTemplateId: z.number().int().positive().optional(),
    messageTemplateId: z.number().int().positive().optional(),
    /**
     * Follow-up messages, in order: each is sent `afterDays` after the step before it went out, unless the
     * creator replied since the first message. Needs an Outreach that messages (`message` or `both`).
     */
    followUps: z.array(followUpStepSchema).max(maxFollowUps).optional(),
    /** When the invitation ends at TikTok (UTC epoch ms). */
    invitationEndAt: z.number().int().positive().optional(),
    values: templatePreviewInputSchema.shape.values,
    startAt: z.number().int().nonnegative().optional(),
    /** Shop-local minutes of the day [start, end) in which sending is allowed; null: any time. */
    window: z.object({ startMinute: minuteOfDay, endMinute: minuteOfDay }).strict().nullable().default(null),
    dailyCap: z.number().int().positive().max(100_000).nullable().default(null),
    /** Requests that contact creators, per minute; absent: the shop's pace set in Settings. */
    ratePerMinute: z.number().int().min(1).max(maxRatePerMinute).optional(),
    /** New creators per TikTok week; null: unlimited; absent: the shop's tier set in Settings. */
    weeklyPool: z.number().int().nonnegative().max(maxWeeklyPool).nullable().optional(),
  })
  .strict()
  .refine((o) => o.creatorIds.length > 0 || o.selection !== undefined, {
    path: ['creatorIds'],
    message: 'Choose at least one creator (creatorIds or selection)',
  });
export type OutreachInput = z.infer<typeof outreachInputSchema>;
/** What a caller sends (defaults not yet applied). */
export type OutreachInputDraft = z.input<typeof outreachInputSchema>;

export const planRowSchema = z.object({
  creatorId: z.number().int(),
  handle: z.string().nullable(),
  outcome: z.enum(['this_week', 'next_week', 'exempt', 'skipped']),
  /** Why the creator is skipped (outcome `skipped`), or why `leftOut` names an action of a `both` Outreach. */
  reason: deliveryReasonSchema.nullable(),
  /** The one action of a `both` Outreach this creator does not get (the other still goes); null: none. */
  leftOut: z.enum(['invite', 'message']).nullable(),
  /** When the creator's first contact is due (UTC epoch ms); null when skipped. */
  dueAt: z.number().int().nullable(),
  /** Skipped as blocklisted: when the merchant blocked the creator (UTC epoch ms). */
  blockedAt: z.number().int().nullable(),
  /** Why an exempt creator costs nothing from the pool: connected with the shop, or already counted this week. */
  exemptBecause: z.enum(['connected', 'counted']).nullable(),
});
export const outreachPlanSchema = z.object({
  weekStart: z.number().int(),
  nextReset: z.number().int(),
  poolSize: z.number().int().nullable(),
  /** The pace the plan assumed (the input's, else the shop's from Settings). */
  ratePerMinute: z.number().int(),
  /** Days of cooldown the plan applied (Settings → Outreach limits); 0: none. */
  cooldownDays: z.number().int(),
  poolUsed: z.number().int(),
  counts: z.object({
    thisWeek: z.number().int(),
    nextWeek: z.number().int(),
    exempt: z.number().int(),
    skipped: z.number().int(),
  }),
  rows: z.array(planRowSchema),
  problems: z.array(templateProblemSchema),
});
export type OutreachPlan = z.infer<typeof outreachPlanSchema>;

export const deliveryCountsSchema = z.object(
  Object.fromEntries(deliveryStates.map((s) => [s, z.number().int()])) as Record<DeliveryState, z.ZodNumber>,
);
export type DeliveryCounts = z.infer<typeof deliveryCountsSchema>;

export const outreachSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  accountId: z.string(),
  shopId: z.string(),
  action: outreachActionSchema,
  status: outreachStatusSchema,
  pauseReason: pauseReasonSchema.nullable(),
  pauseDetail: z.string().nullable(),
  resumeAt: z.number().int().nullable(),
  createdAt: z.number().int(),
  startedAt: z.number().int().nullable(),
  finishedAt: z.number().int().nullable(),
  counts: deliveryCountsSchema,
  total: z.number().int(),
  /** Estimated finish (UTC epoch ms) at the configured rate; null when not running. */
  etaAt: z.number().int().nullable(),
  /** Follow-up messages still to come (counted in `counts.queued` too): waiting for their day or their turn. */
  followUpsPending: z.number().int(),
  /** Failed Deliveries "Retry failed" would send again (`retryableFailureReasons`). */
  retryable: z.number().int(),
});
export type Outreach = z.infer<typeof outreachSchema>;

export const outreachIdInputSchema = z.object({ id: z.number().int().positive() }).strict();
export const outreachListInputSchema = z
  .object({ accountId: idInputSchema.optional(), status: outreachStatusSchema.optional() })
  .strict();
export const outreachListSchema = z.object({ outreaches: z.array(outreachSchema) });
export const outreachRetryResultSchema = z.object({
  outreach: outreachSchema,
  /** Failed Deliveries put back in the queue. */
  requeued: z.number().int(),
  /** Deliveries skipped only because a retried one had failed (its follow-ups, its collaboration card), back in line. */
  resumed: z.number().int(),
});
export const outreachCreateResultSchema = z.object({
  outreach: outreachSchema,
  /** Creators not queued, with why (blocklisted, privacy refusal remembered, no TikTok open id…). */
  skipped: z.number().int(),
});

export const deliverySchema = z.object({
  id: z.number().int(),
  creatorId: z.number().int().nullable(),
  creatorOpenId: z.string(),
  handle: z.string().nullable(),
  action: z.enum(['invite', 'message']),
  /** 0: the first contact; n: the nth follow-up message. */
  step: z.number().int().nonnegative(),
  state: deliveryStateSchema,
  reason: deliveryReasonSchema.nullable(),
  reasonDetail: z.string().nullable(),
  /** Skipped as blocklisted: when the merchant blocked the creator, while the CRM still blocks it. */
  blockedAt: z.number().int().nullable(),
  attempts: z.number().int(),
  /** How often the merchant sent it again after it failed ("Retry failed"), and when last. */
  retries: z.number().int(),
  retriedAt: z.number().int().nullable(),
  sentAt: z.number().int().nullable(),
  updatedAt: z.number().int(),
});
export type Delivery = z.infer<typeof deliverySchema>;
export const deliveriesInputSchema = z
  .object({
    outreachId: z.number().int().positive(),
    state: deliveryStateSchema.optional(),
    /** Keyset paging, as every list: the `nextCursor` of the previous page. */
    cursor: z
      .string()
      .regex(/^\d{1,15}$/, 'cursor must be the nextCursor of a previous page')
      .optional(),
    limit: z.number().int().min(1).max(500).default(100),
  })
  .strict();
export const deliveriesSchema = z.object({
  items: z.array(deliverySchema),
  nextCursor: z.string().nullable(),
  /** Deliveries matching the filter. */
  total: z.number().int(),
});

/**
 * News about an Outreach for a merchant who is not looking (docs/outreach.md, "Alerts"): shown as a desktop
 * notification and in the tray by the Electron shell, as a toast in the window.
 */
export const outreachAlertKinds = ['finished', 'quota_paused', 'quota_resumed', 'failing'] as const;
export const outreachAlertSchema = z.object({
  outreachId: z.number().int(),
  name: z.string(),
  kind: z.enum(outreachAlertKinds),
  /** A quota pause: when TikTok's quota resets and sending resumes (UTC epoch ms). */
  resumeAt: z.number().int().nullable(),
  sent: z.number().int(),
  failed: z.number().int(),
  skipped: z.number().int(),
});
export type OutreachAlert = z.infer<typeof outreachAlertSchema>;

export const outreachPauseAllSchema = z.object({
  /** How many running Outreaches were paused. */
  paused: z.number().int(),
});

export const outreachProgressSchema = z.object({
  outreachId: z.number().int(),
  status: outreachStatusSchema,
  counts: deliveryCountsSchema,
  total: z.number().int(),
  etaAt: z.number().int().nullable(),
});
