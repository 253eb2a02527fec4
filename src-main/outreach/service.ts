import { randomBytes } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { AppError } from '@shared/errors';
import { englishOf, type Translatable } from '@shared/texts';
import {
  type Delivery,
  maxUnansweredMessages,
  type Outreach,
  type OutreachInput,
  type OutreachStatus,
  type Template,
  type TemplateProblem,
} from '@shared/outreach';
import { regionTimeZone } from '@shared/time';
import type { MessageType } from '@shared/outreach';
import { messageContent } from '../tiktok/shop/outreach';
import type { Blocklist } from './crm';
import type { OutreachQueue } from './queue';
import { type AudienceCreator, buildPlan, type CreatorSkip, type OutreachLimits } from './plan';
import { ContactHistory } from './contact-history';
import { followUpKey, waitingForPrevious } from './followups';
import { effectiveLimits } from '@shared/outreach-limits';

export type { AudienceCreator } from './plan';
import { PoolLedger } from './pool';
import { type DeliveryRow, deliveryColumns, type OutreachRow, OutreachStore, toDelivery } from './store';
import {
  commissionText,
  describeProblems,
  render,
  sensitiveWordsIn,
  type TemplateValues,
  variablesOf,
} from './templates';
import { type PromotionLink, promotionLinkValue } from '@shared/promotion-links';
import { FailedRetry } from './retry';
import { TemplateStore } from './template-store';
import { outreachTexts } from './texts';

export type { Blocklist } from './crm';

export interface OutreachServiceDeps {
  db: Database;
  now: () => number;
  /** Absent in tests that drive the queue by hand. */
  queue?: OutreachQueue;
  blocklist?: Blocklist;
  /** The Creator ids a CRM selection (a list, a saved filter, ticked rows) names now. */
  selectionIds?: (selection: NonNullable<OutreachInput['selection']>) => number[];
  /** The shop's tier (weekly pool) and pace set in Settings; absent: the defaults of an unset shop. */
  limitsOf?: (shopId: string) => OutreachLimits;
  /** Days after any Outreach's contact in which a creator is skipped (Settings); absent: no cooldown. */
  cooldownDays?: () => number;
  /** The merchant's sensitive-word warning list (Settings); absent: the default list. */
  sensitiveWords?: () => readonly string[];
  /** The stored promotion links of a shop's products (`{{promotion_link}}`); absent: none. */
  promotionLinks?: (shopId: string, productIds: readonly string[]) => PromotionLink[];
  onProgress?: (outreachId: number) => void;
}

/** One Outreach reaches at most this many creators (its Deliveries are created in one transaction). */
const maxCreators = 10_000;

/** What one message Delivery sends: a TEXT's rendered text, an IMAGE's picture, a card's content. */
interface MessageParts {
  msgType: MessageType;
  text: string | null;
  imageSha256: string | null;
  /** TikTok's content when known at creation (a product card); else built when sent. */
  content: string | null;
}

interface Shop {
  shopId: string;
  name: string;
  region: string;
}

/** What the skip rules read, once per plan or creation (thousands of creators at once). */
interface SkipFacts {
  blocked: Set<number>;
  privacy: Set<string>;
  invited: Map<number, Set<string>>;
  contacted: Map<number, number>;
  unanswered: Map<number, number>;
}

export class OutreachService {
  readonly store: OutreachStore;
  readonly templates: TemplateStore;
  private readonly pool: PoolLedger;
  private readonly history: ContactHistory;
  private readonly retry: FailedRetry;

  constructor(private readonly deps: OutreachServiceDeps) {
    this.store = new OutreachStore(deps.db);
    this.templates = new TemplateStore(deps.db, deps.now);
    this.pool = new PoolLedger(deps.db);
    this.history = new ContactHistory(deps.db);
    this.retry = new FailedRetry(deps.db);
  }

  private shop(accountId: string, shopId: string): Shop {
    const shop = this.deps.db
      .prepare('SELECT shop_id AS shopId, name, region FROM shops WHERE shop_id = ? AND account_id = ?')
      .get(shopId, accountId) as Shop | undefined;
    if (!shop) throw new AppError('NOT_FOUND', outreachTexts.shopNotConnected({ shopId }));
    return shop;
  }

