import { timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { onlyNamed, sandboxConfigPatchSchema } from './config';
import { faultConfigSchema } from './faults';
import { header, json, parseJsonBody, type Reply, type SandboxRequest } from './http';
import { decodeId, encodeId } from './ids';
import { issueAdsCode } from './ads/auth';
import { issueLoginCode, loginScopes } from './login/oauth';
import { issueShopCode } from './shop/auth';
import { collaborationOrderId } from './shop/collaboration-orders';
import { poolStatus } from './shop/outreach';
import { shopScopes } from './shop/scopes';
import type { SandboxState } from './state';

/**
 * Test controls, on their own path and guarded by the sandbox's admin token (never by TikTok credentials):
 * request log, accepted writes, reset, faults, token expiry/revocation, clock, limits, code issuing, and the
 * secrets it handed out (for the tests' secret sweep).
 */

const provider = z.enum(['shop', 'ads', 'login']);
const expireBody = z.object({
  provider,
  which: z.enum(['access', 'refresh', 'both']).default('access'),
  token: z.string().optional(),
});
const revokeBody = z.object({ provider, token: z.string().optional() });
const clockBody = z.object({
  offsetMs: z.number().int().optional(),
  advanceMs: z.number().int().optional(),
  advanceSec: z.number().int().optional(),
  advanceDays: z.number().optional(),
  frozen: z.boolean().optional(),
});
const grantBody = z.discriminatedUnion('provider', [
  z.object({ provider: z.literal('shop'), scopes: z.array(z.enum(shopScopes)).optional() }),
  z.object({ provider: z.literal('ads') }),
  z.object({
    provider: z.literal('login'),
    redirect_uri: z.string(),
    code_challenge: z.string(),
    scopes: z.array(z.enum(loginScopes)).optional(),
  }),
]);

/** A change made "in Seller Center": it reaches the product but not the write log. */
const productPatchBody = z.object({
  productId: z.string(),
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
      z.object({
        id: z.string(),
        sellerSku: z.string().min(1).max(200).optional(),
        price: z
          .string()
          .regex(/^\d+(\.\d{1,2})?$/)
          .optional(),
        inventory: z
          .array(z.object({ warehouse_id: z.string(), quantity: z.number().int().min(0) }))
          .optional(),
      }),
    )
    .optional(),
});

const messageBody = z.object({ text: z.string().min(1).max(2000), conversationId: z.string().optional() });

function authorized(req: SandboxRequest, token: string): boolean {
  const auth = header(req, 'authorization') ?? '';
  const given = auth.startsWith('Bearer ') ? auth.slice(7) : (header(req, 'x-admin-token') ?? '');
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function bodyOf<T extends z.ZodType>(
  req: SandboxRequest,
  schema: T,
): { ok: true; value: z.infer<T> } | { ok: false; reply: Reply } {
  const parsed = parseJsonBody(req);
  if (!parsed.ok) return { ok: false, reply: json(400, { error: 'body must be JSON' }) };
  const result = schema.safeParse(parsed.value ?? {});
  if (!result.success)
    return { ok: false, reply: json(400, { error: 'invalid body', issues: result.error.issues }) };
  return { ok: true, value: result.data };
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
      // What a leak would expose: every token minted since start and the app credentials' secrets, so the
      // tests' secret sweep searches for the real values rather than patterns (tests/e2e/secret-sweep.ts).
      return json(200, {
        tokens: state.issuedTokens.all(),
        droppedTokens: state.issuedTokens.dropped,
        appSecrets: {
          shop: state.creds.shop.appSecret,
          ads: state.creds.ads.secret,
          login: state.creds.login.clientSecret,
        },
      });
    case 'GET /outcomes':
      return json(200, outcomes(state));
    case 'GET /requests': {
      const since = Number(req.query.get('since') ?? 0);
      const limit = Math.min(5_000, Number(req.query.get('limit') ?? 500));
      return json(200, { entries: state.requestLog.filter((e) => e.seq > since).slice(-limit) });
    }
    case 'DELETE /requests':
      state.requestLog = [];
      return json(200, { ok: true });
    case 'GET /writes': {
      const since = Number(req.query.get('since') ?? 0);
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
      if (!product) return json(404, { error: `no product ${b.value.productId}` });
      if (b.value.status) product.status = b.value.status;
      if (b.value.inPromotion !== undefined) product.inPromotion = b.value.inPromotion;
      if (b.value.title !== undefined) product.title = b.value.title;
      for (const patch of b.value.skus ?? []) {
        const sku = product.skus.find((k) => k.id === patch.id);
        if (!sku) return json(404, { error: `no SKU ${patch.id} in ${product.id}` });
        if (patch.price) sku.price = Number(patch.price).toFixed(2);
        if (patch.sellerSku) sku.sellerSku = patch.sellerSku;
        if (patch.inventory)
          sku.inventory = patch.inventory.map((w) => ({ warehouseId: w.warehouse_id, quantity: w.quantity }));
      }
      product.updateTime = nowSec;
      return json(200, { ok: true });
    }
    case 'POST /messages': {
      // A creator writes in every conversation (or one): hostile message texts for the attack tests.
      const b = bodyOf(req, messageBody);
      if (!b.ok) return b.reply;
      const targets = [...state.conversations.values()].filter(
        (c) => b.value.conversationId === undefined || c.id === b.value.conversationId,
      );
      if (targets.length === 0) return json(404, { error: 'no such conversation' });
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
      const b = bodyOf(req, faultConfigSchema);
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
      state.tokens.expire(b.value.provider, b.value.which, b.value.token);
      return json(200, { ok: true });
    }
    case 'POST /tokens/revoke': {
      const b = bodyOf(req, revokeBody);
      if (!b.ok) return b.reply;
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
      const b = bodyOf(req, sandboxConfigPatchSchema);
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
