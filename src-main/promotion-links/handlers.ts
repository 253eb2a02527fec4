import type { promotionLinksSlice } from '@shared/channels/promotion-links';
import type { HandlersFor } from '../ipc/router';
import type { PromotionLinks } from './service';

export function promotionLinksHandlers(links: PromotionLinks): HandlersFor<typeof promotionLinksSlice> {
  return {
    'promotionLinks:get': (input) => ({ links: links.get(input.shopId, input.productIds) }),
    'promotionLinks:generate': (input) => links.generate(input),
  };
}