  /**
   * The Creators behind these ids (a merged record's id names its Creator). TikTok's ids and the region may
   * sit on any record of the Creator's merge tree (a file row merged into a creator the sync met by user id):
   * the root's own first, else the oldest record's that has one (docs/creators.md).
   */
  audience(creatorIds: readonly number[]): AudienceCreator[] {
    const byId = new Map<number, AudienceCreator>();
    const fromTree = (column: 'open_id' | 'region'): string =>
      `COALESCE(root.${column}, (SELECT r.${column} FROM creators r WHERE r.canonical_id = root.id
         AND r.${column} IS NOT NULL ORDER BY r.id LIMIT 1))`;
    // One statement for the whole audience (a plan reads up to 10,000 creators; a query each cost most of it).
    const rows = this.deps.db
      .prepare(
        `SELECT c.id AS given, root.id, ${fromTree('open_id')} AS openId, root.handle, root.nickname,
                ${fromTree('region')} AS region
           FROM json_each(?) j JOIN creators c ON c.id = j.value JOIN creators root ON root.id = c.canonical_id`,
      )
      .all(JSON.stringify(creatorIds)) as Array<AudienceCreator & { given: number }>;
    for (const { given, ...c } of rows) byId.set(given, c);
    const missing = creatorIds.filter((id) => !byId.has(id));
    if (missing.length > 0)
      throw new AppError(
        'VALIDATION',
        outreachTexts.unknownCreators({ count: missing.length, first: missing[0] ?? 0 }),
        {
          issues: [{ path: 'creatorIds', message: `${missing.length} unknown creator id(s)` }],
        },
      );
    const creators = new Map<number, AudienceCreator>();
    for (const id of creatorIds) {
      const c = byId.get(id) as AudienceCreator;
      if (!creators.has(c.id)) creators.set(c.id, c);
    }
    return [...creators.values()];
  }

  private texts(input: OutreachInput, shop: Shop) {
    const needInvite = input.action !== 'message';
    const needMessage = input.action !== 'invite';
    const problems: TemplateProblem[] = [];
    const missing = (text: Translatable, path: string): never => {
      throw new AppError('VALIDATION', text, { issues: [{ path, message: englishOf(text) }] });
    };
    if (needInvite && input.products.length === 0) missing(outreachTexts.needsProducts(), 'products');
    if (needInvite && !input.sellerEmail) missing(outreachTexts.needsSellerEmail(), 'sellerEmail');
    const invitation = needInvite
      ? this.templates.get(
          input.invitationTemplateId ??
            missing(outreachTexts.needsInvitationTemplate(), 'invitationTemplateId'),
        )
      : null;
    const message = needMessage
      ? this.templates.get(
          input.messageTemplateId ?? missing(outreachTexts.needsMessageTemplate(), 'messageTemplateId'),
        )
      : null;
    if (invitation && invitation.kind !== 'invitation')
      missing(outreachTexts.needsInvitationTemplate(), 'invitationTemplateId');
    if (message && message.kind !== 'message')
      missing(outreachTexts.needsMessageTemplate(), 'messageTemplateId');
    const productNames = this.productNames(input.products.map((p) => p.productId));
    const rates = [...new Set(input.products.map((p) => p.commissionBp))].sort((a, b) => a - b);
    const base: TemplateValues = {
      shop_name: input.values.shopName ?? shop.name,
      product_names: input.values.productNames ?? productNames,
      commission:
        input.values.commission ??
        (rates.length === 0
          ? null
          : rates.length === 1
            ? commissionText(rates[0] as number)
            : `${commissionText(rates[0] as number)}–${commissionText(rates.at(-1) as number)}`),
      sample_offer: input.values.sampleOffer ?? null,
      promotion_link: input.values.promotionLink ?? this.promotionLink(input),
    };
    let invitationText: string | null = null;
    if (invitation) {
      const r = render('invitation', invitation.body, base);
      problems.push(...r.problems);
      invitationText = r.text;
    }
    const renderText =
      (body: string) =>
      (c: AudienceCreator): string => {
        const r = render('message', body, {
          ...base,
          creator_name: c.nickname ?? c.handle,
          creator_handle: c.handle ? `@${c.handle}` : null,
        });
        for (const p of r.problems)
          if (!problems.some((x) => x.code === p.code && x.variable === p.variable))
            problems.push({ ...p, creatorId: c.id });
        return r.text;
      };
    /** What one message template sends each creator: its text, or the message type's own content. */
    const renderFor = (template: Template, path: string) => {
      const fixed = (over: Partial<MessageParts>) => (): MessageParts => ({
        msgType: template.messageType,
        text: null,
        imageSha256: null,
        content: null,
        ...over,
      });
      switch (template.messageType) {
        case 'TEXT': {
          const text = renderText(template.body);
          return (c: AudienceCreator): MessageParts => ({ ...fixed({})(), text: text(c) });
        }
        case 'IMAGE':
          if (!template.image) problems.push({ code: 'missing_image' });
          return fixed({ imageSha256: template.image?.sha256 ?? null });
        case 'PRODUCT_CARD': {
          // The template's own product when it names one (of this shop), else the Outreach's first.
          const own = template.productId;
          const ownShop = own === null ? null : this.productShop(own);
          if (own !== null && ownShop === undefined)
            missing(outreachTexts.productNotSynced({ productId: own }), path);
          if (ownShop && ownShop !== input.shopId)
            missing(outreachTexts.productCardOtherShop({ template: template.name }), path);
          const productId = own ?? input.products[0]?.productId;
          if (productId === undefined) missing(outreachTexts.productCardNeedsProduct(), path);
          return fixed({ content: messageContent({ type: 'PRODUCT_CARD', productId: productId ?? '' }) });
        }
        case 'TARGET_COLLABORATION_CARD':
          // The card carries the creator's own invitation, known once it went out (queue.ts).
          if (input.action !== 'both') missing(outreachTexts.collaborationCardNeedsInvitation(), path);
          return fixed({});
      }
    };
    const messageFor = message ? renderFor(message, 'messageTemplateId') : () => null;
    const followUps = input.followUps ?? [];
    if (followUps.length > 0 && !needMessage) missing(outreachTexts.followUpsNeedMessage(), 'followUps');
    const followUpsFor = followUps.map((f, i) => {
      const template = this.templates.get(f.templateId);
      if (template.kind !== 'message')
        missing(outreachTexts.followUpNotMessage(), `followUps.${i}.templateId`);
      return renderFor(template, `followUps.${i}.templateId`);
    });
    return { invitationText, messageFor, followUpsFor, problems };
  }

