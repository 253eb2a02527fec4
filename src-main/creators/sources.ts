import type { Database } from 'better-sqlite3';
import type { EventPayload } from '@shared/contract';
import { AppError } from '@shared/errors';
import type { CreatorAddInput } from '@shared/creator-import';
import type { ActivityLog } from '../activity/activity-log';
import type { EventBus } from '../events';
import type { Logger } from '../log/logger';
import type { Profile } from '../profile/profile';
import type { TokenSource } from '../tiktok/token-source';
import type { Vault } from '../vault/vault';
import { ContactStore } from './contacts';
import { contactsExtension, samplesExtension } from './sources-extensions';
import { checkCreator } from './import/fields';
import { CreatorImporter } from './import/importer';
import { MarketplaceService } from './marketplace';
import { CreatorOrigins } from './origins';
import { type SampleStore, SamplesService } from './samples';
import type { CreatorsService } from './service';
import { ShopApi } from './shop-api';
import { creatorSourceTexts } from './texts';

export interface CreatorSourcesDeps {
  db: Database;
  vault: Vault;
  /** The CRM: identity, the search index and the extensions contacts and samples plug into. */
  creators: CreatorsService;
  /** The sync's writer of sample applications, for reviews read back from TikTok. */
  sampleStore: SampleStore;
  tokens: TokenSource;
  profile: Profile;
  activity: ActivityLog;
  events: EventBus;
  logger: Logger;
  now: () => number;
}

export interface CreatorSources {
  contacts: ContactStore;
  origins: CreatorOrigins;
  importer: CreatorImporter;
  marketplace: MarketplaceService;
  samples: SamplesService;
  addCreator(input: CreatorAddInput): { creatorId: number; created: boolean };
  /** Re-indexes a Creator now (contacts changed: the table's "has contact" follows at once). */
  refreshCreator(creatorId: number): void;
  /** After a sync run: overdue alerts and the saved searches due for their daily refresh. */
  afterSync(): Promise<void>;
  close(): void;
}

const OVERDUE_CHECK_MS = 60 * 60_000;

/**
 * Where creators come from besides the sync (CSV import, manual add, the Creator Marketplace), the free
 * samples they ask for, and the private contacts the merchant keeps about them.
 */
export function createCreatorSources(deps: CreatorSourcesDeps): CreatorSources {
  const { db, activity, events, creators, now } = deps;
  const logger = deps.logger.child({ module: 'creator-sources' });
  const contacts = new ContactStore(db, deps.vault, now);
  const origins = new CreatorOrigins(db, creators);
  const unregister = [
    creators.extensions.register('contacts', contactsExtension(contacts)),
    creators.extensions.register('samples', samplesExtension(now)),
  ];
  const shopApi = new ShopApi(db, deps.tokens, deps.profile, logger, now);
  const importer = new CreatorImporter({
    db,
    origins,
    contacts,
    vaultUnlocked: () => deps.vault.unlocked,
    now,
    onImported: (s) => {
      activity.record('creators.imported', s);
      void creators.worker.kick('manual');
    },
  });
  const marketplace = new MarketplaceService({
    db,
    shopApi,
    origins,
    logger,
    now,
    onStored: () => void creators.worker.kick('manual'),
  });
  const samples = new SamplesService({
    db,
    store: deps.sampleStore,
    shopApi,
    logger,
    now,
    onReviewed: (s) =>
      activity.record('sample.reviewed', {
        decision: s.review?.decision ?? null,
        creator: s.creatorHandle ?? s.creatorNickname ?? '',
        product: s.productTitle ?? '',
      }),
  });

  const alertOverdue = (): void => {
    const overdue = samples.takeNewlyOverdue();
    if (overdue.newly.length === 0) return;
    activity.record('samples.overdue', { count: overdue.newly.length });
    events.emit('samples:overdue', overdue satisfies EventPayload<'samples:overdue'>);
  };
  const timer = setInterval(alertOverdue, OVERDUE_CHECK_MS);
  let afterSyncRun: Promise<void> | null = null;
  timer.unref();
  // Reviews a crash or a lost answer left unsettled are read back from TikTok once the app is up.
  const reconcile = setTimeout(() => {
    void samples.reconcileOpenReviews().catch(() => undefined);
  }, 2_000);
  reconcile.unref();

  return {
    contacts,
    origins,
    importer,
    marketplace,
    samples,
    addCreator(input) {
      const checked = checkCreator({
        handle: input.handle,
        nickname: input.nickname,
        openId: input.openId,
        region: input.region,
        followers: input.followers === undefined ? undefined : String(input.followers),
      });
      if ('problems' in checked)
        throw new AppError('VALIDATION', creatorSourceTexts.notAdded(), {
          issues: checked.problems.map((p) => ({ path: p.field ?? 'handle', message: p.code })),
        });
      if (input.contacts && !deps.vault.unlocked)
        throw new AppError('LOCKED', creatorSourceTexts.contactsLockedSave());
      const saved = db
        .transaction(() => {
          const r = origins.save(checked.draft, { source: 'manual', detail: null }, now());
          if (input.contacts) contacts.set(r.creatorId, input.contacts);
          return r;
        })
        .immediate();
      creators.indexer.refresh([saved.creatorId], now());
      activity.record('creator.added', {
        creator: checked.draft.handle ?? checked.draft.nickname ?? '',
        created: saved.created,
      });
      return { creatorId: saved.creatorId, created: saved.created };
    },
    refreshCreator(creatorId) {
      creators.indexer.refresh([creators.creatorOf(creatorId)], now());
    },
    afterSync() {
      // One at a time: status events come in bursts, and a refresh must not run twice over.
      afterSyncRun ??= (async () => {
        try {
          alertOverdue();
          await marketplace.refreshDue();
        } finally {
          afterSyncRun = null;
        }
      })();
      return afterSyncRun;
    },
    close() {
      for (const u of unregister) u();
      clearInterval(timer);
      clearTimeout(reconcile);
    },
  };
}
