import { defineTexts } from '@shared/texts';

/** What the Products channels tell the merchant; translated in `locales/<language>/products.json` under `products.errors`. */
export const productsTexts = defineTexts('products.errors', {
  notSynced: 'Product {{productId}} is not in the synced data.',
  noPicture: 'Product {{productId}} has no picture {{index}} stored: refresh it from TikTok first.',
});
