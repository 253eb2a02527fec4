import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes } from 'node:crypto';
import type { Logger } from '../log/logger';
import type { Clock } from './clock';
import { defaultConfig, type SandboxConfig, type SandboxConfigPatch } from './config';
import { creatorCodec } from './data/generator';
import { creatorFlag, type Dataset, type ProductRecord } from './data/dataset';
import { hash } from './data/rng';
import { generateSamples, type SampleApplication } from './data/samples';
import { Faults, type Family } from './faults';
import { encodeId, type CreatorIdCodec } from './ids';
import { MINUTE, SECOND, SlidingWindowCounter, UTC_DAY, WindowCounter } from './limits';
import { creatorRegion } from './data/creator-region';
import { CodeMap, IssuedSecrets, type IssuedCode, IssuedTokens, TokenBook, TokenMinter } from './tokens';

export interface Credentials {
  shop: { appKey: string; appSecret: string; serviceId: string; redirectUrl: string };
  ads: { appId: string; secret: string; redirectUrl: string };
  login: { clientKey: string; clientSecret: string; redirectUris: string[] };
}

export interface Message {
  index: number;
  id: string;
  type: string;
  content: string;
  createTime: number;
  fromCreator: boolean;
}

export interface Conversation {
  id: string;
  shopIndex: number;
  creatorIndex: number;
  createTime: number;
  messages: Message[];
  /** Creator replies scheduled for later; they become messages once the clock passes `at`. */
  pending: Array<{ at: number; content: string }>;
  /** Highest message index the seller has read. */
  readIndex: number;
}

export interface Collaboration {
  index: number;
  id: string;
  shopIndex: number;
  name: string;
  message: string;
  startTime: number;
  endTime: number;
  updateTime: number;
  products: Array<{
    id: string;
    productIndex: number;
    commissionRate: number;
    shopAdsCommissionRate: number | null;
  }>;
  creatorIndexes: number[];
  /** What each invited creator does, drawn when the invitation is created (same order as `creatorIndexes`). */
  outcomes: CreatorOutcome[];
  sellerEmail: string;
  freeSample: { hasFreeSample: boolean; isSampleApprovalExempt: boolean };
  /** When the seller removed it (Remove Target Collaboration): CANCELING for a while, then COMPLETED. */
  canceledAt: number | null;
}

/**
 * An invited creator's response over time (`shop/behaviour.ts`): times are sandbox-clock Unix seconds,
 * products are positions in the collaboration's `products`.
 */
export interface CreatorOutcome {
  acceptAt: number | null;
  /** The products the creator adds to the showcase on accepting (at least one). */
  showcased: number[];
  contentAt: number | null;
  /** The showcased products the content features (at least one). */
  featured: number[];
  /** Affiliate orders the content brings, each through one featured product. */
  sales: Array<{ at: number; product: number; quantity: number; cancelled: boolean }>;
}

export interface PendingCode {
  createdAt: number;
  used: boolean;
  scopes: number;
  redirectUri?: string;
  codeChallenge?: string;
  clientKey?: string;
}

export interface LogEntry {
  seq: number;
  time: number;
  family: Family | 'admin' | 'media' | 'other';
  method: string;
  path: string;
  query: string;
  status: number;
  code: string | number | null;
  durationMs: number;
  fault: string | null;
  /** The request changed the sandbox's state (it recorded an accepted write), whatever answer it got. */
  committed: boolean;
}

/** What the client got back for a committed write; `dropped` and `server_error` come from injected faults. */
export type WriteAnswer = 'sent' | 'dropped' | 'server_error' | 'gateway_timeout';

export interface WriteEntry {
  seq: number;
  time: number;
  kind: string;
  shopId: string | null;
  detail: unknown;
  answer: WriteAnswer;
}

/** The writes of the request being handled, across its awaits (requests are handled concurrently). */
const requestWrites = new AsyncLocalStorage<WriteEntry[]>();

const secretQueryKeys =
  /^(sign|access_token|app_secret|secret|client_secret|refresh_token|auth_code|code|code_verifier|token)$/i;

function deterministicHex(seed: number, salt: number, chars: number): string {
  let s = '';
  for (let i = 0; s.length < chars; i++) s += hash(seed, salt, i).toString(16).padStart(8, '0');
  return s.slice(0, chars);
}