  /**
   * The texts' `{{promotion_link}}`: the stored link of each product of the Outreach (the handlers generate
   * the missing ones first when a template uses the variable, docs/promotion-links.md).
   */
  private promotionLink(input: OutreachInput): string | null {
    const ids = input.products.map((p) => p.productId);
    if (ids.length === 0) return null;
    const links = new Map(
      (this.deps.promotionLinks?.(input.shopId, ids) ?? []).map((l) => [l.productId, l.link]),
    );
    const title = this.deps.db.prepare('SELECT title FROM products WHERE product_id = ?').pluck();
    return promotionLinkValue(
      ids.map((id) => ({ title: (title.get(id) as string | undefined) ?? id, link: links.get(id) ?? null })),
    );
  }

  /** Whether any template the Outreach would send uses `{{promotion_link}}`. */
  usesPromotionLink(input: OutreachInput): boolean {
    const ids = [
      input.action !== 'message' ? input.invitationTemplateId : undefined,
      input.action !== 'invite' ? input.messageTemplateId : undefined,
      ...(input.followUps ?? []).map((f) => f.templateId),
    ];
    return ids.some((id) => {
      if (id === undefined) return false;
      try {
        return variablesOf(this.templates.get(id).body).includes('promotion_link');
      } catch {
        // A missing template is refused with its own message by plan and create.
        return false;
      }
    });
  }

  private productShop(productId: string): string | undefined {
    return this.deps.db
      .prepare('SELECT shop_id FROM products WHERE product_id = ?')
      .pluck()
      .get(productId) as string | undefined;
  }

  private productNames(ids: string[]): string | null {
    if (ids.length === 0) return null;
    const q = this.deps.db.prepare('SELECT title FROM products WHERE product_id = ?').pluck();
    const names = ids.map((id) => q.get(id) as string | undefined);
    return names.every((n) => n !== undefined) ? names.join(', ') : null;
  }

  /** The input's pool and pace where given, else the shop's from Settings. */
  private limits(input: OutreachInput): OutreachLimits {
    const shop = this.deps.limitsOf?.(input.shopId) ?? effectiveLimits({}, input.shopId);
    return {
      weeklyPool: input.weeklyPool !== undefined ? input.weeklyPool : shop.weeklyPool,
      ratePerMinute: input.ratePerMinute ?? shop.ratePerMinute,
    };
  }

