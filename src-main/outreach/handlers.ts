import type { outreachSlice } from '@shared/channels/outreach';
import type { HandlersFor } from '../ipc/router';
import type { OutreachInput } from '@shared/outreach';
import type { OutreachService } from './service';

/**
 * `links`: generates the promotion links an Outreach's texts need before it is planned or created
 * (docs/promotion-links.md, "In templates").
 */
export function outreachHandlers(
  outreach: OutreachService,
  links?: { ensure(shopId: string, productIds: readonly string[]): Promise<unknown> },
): HandlersFor<typeof outreachSlice> {
  const withLinks = async (input: OutreachInput): Promise<void> => {
    if (!links || input.values.promotionLink !== undefined || input.products.length === 0) return;
    if (!outreach.usesPromotionLink(input)) return;
    await links.ensure(
      input.shopId,
      input.products.map((p) => p.productId),
    );
  };
  return {
    'templates:list': () => ({ templates: outreach.templates.list() }),
    'templates:save': (input) => outreach.templates.save(input),
    'templates:delete': (input) => {
      outreach.templates.remove(input.id);
      return { ok: true as const };
    },
    'templates:image': (input) => outreach.templates.image(input.id),
    'templates:preview': (input) => outreach.preview(input),
    'outreach:plan': async (input) => {
      await withLinks(input);
      return outreach.plan(input);
    },
    'outreach:create': async (input) => {
      await withLinks(input);
      return outreach.create(input);
    },
    'outreach:start': (input) => outreach.start(input.id),
    'outreach:pause': (input) => outreach.pause(input.id),
    'outreach:pauseAll': () => ({ paused: outreach.pauseAll() }),
    'outreach:resume': (input) => outreach.resume(input.id),
    'outreach:cancel': (input) => outreach.cancel(input.id),
    'outreach:retryFailed': (input) => outreach.retryFailed(input.id),
    'outreach:get': (input) => outreach.get(input.id),
    'outreach:list': (input) => ({ outreaches: outreach.list(input) }),
    'outreach:deliveries': (input) => outreach.deliveries(input),
  };
}
