import { defineTexts } from '@shared/texts';

/** What the promotion-link channels tell the merchant; translated in `locales/<language>/products.json` under `products.promotionLinks.errors`. */
export const promotionLinkTexts = defineTexts('products.promotionLinks.errors', {
  productNotInShop: 'Product {{productId}} is not a synced product of this shop.',
  answerLost:
    "TikTok's answer to the promotion link request for product {{productId}} was lost twice; try again.",
});