  private skipFacts(input: OutreachInput, shop: Shop, creators: readonly AudienceCreator[]): SkipFacts {
    const now = this.deps.now();
    const cooldownDays = this.deps.cooldownDays?.() ?? 0;
    return {
      blocked: this.deps.blocklist?.blockedAmong(creators.map((c) => c.id)) ?? new Set<number>(),
      privacy: this.pool.privacyRefusals(shop.shopId),
      invited: input.action === 'message' ? new Map() : this.history.invitedProducts(shop.shopId, now),
      contacted: cooldownDays > 0 ? this.history.contactedSince(now - cooldownDays * 86_400_000) : new Map(),
      unanswered: input.action === 'invite' ? new Map() : this.history.unansweredMessages(shop.shopId),
    };
  }

  /**
   * Why a creator is not contacted, or which one action of a `both` Outreach is left out (null: all of it
   * goes). Creator rules first (blocklist, no TikTok id, region, cooldown), then each action's own: an
   * invitation whose every product the creator is already invited to (TikTok refuses the pairs), a message
   * to a creator whose privacy refuses shops or who got TikTok's limit of messages without replying.
   */
  private skipOf(input: OutreachInput, shop: Shop, c: AudienceCreator, f: SkipFacts): CreatorSkip | null {
    const whole = (reason: CreatorSkip['reason']): CreatorSkip => ({ reason, leftOut: null });
    if (f.blocked.has(c.id)) return whole('blocklisted');
    if (!c.openId) return whole('no_open_id');
    if (c.region && c.region.toUpperCase() !== shop.region.toUpperCase()) return whole('region_mismatch');
    if (f.contacted.has(c.id)) return whole('cooldown');
    const invited = f.invited.get(c.id);
    const invite =
      input.action !== 'message' &&
      invited !== undefined &&
      input.products.length > 0 &&
      input.products.every((p) => invited.has(p.productId))
        ? ('already_invited' as const)
        : null;
    const message =
      input.action === 'invite'
        ? null
        : f.privacy.has(c.openId)
          ? ('privacy' as const)
          : (f.unanswered.get(c.id) ?? 0) >= maxUnansweredMessages
            ? ('message_limit' as const)
            : null;
    if (input.action === 'invite') return invite ? whole(invite) : null;
    if (input.action === 'message') return message ? whole(message) : null;
    if (invite && message) return whole(invite);
    if (invite) return { reason: invite, leftOut: 'invite' };
    if (message) return { reason: message, leftOut: 'message' };
    return null;
  }

  /** The Outreach's creators: the ids given and whoever the selection names, best first as the CRM gave them. */
  private audienceOf(input: OutreachInput): AudienceCreator[] {
    const ids = [...input.creatorIds];
    if (input.selection) {
      if (!this.deps.selectionIds) throw new Error('outreach was built without the creator CRM');
      ids.push(...this.deps.selectionIds(input.selection));
    }
    const unique = [...new Set(ids)];
    const fail = (text: Translatable): never => {
      throw new AppError('VALIDATION', text, { issues: [{ path: 'creatorIds', message: englishOf(text) }] });
    };
    if (unique.length === 0) fail(outreachTexts.needsCreators());
    if (unique.length > maxCreators)
      fail(outreachTexts.tooManyCreators({ count: unique.length, max: maxCreators }));
    return this.audience(unique);
  }

  plan(input: OutreachInput) {
    const shop = this.shop(input.accountId, input.shopId);
    const creators = this.audienceOf(input);
    const { messageFor, problems, followUpsFor } = this.texts(input, shop);
    // Every creator's messages are rendered, so a value missing for one creator shows before anything is queued.
    for (const c of creators) {
      messageFor(c);
      for (const f of followUpsFor) f(c);
    }
    const facts = this.skipFacts(input, shop, creators);
    const connected = this.pool.connectedOpenIds(shop.shopId);
    const counted = this.pool.countedThisWeek(shop.shopId, this.deps.now());
    return buildPlan({
      now: this.deps.now(),
      input,
      creators,
      zone: regionTimeZone(shop.region),
      limits: this.limits(input),
      skip: (c) => this.skipOf(input, shop, c, facts),
      // Sets read once: the plan answers for thousands of creators.
      exempt: (c) =>
        c.openId === null
          ? null
          : connected.has(c.openId)
            ? 'connected'
            : counted.has(c.openId)
              ? 'counted'
              : null,
      poolUsed: this.pool.used(shop.shopId, this.deps.now()),
      poolExhausted: this.pool.isExhausted(shop.shopId, this.deps.now()),
      cooldownDays: this.deps.cooldownDays?.() ?? 0,
      problems,
      blockedAt: (c) => this.deps.blocklist?.entry?.(c.id)?.blockedAt ?? null,
    });
  }