export function makeCredentials(
  seed: number,
  redirectUrls: { shop?: string; ads?: string; login?: string[] } = {},
): Credentials {
  return {
    shop: {
      appKey: `6${deterministicHex(seed, 101, 12)}`,
      appSecret: deterministicHex(seed, 102, 40),
      serviceId: encodeId('creatorUser', 900_000 + (hash(seed, 103) % 1000)),
      redirectUrl: redirectUrls.shop ?? 'http://127.0.0.1:53682/callback/shop',
    },
    ads: {
      appId: encodeId('advertiser', 500_000 + (hash(seed, 104) % 1000)),
      secret: deterministicHex(seed, 105, 40),
      redirectUrl: redirectUrls.ads ?? 'http://127.0.0.1:53683/callback/ads',
    },
    login: {
      clientKey: `aw${deterministicHex(seed, 106, 14)}`,
      clientSecret: deterministicHex(seed, 107, 32),
      redirectUris: redirectUrls.login ?? [
        'http://127.0.0.1:*/callback/login',
        'http://localhost:*/callback/login',
      ],
    },
  };
}

/** What a buyer wrote or entered on an order, in place of the generated texts. */
export interface OrderTexts {
  buyerMessage?: string;
  recipientName?: string;
  street?: string;
}

/** Everything that changes while the sandbox runs. `reset()` rebuilds it; the generated dataset stays. */
export class SandboxState {
  readonly creators: CreatorIdCodec;
  config!: SandboxConfig;
  tokens!: TokenBook;
  /** Every token minted since start, across `reset()` (the app may still hold them). */
  readonly issuedTokens = new IssuedTokens();
  readonly issuedCodes = new IssuedSecrets<IssuedCode>();
  faults!: Faults;
  productOverrides!: Map<number, ProductRecord>;
  /** Buyer texts changed through `/admin/orders` (hostile ones for the attack tests), by order index. */
  orderTexts!: Map<number, OrderTexts>;
  shopCodes!: Map<string, PendingCode>;
  adsCodes!: Map<string, PendingCode>;
  loginCodes!: Map<string, PendingCode>;
  consents!: Map<string, { family: Family; createdAt: number; params: Record<string, string> }>;
  collaborations!: Collaboration[];
  /** Free-sample applications, oldest first; reviews change them (`shop/samples.ts`). */
  samples!: SampleApplication[];
  conversations!: Map<string, Conversation>;
  conversationByPair!: Map<string, string>;
  weeklyContacts!: Map<string, Set<number>>;
  sentSinceReply!: Map<string, number>;
  /** Message images uploaded (Upload Message Image): URL → size, so an IMAGE message names one of them. */
  uploadedImages!: Map<string, { width: number; height: number }>;
  /** Where the simulator's picture CDN is (`media.ts`), known once it listens; kept across `reset()`. */
  mediaBase = 'http://127.0.0.1/media';
  perSecond!: WindowCounter;
  /** API for Business's per-app limit, counted over any one second. */
  adsPerSecond!: SlidingWindowCounter;
  perMinute!: WindowCounter;
  perDay!: WindowCounter;
  requestLog!: LogEntry[];
  writes!: WriteEntry[];
  private seq = 0;
  private nextId = 0;

  /**
   * The generated data, plus the orders a test placed (`/admin/orders/place`, `data/place-order.ts`):
   * `reset()` goes back to `generated`.
   */
  dataset: Dataset;

  constructor(
    readonly generated: Dataset,
    readonly clock: Clock,
    readonly creds: Credentials,
    readonly logger: Logger,
    private readonly initialConfig: SandboxConfigPatch,
  ) {
    this.dataset = generated;
    this.creators = creatorCodec(generated.seed, creds.shop.appKey);
    this.reset();
  }

  reset(): void {
    this.dataset = this.generated;
    this.config = defaultConfig(this.initialConfig);
    this.tokens = new TokenBook(
      new TokenMinter(`${this.dataset.seed}:${this.creds.shop.appSecret}:tokens`),
      this.issuedTokens,
    );
    this.faults = new Faults();
    this.productOverrides = new Map();
    this.orderTexts = new Map();
    const now = () => this.clock.nowSec();
    this.shopCodes = new CodeMap('shop', this.issuedCodes, now);
    this.adsCodes = new CodeMap('ads', this.issuedCodes, now);
    this.loginCodes = new CodeMap('login', this.issuedCodes, now);
    this.consents = new Map();
    this.collaborations = [];
    this.samples = generateSamples(this);
    this.conversations = new Map();
    this.conversationByPair = new Map();
    this.weeklyContacts = new Map();
    this.sentSinceReply = new Map();
    this.uploadedImages = new Map();
    this.perSecond = new WindowCounter(SECOND);
    this.adsPerSecond = new SlidingWindowCounter(SECOND);
    this.perMinute = new WindowCounter(MINUTE);
    this.perDay = new WindowCounter(UTC_DAY);
    this.requestLog = [];
    this.writes = [];
    this.nextId = 0;
    this.seedConversations();
  }

