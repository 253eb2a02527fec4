import type { Migration } from './migration';
import { m001ActivityLog } from './001-activity-log';
import { m002Vault } from './002-vault';
import { m003Accounts } from './003-accounts';
import { m004SyncedData } from './004-synced-data';
import { m005CheaperOrderIngest } from './005-cheaper-order-ingest';
import { m006CollaborationStatus } from './006-collaboration-status';
import { m007Fidelity } from './007-fidelity';
import { m008TextsAsKeys } from './008-texts-as-keys';
import { m011ShopLocalDays } from './011-shop-local-days';
import { m012AnalyticsRollups } from './012-analytics-rollups';
import { m013CreatorCrm } from './013-creator-crm';
import { m014CreatorSources } from './014-creator-sources';
import { m015ProductCosts } from './015-product-costs';
import { m016CatalogueAndOrderQueue } from './016-catalogue-and-order-queue';
import { m017Outreach } from './017-outreach';
import { m018MonthlyItemRollups } from './018-monthly-item-rollups';
import { m019ActivityAccount } from './019-activity-account';
import { m020CreatorSearchSets } from './020-creator-search-sets';
import { m021PromotionLinksAndMessageTypes } from './021-promotion-links-and-message-types';
import { m022FollowUpsAndInbox } from './022-followups-and-inbox';
import { m024ScoreOverrideReason } from './024-score-override-reason';
import { m025ProfileIdentityFields } from './025-profile-identity-fields';
import { m026CreatorGroupsAndAttribution } from './026-creator-groups-and-attribution';
import { m028CollaborationProducts } from './028-collaboration-products';
import { m031DeliveryRetriesAndCardProducts } from './031-delivery-retries-and-card-products';
import { m032DeliveriesByConversation } from './032-deliveries-by-conversation';
import { m034ProductImageCache } from './034-product-image-cache';
import { m036ProductCategories } from './036-product-categories';
import { m037ItemRanksPerCurrency } from './037-item-ranks-per-currency';
import { m038FiguresPerSource } from './038-figures-per-source';

export type { Migration };

/**
 * Forward-only, in increasing version order. Version 0 is the empty database every install starts from; each
 * slice of work owns its version numbers, so gaps are normal.
 */
export const migrations: readonly Migration[] = [
  m001ActivityLog,
  m002Vault,
  m003Accounts,
  m004SyncedData,
  m005CheaperOrderIngest,
  m006CollaborationStatus,
  m007Fidelity,
  m008TextsAsKeys,
  m011ShopLocalDays,
  m012AnalyticsRollups,
  m013CreatorCrm,
  m014CreatorSources,
  m015ProductCosts,
  m016CatalogueAndOrderQueue,
  m017Outreach,
  m018MonthlyItemRollups,
  m019ActivityAccount,
  m020CreatorSearchSets,
  m021PromotionLinksAndMessageTypes,
  m022FollowUpsAndInbox,
  m024ScoreOverrideReason,
  m025ProfileIdentityFields,
  m026CreatorGroupsAndAttribution,
  m028CollaborationProducts,
  m031DeliveryRetriesAndCardProducts,
  m032DeliveriesByConversation,
  m034ProductImageCache,
  m036ProductCategories,
  m037ItemRanksPerCurrency,
  m038FiguresPerSource,
];

export const latestVersion = migrations.at(-1)?.version ?? 0;
