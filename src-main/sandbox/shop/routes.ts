import { Router } from '../router';
import { promotionLink, searchAffiliateOrders } from './affiliate';
import {
  collaborationDetail,
  createCollaboration,
  removeCollaboration,
  searchCollaborations,
} from './collaborations';
import type { ShopRoute } from './context';
import { creatorPerformance, searchCreators } from './creators';
import { statements } from './finance';
import {
  createConversation,
  listConversations,
  listMessages,
  markRead,
  newestUnread,
  sendMessage,
  uploadImage,
} from './messages';
import { orderDetail, searchOrders } from './orders';
import { reviewSampleApplication, searchSampleApplications, searchSampleFulfillments } from './samples';
import { updateInventory, updatePrices } from './product-writes';
import { productDetail, searchProducts } from './products';
import { activityDetail, searchActivities } from './promotions';
import { activeShops, authorizedShops } from './shops';

/** Every Shop Open API path the sandbox serves, with the versions the docs list for it. */
export function shopRouter(): Router<ShopRoute> {
  const r = new Router<ShopRoute>();
  const collabRead = 'seller.affiliate_collaboration.read' as const;
  const collabWrite = 'seller.affiliate_collaboration.write' as const;
  const im = 'seller.affiliate_messages.write' as const;
  r.add('GET', '/authorization/{202309}/shops', {
    name: 'authorization.shops',
    scope: 'seller.authorization.info',
    cipher: 'forbidden',
    handler: authorizedShops,
  });
  r.add('GET', '/seller/{202309}/shops', {
    name: 'seller.shops',
    scope: 'seller.authorization.info',
    cipher: 'forbidden',
    handler: activeShops,
  });

  r.add('POST', '/product/{202309|202312|202502}/products/search', {
    name: 'product.search',
    scope: 'seller.product.basic',
    cipher: 'required',
    handler: searchProducts,
  });
  r.add('GET', '/product/{202309}/products/:product_id', {
    name: 'product.detail',
    scope: 'seller.product.basic',
    cipher: 'required',
    handler: productDetail,
  });
  r.add('POST', '/product/{202309}/products/:product_id/prices/update', {
    name: 'product.price',
    scope: 'seller.product.write',
    cipher: 'required',
    handler: updatePrices,
  });
  r.add('POST', '/product/{202309}/products/:product_id/inventory/update', {
    name: 'product.inventory',
    scope: 'seller.product.write',
    cipher: 'required',
    handler: updateInventory,
  });

  r.add('POST', '/promotion/{202309}/activities/search', {
    name: 'promotion.search',
    scope: 'seller.promotion.read',
    cipher: 'required',
    handler: searchActivities,
  });
  r.add('GET', '/promotion/{202309}/activities/:activity_id', {
    name: 'promotion.detail',
    scope: 'seller.promotion.read',
    cipher: 'required',
    handler: activityDetail,
  });

  r.add('POST', '/order/{202309}/orders/search', {
    name: 'order.search',
    scope: 'seller.order.info',
    cipher: 'required',
    handler: searchOrders,
  });
  r.add('GET', '/order/{202309|202507}/orders', {
    name: 'order.detail',
    scope: 'seller.order.info',
    cipher: 'required',
    handler: orderDetail,
  });

  r.add('GET', '/finance/{202309}/statements', {
    name: 'finance.statements',
    scope: 'seller.finance.info',
    cipher: 'required',
    handler: statements,
  });

  r.add('POST', '/affiliate_seller/{202508}/marketplace_creators/search', {
    name: 'affiliate.creator_search',
    scope: 'seller.creator_marketplace.read',
    cipher: 'required',
    dailyQuota: true,
    handler: searchCreators,
  });
  r.add('GET', '/affiliate_seller/{202508}/marketplace_creators/:creator_user_id', {
    name: 'affiliate.creator_performance',
    scope: 'seller.creator_marketplace.read',
    cipher: 'required',
    dailyQuota: true,
    handler: creatorPerformance,
  });
  r.add('POST', '/affiliate_seller/{202508}/sample_applications/search', {
    name: 'affiliate.sample_search',
    scope: collabRead,
    cipher: 'required',
    handler: searchSampleApplications,
  });
  r.add('POST', '/affiliate_seller/{202507}/sample_applications/:application_id/review', {
    name: 'affiliate.sample_review',
    scope: collabWrite,
    cipher: 'required',
    handler: reviewSampleApplication,
  });
  r.add('POST', '/affiliate_seller/{202409}/sample_applications/:application_id/fulfillments/search', {
    name: 'affiliate.sample_fulfillments',
    scope: collabRead,
    cipher: 'required',
    handler: searchSampleFulfillments,
  });
  r.add('POST', '/affiliate_seller/{202508}/target_collaborations', {
    name: 'affiliate.collab_create',
    scope: collabWrite,
    cipher: 'required',
    handler: createCollaboration,
  });
  r.add('POST', '/affiliate_seller/{202508}/target_collaborations/search', {
    name: 'affiliate.collab_search',
    scope: collabRead,
    cipher: 'required',
    handler: searchCollaborations,
  });
  r.add('GET', '/affiliate_seller/{202508}/target_collaborations/:id', {
    name: 'affiliate.collab_detail',
    scope: collabRead,
    cipher: 'required',
    handler: collaborationDetail,
  });
  r.add('DELETE', '/affiliate_seller/{202409}/target_collaborations/:id', {
    name: 'affiliate.collab_remove',
    scope: collabWrite,
    cipher: 'required',
    handler: removeCollaboration,
  });
  r.add('POST', '/affiliate_seller/{202410}/orders/search', {
    name: 'affiliate.orders',
    scope: collabRead,
    cipher: 'required',
    handler: searchAffiliateOrders,
  });
  r.add('POST', '/affiliate_seller/{202405}/products/:product_id/promotion_link/generate', {
    name: 'affiliate.promotion_link',
    scope: collabWrite,
    cipher: 'required',
    handler: promotionLink,
  });

  r.add('POST', '/affiliate_seller/{202508}/conversations', {
    name: 'im.conversation_create',
    scope: im,
    cipher: 'required',
    handler: createConversation,
  });
  r.add('GET', '/affiliate_seller/{202412|202505}/conversations', {
    name: 'im.conversation_list',
    scope: im,
    cipher: 'required',
    handler: listConversations,
  });
  r.add('POST', '/affiliate_seller/{202412}/conversations/:conversation_id/messages', {
    name: 'im.send',
    scope: im,
    cipher: 'required',
    dailyQuota: true,
    handler: sendMessage,
  });
  r.add('POST', '/affiliate_seller/{202511}/images/upload', {
    name: 'im.image_upload',
    scope: im,
    cipher: 'forbidden',
    multipart: true,
    handler: uploadImage,
  });
  // Singular `conversation` and the `conversatons` typo are as documented (docs/tiktok-api/affiliate.md).
  r.add('GET', '/affiliate_seller/{202412}/conversation/:conversation_id/messages', {
    name: 'im.messages',
    scope: im,
    cipher: 'required',
    handler: listMessages,
  });
  r.add('POST', '/affiliate_seller/{202412}/conversatons/read', {
    name: 'im.read',
    scope: im,
    cipher: 'required',
    handler: markRead,
  });
  r.add('POST', '/affiliate_seller/{202412}/conversations/read', {
    name: 'im.read',
    scope: im,
    cipher: 'required',
    handler: markRead,
  });
  r.add('GET', '/affiliate_seller/{202412}/conversations/messages/list/newest', {
    name: 'im.newest',
    scope: im,
    cipher: 'required',
    handler: newestUnread,
  });
  return r;
}