  /**
   * Creators flagged "messaged first" already wrote to every shop of their region: they start connected
   * (docs/tiktok-api/affiliate.md). A shop whose region has none gets its first creator who accepts messages, so every
   * shop has a conversation to sync.
   */
  private seedConversations(): void {
    const { creators, shops, endTime } = this.dataset;
    const first = (i: number): boolean => ((creators.flags[i] ?? 0) & creatorFlag.messagedFirst) !== 0;
    const writers = new Set<number>();
    for (let i = 0; i < creators.count; i++) if (first(i)) writers.add(i);
    for (const shop of shops) {
      if ([...writers].some((i) => creatorRegion(this, i) === shop.region)) continue;
      for (let i = 0; i < creators.count; i++) {
        const privacy = ((creators.flags[i] ?? 0) & creatorFlag.privacy) !== 0;
        if (!privacy && creatorRegion(this, i) === shop.region) {
          writers.add(i);
          break;
        }
      }
    }
    for (const i of [...writers].sort((a, b) => a - b)) {
      for (const shop of shops) {
        if (creatorRegion(this, i) !== shop.region) continue;
        const conv = this.openConversation(shop.index, i, endTime - 3 * 86_400);
        conv.messages.push({
          index: 1,
          id: this.newId('message'),
          type: 'TEXT',
          content: JSON.stringify({
            content: `Hi ${shop.name}! I love your products, can we collaborate? 😊`,
          }),
          createTime: endTime - 3 * 86_400 + 600,
          fromCreator: true,
        });
        // Every other one follows up with a sticker and a picture: content whose width/height are strings,
        // as TikTok returns IMAGE and EMOTICONS (docs/tiktok-api/affiliate.md).
        if (i % 2 === 0) {
          const media = 'https://p16-oec-va.ibyteimg.com/tos-maliva-i-o3syd03w52-us/sandbox';
          conv.messages.push(
            {
              index: 2,
              id: this.newId('message'),
              type: 'EMOTICONS',
              content: JSON.stringify({ height: '110', url: `${media}-sticker-${i}`, width: '110' }),
              createTime: endTime - 3 * 86_400 + 660,
              fromCreator: true,
            },
            {
              index: 3,
              id: this.newId('message'),
              type: 'IMAGE',
              content: JSON.stringify({ height: '290', url: `${media}-photo-${i}`, width: '304' }),
              createTime: endTime - 3 * 86_400 + 720,
              fromCreator: true,
            },
          );
        }
      }
    }
  }

  newId(kind: 'collaboration' | 'conversation' | 'message'): string {
    return encodeId(kind, ++this.nextId);
  }

  openConversation(shopIndex: number, creatorIndex: number, at: number): Conversation {
    const key = `${shopIndex}:${creatorIndex}`;
    const existing = this.conversationByPair.get(key);
    const found = existing ? this.conversations.get(existing) : undefined;
    if (found) return found;
    const conv: Conversation = {
      id: this.newId('conversation'),
      shopIndex,
      creatorIndex,
      createTime: at,
      messages: [],
      pending: [],
      readIndex: 0,
    };
    this.conversations.set(conv.id, conv);
    this.conversationByPair.set(key, conv.id);
    return conv;
  }

  product(index: number): ProductRecord | undefined {
    return this.productOverrides.get(index) ?? this.dataset.products[index];
  }

  /** Copy-on-write: the dataset's catalogue is shared and must survive `reset()` untouched. */
  productForWrite(index: number): ProductRecord | undefined {
    const current = this.product(index);
    if (!current) return undefined;
    if (!this.productOverrides.has(index)) this.productOverrides.set(index, structuredClone(current));
    return this.productOverrides.get(index);
  }

  setConfig(patch: SandboxConfigPatch): SandboxConfig {
    this.config = { ...this.config, ...patch };
    return this.config;
  }

  /** Runs one request's handling and returns the writes it recorded, so the server can report them. */
  async collectWrites<T>(handle: () => Promise<T>): Promise<{ result: T; writes: WriteEntry[] }> {
    const writes: WriteEntry[] = [];
    const result = await requestWrites.run(writes, handle);
    return { result, writes };
  }

  log(entry: Omit<LogEntry, 'seq' | 'query'> & { query: string }): void {
    const query = new URLSearchParams(entry.query);
    for (const key of [...query.keys()]) if (secretQueryKeys.test(key)) query.set(key, '***');
    this.requestLog.push({ ...entry, query: query.toString(), seq: ++this.seq });
    if (this.requestLog.length > 5_000) this.requestLog.splice(0, 1_000);
  }

  recordWrite(kind: string, shopId: string | null, detail: unknown): void {
    const entry: WriteEntry = {
      seq: ++this.seq,
      time: this.clock.nowSec(),
      kind,
      shopId,
      detail,
      answer: 'sent',
    };
    this.writes.push(entry);
    requestWrites.getStore()?.push(entry);
    if (this.writes.length > 5_000) this.writes.splice(0, 1_000);
    this.logger.debug({ kind, shopId }, 'sandbox write accepted');
  }

  randomCode(bytes = 24): string {
    return randomBytes(bytes).toString('base64url');
  }
}