  /** Queues the Outreach as a draft: validated, its texts rendered, one Delivery per creator and action. */
  create(input: OutreachInput): { outreach: Outreach; skipped: number } {
    const now = this.deps.now();
    const shop = this.shop(input.accountId, input.shopId);
    const creators = this.audienceOf(input);
    const { invitationText, messageFor, followUpsFor, problems } = this.texts(input, shop);
    // Rendered before the check: a follow-up's problem is a problem of the Outreach.
    const followUpTexts = new Map(creators.map((c) => [c.id, followUpsFor.map((f) => f(c))]));
    if (problems.length > 0)
      throw new AppError(
        'VALIDATION',
        outreachTexts.templatesNotSendable({ problems: describeProblems(problems) }),
        {
          issues: problems.map((p) => ({ path: p.variable ?? p.code, message: p.code })),
          problems,
        },
      );
    if (input.invitationEndAt !== undefined && input.invitationEndAt <= now)
      throw new AppError('VALIDATION', outreachTexts.invitationEndsInPast(), {
        issues: [{ path: 'invitationEndAt', message: 'in the past' }],
      });
    const facts = this.skipFacts(input, shop, creators);
    const uid = randomBytes(6).toString('hex');
    const settings = {
      products: input.products,
      freeSample: input.freeSample,
      sellerEmail: input.sellerEmail ?? null,
      invitationText,
      invitationEndAt: input.invitationEndAt ?? null,
      startAt: input.startAt ?? 0,
      window: input.window,
      timeZone: regionTimeZone(shop.region),
      dailyCap: input.dailyCap,
      ...this.limits(input),
      followUps: (input.followUps ?? []).map((f) => ({ afterDays: f.afterDays })),
    };
    const actions: Array<'invite' | 'message'> =
      input.action === 'both' ? ['invite', 'message'] : [input.action];
    let skipped = 0;
    const id = this.deps.db.transaction(() => {
      const outreachId = Number(
        this.deps.db
          .prepare(
            `INSERT INTO outreaches (uid, account_id, shop_id, name, action, status, settings, created_at, updated_at)
             VALUES (?, ?, ?, ?, ?, 'draft', ?, ?, ?)`,
          )
          .run(
            uid,
            input.accountId,
            input.shopId,
            input.name,
            input.action,
            JSON.stringify(settings),
            now,
            now,
          ).lastInsertRowid,
      );
      const insert = this.deps.db.prepare(
        `INSERT INTO deliveries (outreach_id, creator_id, creator_open_id, creator_handle, action, idempotency_key,
           state, text, msg_type, image_sha256, content, reason, reason_detail, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      const insertFollowUp = this.deps.db.prepare(
        `INSERT INTO deliveries (outreach_id, creator_id, creator_open_id, creator_handle, action, idempotency_key,
           step, state, text, msg_type, image_sha256, content, reason, next_attempt_at, updated_at)
         VALUES (?, ?, ?, ?, 'message', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      for (const c of creators) {
        const skip = this.skipOf(input, shop, c, facts);
        if (skip && !skip.leftOut) skipped++;
        for (const action of actions) {
          const parts = action === 'message' ? messageFor(c) : null;
          const reason = skip && (skip.leftOut === null || skip.leftOut === action) ? skip.reason : null;
          insert.run(
            outreachId,
            c.id,
            c.openId ?? '',
            c.handle,
            action,
            `${uid}:${c.id}:${action}`,
            reason ? 'skipped' : 'queued',
            parts?.text ?? null,
            parts?.msgType ?? 'TEXT',
            parts?.imageSha256 ?? null,
            parts?.content ?? null,
            reason,
            reason === 'blocklisted' ? (this.deps.blocklist?.entry?.(c.id)?.reason ?? null) : null,
            now,
          );
        }
        // A creator whose message does not go gets no follow-ups; the others wait for their first message.
        if (skip && skip.leftOut !== 'invite') continue;
        // Follow-ups past TikTok's limit of messages without a reply are skipped from the start.
        const room = maxUnansweredMessages - 1 - (facts.unanswered.get(c.id) ?? 0);
        (followUpTexts.get(c.id) ?? []).forEach((parts, i) =>
          insertFollowUp.run(
            outreachId,
            c.id,
            c.openId ?? '',
            c.handle,
            followUpKey(`${uid}:${c.id}:message`, i + 1),
            i + 1,
            i < room ? 'queued' : 'skipped',
            parts.text,
            parts.msgType,
            parts.imageSha256,
            parts.content,
            i < room ? null : 'message_limit',
            waitingForPrevious,
            now,
          ),
        );
      }
      return outreachId;
    })();
    return { outreach: this.get(id), skipped };
  }

  private row(id: number): OutreachRow {
    const o = this.store.outreach(id);
    if (!o) throw new AppError('NOT_FOUND', outreachTexts.outreachNotFound());
    return o;
  }

  private transition(id: number, from: readonly OutreachStatus[], verb: string): OutreachRow {
    const o = this.row(id);
    if (!from.includes(o.status))
      throw new AppError('CONFLICT', outreachTexts.wrongStatus({ status: o.status, action: verb }), {
        status: o.status,
      });
    return o;
  }

  start(id: number): Outreach {
    this.transition(id, ['draft'], 'started');
    this.store.setStatus(id, 'running', this.deps.now());
    this.changed(id);
    return this.get(id);
  }

  pause(id: number): Outreach {
    this.transition(id, ['running'], 'paused');
    this.store.setStatus(id, 'paused', this.deps.now(), { reason: 'user' });
    this.changed(id);
    return this.get(id);
  }

  /** Pauses every running Outreach as the merchant's own pause; returns how many. */
  pauseAll(): number {
    const now = this.deps.now();
    const running = this.store.outreaches(`status = 'running'`);
    this.deps.db.transaction(() => {
      for (const o of running) this.store.setStatus(o.id, 'paused', now, { reason: 'user' });
    })();
    for (const o of running) this.changed(o.id);
    return running.length;
  }

  resume(id: number): Outreach {
    this.transition(id, ['paused'], 'resumed');
    this.store.setStatus(id, 'running', this.deps.now());
    this.changed(id);
    return this.get(id);
  }

  /** Queued Deliveries are cancelled; one already on its way is still reconciled to what really happened. */
  cancel(id: number): Outreach {
    this.transition(id, ['draft', 'running', 'paused'], 'cancelled');
    const now = this.deps.now();
    this.deps.db.transaction(() => {
      this.deps.db
        .prepare(
          `UPDATE deliveries SET state = 'cancelled', updated_at = ? WHERE outreach_id = ? AND state = 'queued'`,
        )
        .run(now, id);
      this.store.setStatus(id, 'cancelled', now);
    })();
    this.changed(id);
    return this.get(id);
  }

  /**
   * "Retry failed": Deliveries that failed for a reason TikTok does not mean as final go back to the queue
   * (retry.ts says why none is sent twice). A finished Outreach runs again; a paused one stays paused and
   * sends them when resumed; a cancelled one sends nothing more.
   */
  retryFailed(id: number): { outreach: Outreach; requeued: number; resumed: number } {
    const o = this.transition(id, ['running', 'paused', 'finished'], 'retried');
    const now = this.deps.now();
    const done = this.deps.db.transaction(() => {
      const r = this.retry.run(id, now);
      if (r.requeued > 0 && o.status === 'finished') this.store.setStatus(id, 'running', now);
      return r;
    })();
    if (done.requeued > 0) this.changed(id);
    return { outreach: this.get(id), ...done };
  }

  private changed(id: number): void {
    this.deps.onProgress?.(id);
    this.deps.queue?.poke();
  }

  get(id: number): Outreach {
    return this.summary(this.row(id));
  }

  list(filter: { accountId?: string; status?: OutreachStatus }): Outreach[] {
    return this.store
      .outreaches(
        '(? IS NULL OR account_id = ?) AND (? IS NULL OR status = ?)',
        filter.accountId ?? null,
        filter.accountId ?? null,
        filter.status ?? null,
        filter.status ?? null,
      )
      .map((o) => this.summary(o));
  }

  summary(o: OutreachRow): Outreach {
    const counts = this.store.counts(o.id);
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    const followUps = this.deps.db
      .prepare(
        `SELECT count(*) AS n, count(CASE WHEN next_attempt_at = ? THEN 1 END) AS waiting,
                max(CASE WHEN next_attempt_at < ? THEN next_attempt_at END) AS lastAt
           FROM deliveries WHERE state = 'queued' AND step > 0 AND outreach_id = ?`,
      )
      .get(waitingForPrevious, waitingForPrevious, o.id) as {
      n: number;
      waiting: number;
      lastAt: number | null;
    };
    // Follow-ups are days apart: the rate decides only when the first contacts are done.
    const left = counts.queued - followUps.n + counts.sending + counts.maybe_sent;
    const perMinute = o.settings.ratePerMinute;
    // Invitations go 50 to a request; messages one each.
    const requests =
      o.action === 'message'
        ? left
        : o.action === 'invite'
          ? Math.ceil(left / 50)
          : Math.ceil(left / 2 / 50) + left / 2;
    const firstDone = this.deps.now() + Math.ceil((requests / perMinute) * 60_000);
    const sequenceDays = (o.settings.followUps ?? []).reduce((sum, f) => sum + f.afterDays, 0);
    const eta = Math.max(
      firstDone,
      followUps.lastAt ?? 0,
      followUps.waiting > 0 ? firstDone + sequenceDays * 86_400_000 : 0,
    );
    return {
      id: o.id,
      name: o.name,
      accountId: o.accountId,
      shopId: o.shopId,
      action: o.action,
      status: o.status,
      pauseReason: o.pauseReason,
      pauseDetail: o.pauseDetail,
      resumeAt: o.resumeAt,
      createdAt: o.createdAt,
      startedAt: o.startedAt,
      finishedAt: o.finishedAt,
      counts,
      total,
      etaAt: o.status === 'running' ? eta : null,
      followUpsPending: followUps.n,
      retryable: this.retry.count(o.id),
    };
  }

  deliveries(input: { outreachId: number; state?: Delivery['state']; cursor?: string; limit: number }) {
    this.row(input.outreachId);
    const after = Number(input.cursor ?? 0);
    const state = input.state ?? null;
    const rows = (
      this.deps.db
        .prepare(
          `SELECT ${deliveryColumns} FROM deliveries WHERE outreach_id = ? AND id > ? AND (? IS NULL OR state = ?)
           ORDER BY id LIMIT ?`,
        )
        .all(input.outreachId, after, state, state, input.limit + 1) as Array<
        Parameters<typeof toDelivery>[0]
      >
    ).map(toDelivery);
    const total = this.deps.db
      .prepare('SELECT count(*) FROM deliveries WHERE outreach_id = ? AND (? IS NULL OR state = ?)')
      .pluck()
      .get(input.outreachId, state, state) as number;
    const more = rows.length > input.limit;
    const page = rows.slice(0, input.limit);
    return {
      items: page.map((d: DeliveryRow) => ({
        id: d.id,
        creatorId: d.creatorId,
        creatorOpenId: d.creatorOpenId,
        handle: d.creatorHandle,
        action: d.action,
        step: d.step,
        state: d.state,
        reason: d.reason,
        reasonDetail: d.reasonDetail,
        blockedAt:
          d.reason === 'blocklisted' && d.creatorId !== null
            ? (this.deps.blocklist?.entry?.(d.creatorId)?.blockedAt ?? null)
            : null,
        attempts: d.attempts,
        retries: d.retries,
        retriedAt: d.retriedAt,
        sentAt: d.sentAt,
        updatedAt: d.updatedAt,
      })),
      nextCursor: more ? String(page.at(-1)?.id ?? '') : null,
      total,
    };
  }

  preview(input: {
    kind: Template['kind'];
    body: string;
    creatorId?: number;
    values: OutreachInput['values'];
  }) {
    const c = input.creatorId === undefined ? null : (this.audience([input.creatorId])[0] ?? null);
    const r = render(input.kind, input.body, {
      shop_name: input.values.shopName,
      product_names: input.values.productNames,
      commission: input.values.commission,
      sample_offer: input.values.sampleOffer,
      promotion_link: input.values.promotionLink,
      creator_name: c ? (c.nickname ?? c.handle) : undefined,
      creator_handle: c?.handle ? `@${c.handle}` : undefined,
    });
    return {
      text: r.text,
      problems: r.problems,
      sensitiveWords: sensitiveWordsIn(r.text, this.deps.sensitiveWords?.()),
    };
  }
}
