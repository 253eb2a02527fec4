/** The shape of generated data. Columns are typed arrays; everything else is derived on demand from the seed. */

export type Scale = 'tiny' | 'demo' | 'bench';

export interface ScaleSpec {
  shops: number;
  products: number;
  orders: number;
  creators: number;
  campaigns: number;
  adgroupsPerCampaign: number;
  adsPerAdgroup: number;
  days: number;
}

export const scaleSpecs: Record<Scale, ScaleSpec> = {
  tiny: {
    shops: 2,
    products: 12,
    orders: 60,
    creators: 40,
    campaigns: 2,
    adgroupsPerCampaign: 2,
    adsPerAdgroup: 1,
    days: 180,
  },
  demo: {
    shops: 2,
    products: 300,
    orders: 20_000,
    creators: 2_000,
    campaigns: 6,
    adgroupsPerCampaign: 2,
    adsPerAdgroup: 2,
    days: 180,
  },
  bench: {
    shops: 2,
    products: 20_000,
    orders: 1_000_000,
    creators: 200_000,
    campaigns: 44,
    adgroupsPerCampaign: 7,
    adsPerAdgroup: 2,
    days: 180,
  },
};

export interface ShopRecord {
  index: number;
  id: string;
  cipher: string;
  code: string;
  name: string;
  region: string;
  currency: string;
  sellerType: 'LOCAL' | 'CROSS_BORDER';
  warehouseIds: string[];
  /** Global index of the shop's first product; its products are contiguous. */
  productStart: number;
  productCount: number;
  /** Prices are generated in this unit; tax rate applied to orders (US sales tax; GB prices include VAT). */
  taxRate: number;
}

export interface SkuRecord {
  id: string;
  sellerSku: string;
  price: string;
  inventory: Array<{ warehouseId: string; quantity: number }>;
  attributes: Array<{ id: string; name: string; valueId: string; valueName: string }>;
}

export type ProductStatus =
  | 'DRAFT'
  | 'PENDING'
  | 'FAILED'
  | 'ACTIVATE'
  | 'SELLER_DEACTIVATED'
  | 'PLATFORM_DEACTIVATED'
  | 'FREEZE'
  | 'DELETED';

export interface ProductRecord {
  index: number;
  shopIndex: number;
  id: string;
  title: string;
  description: string;
  status: ProductStatus;
  categoryId: string;
  categoryName: string;
  brand: { id: string; name: string };
  imageUri: string;
  skus: SkuRecord[];
  createTime: number;
  updateTime: number;
  inPromotion: boolean;
}

export const orderStatuses = [
  'UNPAID',
  'ON_HOLD',
  'AWAITING_SHIPMENT',
  'PARTIALLY_SHIPPING',
  'AWAITING_COLLECTION',
  'IN_TRANSIT',
  'DELIVERED',
  'COMPLETED',
  'CANCELLED',
] as const;
export type OrderStatus = (typeof orderStatuses)[number];

export const orderFlag = { affiliate: 1, refund: 2, empty: 4, sellerShipping: 8 } as const;

export interface OrderColumns {
  count: number;
  shop: Uint8Array;
  createTime: Uint32Array;
  updateTime: Uint32Array;
  status: Uint8Array;
  flags: Uint8Array;
  /** Per shop: global order indexes ascending by create time, and ascending by update time. */
  byCreate: Uint32Array[];
  byUpdate: Uint32Array[];
  /** Per shop: global indexes of affiliate-attributed orders, ascending by create time. */
  affiliate: Uint32Array[];
}

export const creatorFlag = { privacy: 1, messagedFirst: 2 } as const;

export interface CreatorColumns {
  count: number;
  followers: Uint32Array;
  gmvCents: Float64Array;
  unitsSold: Uint32Array;
  liveUv: Uint32Array;
  videoViews: Uint32Array;
  category: Uint8Array;
  flags: Uint8Array;
  usernames: string[];
  nicknames: string[];
  /** Regions of a loaded world's creators (`data/world.ts`), by index; others derive theirs from the seed. */
  regions?: ReadonlyArray<string | undefined>;
}

export interface AdvertiserRecord {
  index: number;
  id: string;
  name: string;
  company: string;
  currency: string;
  timezone: string;
  country: string;
  shopIndex: number;
  granted: boolean;
  createTime: number;
  balance: number;
}

export interface CampaignRecord {
  index: number;
  id: string;
  advertiserIndex: number;
  name: string;
  objectiveType: string;
  budget: number;
  budgetMode: string;
  operationStatus: 'ENABLE' | 'DISABLE';
  createTime: number;
}

export interface AdgroupRecord {
  index: number;
  id: string;
  campaignIndex: number;
  name: string;
  budget: number;
  operationStatus: 'ENABLE' | 'DISABLE';
  createTime: number;
}

export interface AdRecord {
  index: number;
  id: string;
  adgroupIndex: number;
  campaignIndex: number;
  advertiserIndex: number;
  name: string;
  adText: string;
  weight: number;
  startDay: number;
  dailyBudget: number;
  ctr: number;
  cpm: number;
  operationStatus: 'ENABLE' | 'DISABLE';
  createTime: number;
}

export interface AdsData {
  advertisers: AdvertiserRecord[];
  campaigns: CampaignRecord[];
  adgroups: AdgroupRecord[];
  ads: AdRecord[];
}

export interface LoginUser {
  openId: string;
  unionId: string;
  displayName: string;
  username: string;
  bio: string;
  isVerified: boolean;
  followerCount: number;
  followingCount: number;
  likesCount: number;
  videoCount: number;
}

export interface Dataset {
  seed: number;
  scale: Scale;
  spec: ScaleSpec;
  /** First second of day 0 (UTC midnight) and the end of the data (UTC midnight of the generation day). */
  startTime: number;
  endTime: number;
  seller: { openId: string; name: string; region: string };
  shops: ShopRecord[];
  /** Immutable initial catalogue; writes go to an overlay in the sandbox state. */
  products: ProductRecord[];
  /** Price of each SKU in cents at generation time, [product*4 + sku]; orders are priced from it. */
  skuPriceCents: Float64Array;
  orders: OrderColumns;
  /** Per shop, per day: order count and GMV in cents (all statuses but UNPAID and CANCELLED). */
  dailyOrders: Float64Array[];
  dailyGmvCents: Float64Array[];
  creators: CreatorColumns;
  ads: AdsData;
  loginUser: LoginUser;
  /** Global index of the deliberately empty order (no line items). */
  emptyOrderIndex: number;
  generatedInMs: number;
}
