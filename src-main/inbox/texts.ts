import { defineTexts } from '@shared/texts';

/** Errors of the inbox, translated in the renderer (locales/<lang>/inbox.json). */
export const inboxTexts = defineTexts('inbox.errors', {
  conversationNotFound: 'That conversation is not in ShopMesh (sync the shop to bring it in).',
  replyKeyReused: 'This reply was already sent with different text; write it again to send it.',
});
