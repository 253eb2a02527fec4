import { defineTexts } from '@shared/texts';

/** What the Orders channels tell the merchant; translated in `locales/<language>/orders.json` under `orders.errors`. */
export const ordersTexts = defineTexts('orders.errors', {
  notSynced: 'Order {{orderId}} is not in the synced data.',
  goneAtTikTok: 'TikTok no longer returns order {{orderId}} for this shop.',
  rangeReversed: 'The date range ends before it starts.',
  viewNameTaken: 'A view named "{{name}}" already exists.',
  viewNotFound: 'This saved view no longer exists.',
});
