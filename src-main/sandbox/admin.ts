import { timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { onlyNamed, sandboxConfigPatchSchema } from './config';
import { faultConfigSchema } from './faults';
import { orderStatuses } from './data/dataset';
import { withPlacedOrder } from './data/place-order';
import { header, json, jsonText, parseJsonBody, type Reply, type SandboxRequest } from './http';
import { decodeId, encodeId } from './ids';
import { JsonWriter } from './json-writer';
import { issueAdsCode } from './ads/auth';
import { issueLoginCode, loginScopes } from './login/oauth';
import { issueShopCode } from './shop/auth';
import { collaborationOrderId } from './shop/collaboration-orders';
import { writeOrder } from './shop/order-json';
import { poolStatus } from './shop/outreach';
import { shopScopes } from './shop/scopes';
import { loadWorld, worldAt } from './shop/world';
import type { SandboxState } from './state';

/**
 * Test controls, on their own path and guarded by the sandbox's admin token (never by TikTok credentials):
 * request log, accepted writes, reset, faults, token expiry/revocation, clock, limits, code issuing, and the
 * secrets it handed out (for the tests' secret sweep).
 */

/*
 * Every body is a strict object: a misspelt key is refused by name instead of quietly doing nothing (a test
 * that sets `rateLimitEvery` would otherwise run with no fault and pass for the wrong reason).
 */
const provider = z.enum(['shop', 'ads', 'login']);
const token = z.string().min(1).max(200);
const expireBody = z.strictObject({
  provider,
  which: z.enum(['access', 'refresh', 'both']).default('access'),
  token: token.optional(),
});
const revokeBody = z.strictObject({ provider, token: token.optional() });
/** Ten years either way: further than any test needs, and the sandbox's Unix-second fields stay in range. */
const clockSpanMs = 10 * 366 * 86_400_000;
const clockBody = z.strictObject({
  offsetMs: z.number().int().min(-clockSpanMs).max(clockSpanMs).optional(),
  advanceMs: z.number().int().min(-clockSpanMs).max(clockSpanMs).optional(),
  advanceSec: z
    .number()
    .int()
    .min(-clockSpanMs / 1_000)
    .max(clockSpanMs / 1_000)
    .optional(),
  advanceDays: z.number().min(-3_660).max(3_660).optional(),
  frozen: z.boolean().optional(),
});
const grantBody = z.discriminatedUnion('provider', [
  z.strictObject({ provider: z.literal('shop'), scopes: z.array(z.enum(shopScopes)).optional() }),
  z.strictObject({ provider: z.literal('ads') }),
  z.strictObject({
    provider: z.literal('login'),
    redirect_uri: z.url().max(2_000),
    code_challenge: z.string().min(1).max(200),
    scopes: z.array(z.enum(loginScopes)).optional(),
  }),
]);

/** A change made "in Seller Center": it reaches the product but not the write log. */
const productPatchBody = z.strictObject({
  productId: z.string().min(1).max(100),
  status: z
    .enum([
      'DRAFT',
      'PENDING',
      'FAILED',
      'ACTIVATE',
      'SELLER_DEACTIVATED',
      'PLATFORM_DEACTIVATED',
      'FREEZE',
      'DELETED',
    ])
    .optional(),
  inPromotion: z.boolean().optional(),
  /** Renamed "in Seller Center": hostile titles and SKU names for the attack tests. */
  title: z.string().min(1).max(500).optional(),
  skus: z
    .array(
      z.strictObject({
        id: z.string().min(1).max(100),
        sellerSku: z.string().min(1).max(200).optional(),
        price: z
          .string()
          .regex(/^\d+(\.\d{1,2})?$/)
          .optional(),
        inventory: z
          .array(
            z.strictObject({ warehouse_id: z.string().min(1).max(100), quantity: z.number().int().min(0) }),
          )
          .optional(),
      }),
    )
    .max(100)
    .optional(),
});

/** What a buyer wrote on an order or entered as its address: hostile texts for the attack tests. */
const orderTextsBody = z.strictObject({
  orderId: z.string().min(1).max(100),
  buyerMessage: z.string().max(500).optional(),
  recipientName: z.string().min(1).max(200).optional(),
  street: z.string().min(1).max(300).optional(),
});

/** A buyer places an order at a chosen instant (a shop's evening, either side of a midnight or DST change). */
const placeOrderBody = z.strictObject({
  shopId: z.string().min(1).max(100),
  /** Unix seconds, not after the sandbox clock's now. */
  createTime: z.number().int().nonnegative(),
  status: z.enum(orderStatuses).default('AWAITING_SHIPMENT'),
});

/** The most orders one `GET /orders` page holds. */
const ordersPageMax = 1_000;

const messageBody = z.strictObject({
  text: z.string().min(1).max(2000),
  conversationId: z.string().min(1).max(100).optional(),
});

/** A generated world of creators (`data/world.ts`): the same seed and size give the same creators. */
const worldBody = z.strictObject({
  seed: z.number().int().min(0).max(2_147_483_647),
  size: z.number().int().min(1).max(200_000),
});

function authorized(req: SandboxRequest, token: string): boolean {
  const auth = header(req, 'authorization') ?? '';
  const given = auth.startsWith('Bearer ') ? auth.slice(7) : (header(req, 'x-admin-token') ?? '');
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** A refusal that names the problem; nothing was changed when one is sent. */
const badRequest = (error: string, issues?: unknown): Reply => json(400, { error, issues });

/** Issues as `path: message`, the first few only and each clipped, so a hostile body gets a short answer. */
function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  const clip = (s: string) => (s.length > 120 ? `${s.slice(0, 120)}…` : s);
  const shown = issues.slice(0, 5).map((i) => clip(`${i.path.join('.') || '(body)'}: ${i.message}`));
  return shown.join('; ') + (issues.length > 5 ? ` (and ${issues.length - 5} more)` : '');
}

function bodyOf<T extends z.ZodType>(
  req: SandboxRequest,
  schema: T,
): { ok: true; value: z.infer<T> } | { ok: false; reply: Reply } {
  const parsed = parseJsonBody(req);
  if (!parsed.ok) return { ok: false, reply: badRequest('body must be JSON') };
  const result = schema.safeParse(parsed.value ?? {});
  if (!result.success) {
    const issues = result.error.issues
      .slice(0, 5)
      .map((i) => ({ path: i.path.map(String), message: i.message }));
    return { ok: false, reply: badRequest(`invalid body: ${describeIssues(result.error.issues)}`, issues) };
  }
  return { ok: true, value: result.data };
}

/** A whole-number query parameter, its default when absent, null when it is not one. */
function countParam(req: SandboxRequest, name: string, fallback: number): number | null {
  const raw = req.query.get(name);
  if (raw === null) return fallback;
  return /^\d{1,15}$/.test(raw) ? Number(raw) : null;
}

/**
 * What invited and messaged creators will do and when (drawn when the invitation or message was sent), so a
 * test can move the clock to the moment it needs instead of guessing. Times are sandbox Unix seconds.
 */
function outcomes(state: SandboxState): unknown {
  const ds = state.dataset;
  return {
    collaborations: state.collaborations.map((c) => ({
      id: c.id,
      shopId: ds.shops[c.shopIndex]?.id ?? null,
      name: c.name,
      creators: c.creatorIndexes.map((i, slot) => {
        const o = c.outcomes[slot];
        const ids = (positions: readonly number[] = []) => positions.map((p) => c.products[p]?.id ?? '');
        return {
          creatorOpenId: state.creators.encode(i),
          username: ds.creators.usernames[i] ?? '',
          acceptAt: o?.acceptAt ?? null,
          showcasedProductIds: ids(o?.showcased),
          contentAt: o?.contentAt ?? null,
          featuredProductIds: ids(o?.featured),
          sales: (o?.sales ?? []).map((s, n) => ({
            orderId: collaborationOrderId(c, slot, n),
            at: s.at,
            productId: c.products[s.product]?.id ?? '',
            quantity: s.quantity,
            cancelled: s.cancelled,
          })),
        };
      }),
    })),
    replies: [...state.conversations.values()]
      .filter((v) => v.pending.length > 0)
      .map((v) => ({
        conversationId: v.id,
        shopId: ds.shops[v.shopIndex]?.id ?? null,
        creatorOpenId: state.creators.encode(v.creatorIndex),
        at: v.pending.map((p) => p.at),
      })),
  };
}

export function handleAdmin(state: SandboxState, req: SandboxRequest, adminToken: string): Reply {
  if (!authorized(req, adminToken))
    return json(401, { error: 'admin token required (Authorization: Bearer <adminToken>)' });
  const route = `${req.method} ${req.path.replace(/\/+$/, '') || '/'}`;
  const nowSec = state.clock.nowSec();
  switch (route) {
    case 'GET /state': {
      const ds = state.dataset;
      return json(200, {
        scale: ds.scale,
        seed: ds.seed,
        generatedInMs: Math.round(ds.generatedInMs),
        dataStart: ds.startTime,
        dataEnd: ds.endTime,
        /** The deliberately empty order (no line items), for tests that need it. */
        emptyOrderId: encodeId('order', ds.emptyOrderIndex),
        /** Which shop is which, so a test can place and list a shop's orders (`/orders/place`, `/orders`). */
        shops: ds.shops.map((s) => ({ id: s.id, name: s.name, region: s.region, currency: s.currency })),
        counts: {
          shops: ds.shops.length,
          products: ds.products.length,
          orders: ds.orders.count,
          creators: ds.creators.count,
          campaigns: ds.ads.campaigns.length,
          ads: ds.ads.ads.length,
          collaborations: state.collaborations.length,
          sampleApplications: state.samples.length,
          conversations: state.conversations.size,
        },
        clock: state.clock.state(),
        config: state.config,
        faults: state.faults.get(),
        outreachPool: ds.shops.map((s) => ({ shopId: s.id, ...poolStatus(state, s.index, nowSec) })),
      });
    }
    case 'GET /secrets':
      // What a leak would expose: every token and authorization code handed out since start and the app
      // credentials' secrets, so the tests' secret sweep searches for the real values rather than patterns
      // (tests/e2e/secret-sweep.ts).
      return json(200, {
        tokens: state.issuedTokens.all(),
        droppedTokens: state.issuedTokens.dropped,
        codes: state.issuedCodes.all(),
        droppedCodes: state.issuedCodes.dropped,
        appSecrets: {
          shop: state.creds.shop.appSecret,
          ads: state.creds.ads.secret,
          login: state.creds.login.clientSecret,
        },
      });
    case 'GET /outcomes':
      return json(200, outcomes(state));
    case 'GET /requests': {
      const since = countParam(req, 'since', 0);
      const limit = countParam(req, 'limit', 500);
      if (since === null || limit === null) return badRequest('since and limit must be whole numbers ≥ 0');
      return json(200, {
        entries: state.requestLog.filter((e) => e.seq > since).slice(-Math.min(5_000, limit)),
      });
    }
    case 'DELETE /requests':
      state.requestLog = [];
      return json(200, { ok: true });
    case 'GET /writes': {
      const since = countParam(req, 'since', 0);
      if (since === null) return badRequest('since must be a whole number ≥ 0');
      const kind = req.query.get('kind');
      return json(200, {
        entries: state.writes.filter((e) => e.seq > since && (kind === null || e.kind === kind)),
      });
    }
    case 'POST /reset':
      state.reset();
      state.clock.reset();
      return json(200, { ok: true });
    case 'POST /products': {
      const b = bodyOf(req, productPatchBody);
      if (!b.ok) return b.reply;
      const index = decodeId('product', b.value.productId);
      const product = index === null ? undefined : state.productForWrite(index);
      if (!product) return badRequest(`productId: no product ${b.value.productId}`);
      // Every SKU is looked up before anything changes, so a patch naming an unknown one changes nothing.
      const skus = (b.value.skus ?? []).map((patch) => ({
        patch,
        sku: product.skus.find((k) => k.id === patch.id),
      }));
      const unknown = skus.find((s) => s.sku === undefined);
      if (unknown) return badRequest(`skus: no SKU ${unknown.patch.id} in product ${product.id}`);
      if (b.value.status) product.status = b.value.status;
      if (b.value.inPromotion !== undefined) product.inPromotion = b.value.inPromotion;
      if (b.value.title !== undefined) product.title = b.value.title;
      for (const { patch, sku } of skus) {
        if (!sku) continue;
        if (patch.price) sku.price = Number(patch.price).toFixed(2);
        if (patch.sellerSku) sku.sellerSku = patch.sellerSku;
        if (patch.inventory)
          sku.inventory = patch.inventory.map((w) => ({ warehouseId: w.warehouse_id, quantity: w.quantity }));
      }
      product.updateTime = nowSec;
      return json(200, { ok: true });
    }
    case 'POST /orders': {
      const b = bodyOf(req, orderTextsBody);
      if (!b.ok) return b.reply;
      const { orderId, ...texts } = b.value;
      const index = decodeId('order', orderId);
      if (index === null || index >= state.dataset.orders.count)
        return badRequest(`orderId: no order ${orderId}`);
      state.orderTexts.set(index, { ...state.orderTexts.get(index), ...texts });
      return json(200, { ok: true });
    }
    case 'POST /orders/place': {
      const b = bodyOf(req, placeOrderBody);
      if (!b.ok) return b.reply;
      const shop = state.dataset.shops.find((x) => x.id === b.value.shopId);
      if (!shop) return badRequest(`shopId: no shop ${b.value.shopId}`);
      if (b.value.createTime > nowSec)
        return badRequest(`createTime: ${b.value.createTime} is after the sandbox's now (${nowSec})`);
      // Touched a minute after it was placed (paid), never after now: an incremental sync by update time
      // finds it like any order changed since its last run.
      const updateTime = Math.min(nowSec, b.value.createTime + 60);
      const placed = withPlacedOrder(state.dataset, {
        shopIndex: shop.index,
        createTime: b.value.createTime,
        updateTime,
        status: b.value.status,
      });
      state.dataset = placed.dataset;
      return json(200, { ok: true, orderId: encodeId('order', placed.index) });
    }
    case 'GET /orders': {
      // Every order of a shop as the Shop API serves it (the same bytes as Search Orders), oldest first, so a
      // test can sum what the app was served without going through the app.
      const shop = state.dataset.shops.find((x) => x.id === req.query.get('shopId'));
      if (!shop) return badRequest('shopId: no such shop');
      const offset = countParam(req, 'offset', 0);
      const limit = countParam(req, 'limit', ordersPageMax);
      if (offset === null || limit === null) return badRequest('offset and limit must be whole numbers ≥ 0');
      const ds = state.dataset;
      const ids = ds.orders.byCreate[shop.index] ?? new Uint32Array(0);
      const page = ids.subarray(offset, offset + Math.min(limit, ordersPageMax));
      const w = new JsonWriter().raw('{"total":').num(ids.length).raw(',"orders":[');
      page.forEach((i, k) => {
        if (k > 0) w.raw(',');
        writeOrder(w, ds, i, state.orderTexts.get(i));
      });
      return jsonText(200, w.raw(']}').bytes());
    }
    case 'POST /world': {
      const b = bodyOf(req, worldBody);
      if (!b.ok) return b.reply;
      // Two worlds would share positions and handles; a test that wants another one resets first.
      if (state.dataset.creators.count !== state.generated.creators.count)
        return badRequest('a world is already loaded: POST /reset first');
      const loaded = loadWorld(state, worldAt(b.value.seed, b.value.size, nowSec), nowSec);
      // `now` is the instant the world was generated at: `worldAt` with it gives the test the same creators.
      return json(200, { ok: true, now: nowSec, ...loaded });
    }
    case 'POST /messages': {
      // A creator writes in every conversation (or one): hostile message texts for the attack tests.
      const b = bodyOf(req, messageBody);
      if (!b.ok) return b.reply;
      const targets = [...state.conversations.values()].filter(
        (c) => b.value.conversationId === undefined || c.id === b.value.conversationId,
      );
      if (targets.length === 0)
        return badRequest(
          b.value.conversationId === undefined
            ? 'no conversation to write in'
            : `conversationId: no conversation ${b.value.conversationId}`,
        );
      for (const conv of targets) {
        conv.messages.push({
          index: conv.messages.length + 1,
          id: state.newId('message'),
          type: 'TEXT',
          content: JSON.stringify({ content: b.value.text }),
          createTime: nowSec,
          fromCreator: true,
        });
      }
      return json(200, { ok: true, conversations: targets.length });
    }
    case 'GET /faults':
      return json(200, state.faults.get());
    case 'PUT /faults':
    case 'POST /faults': {
      const b = bodyOf(req, faultConfigSchema.strict());
      if (!b.ok) return b.reply;
      state.faults.set(b.value);
      return json(200, state.faults.get());
    }
    case 'DELETE /faults':
      state.faults.clear();
      return json(200, state.faults.get());
    case 'POST /tokens/expire': {
      const b = bodyOf(req, expireBody);
      if (!b.ok) return b.reply;
      if (b.value.token !== undefined && !state.tokens.isMinted(b.value.provider, b.value.token))
        return badRequest(`token: not a ${b.value.provider} token this sandbox issued`);
      state.tokens.expire(b.value.provider, b.value.which, b.value.token);
      return json(200, { ok: true });
    }
    case 'POST /tokens/revoke': {
      const b = bodyOf(req, revokeBody);
      if (!b.ok) return b.reply;
      if (b.value.token !== undefined && !state.tokens.isMinted(b.value.provider, b.value.token))
        return badRequest(`token: not a ${b.value.provider} token this sandbox issued`);
      state.tokens.revoke(b.value.provider, b.value.token);
      return json(200, { ok: true });
    }
    case 'GET /clock':
      return json(200, state.clock.state());
    case 'POST /clock': {
      const b = bodyOf(req, clockBody);
      if (!b.ok) return b.reply;
      const v = b.value;
      if (v.offsetMs !== undefined) state.clock.setOffset(v.offsetMs);
      const advance =
        (v.advanceMs ?? 0) + (v.advanceSec ?? 0) * 1_000 + Math.round((v.advanceDays ?? 0) * 86_400_000);
      if (advance !== 0) state.clock.advance(advance);
      if (v.frozen !== undefined) state.clock.freeze(v.frozen);
      return json(200, state.clock.state());
    }
    case 'GET /config':
      return json(200, state.config);
    case 'PATCH /config':
    case 'POST /config': {
      const b = bodyOf(req, sandboxConfigPatchSchema.strict());
      if (!b.ok) return b.reply;
      const raw = parseJsonBody(req);
      return json(200, state.setConfig(onlyNamed(b.value, raw.ok ? raw.value : null)));
    }
    case 'POST /grant': {
      const b = bodyOf(req, grantBody);
      if (!b.ok) return b.reply;
      const v = b.value;
      if (v.provider === 'shop') return json(200, { code: issueShopCode(state, v.scopes) });
      if (v.provider === 'ads') return json(200, { auth_code: issueAdsCode(state) });
      return json(200, {
        code: issueLoginCode(state, {
          redirectUri: v.redirect_uri,
          codeChallenge: v.code_challenge,
          scopes: v.scopes ?? [...loginScopes],
        }),
      });
    }
    default:
      return json(404, { error: `unknown admin route ${route}` });
  }
}
