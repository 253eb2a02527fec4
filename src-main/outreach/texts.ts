import { defineTexts } from '@shared/texts';

/** Errors of the outreach domain (templates, Outreaches), translated in the renderer. */
export const outreachTexts = defineTexts('outreach.errors', {
  shopNotConnected: 'Shop {{shopId}} is not connected through this account.',
  unknownCreators: '{{count}} of the chosen creators are not known to ShopMesh (first: {{first}}).',
  needsCreators: 'Choose at least one creator for this outreach.',
  tooManyCreators: 'An outreach reaches at most {{max}} creators; this choice has {{count}}. Narrow it down.',
  needsProducts: 'An outreach that invites creators needs at least one product.',
  needsSellerEmail: 'An outreach that invites creators needs the seller contact email.',
  needsInvitationTemplate: 'An outreach that invites creators needs an invitation template.',
  needsMessageTemplate: 'An outreach that messages creators needs a message template.',
  followUpsNeedMessage: 'Follow-ups follow a message: choose an outreach that messages creators.',
  followUpNotMessage: 'A follow-up needs a message template, not an invitation template.',
  templatesNotSendable: 'The templates cannot be sent as they are: {{problems}}.',
  invitationEndsInPast: 'The invitation must end in the future.',
  outreachNotFound: 'That outreach does not exist (it may have been deleted).',
  wrongStatus: 'This outreach is {{status}}, so it cannot be {{action}}.',
  templateNotFound: 'That template does not exist (it may have been deleted).',
  templateVariables: 'The template cannot be saved: {{problems}}.',
  templateNameTaken: 'A template named "{{name}}" already exists.',
  templateHasNoImage: 'That template has no picture.',
  imageMissing: 'An image message needs its picture: choose a jpg, png, gif or webp file.',
  imageNotSupported: 'TikTok takes jpg, png, gif or webp pictures; this file is none of them.',
  imageTooLarge: 'TikTok takes pictures of at most {{megabytes}} MB; this one is larger.',
  productCardNeedsProduct: "A product card shows the outreach's first product: choose at least one product.",
  productNotSynced:
    'Product {{productId}} is not among the synced products: sync the shop or choose another.',
  productCardOtherShop:
    'The product card "{{template}}" shows a product of another shop: choose a template for this shop or another product.',
  collaborationCardNeedsInvitation:
    'A collaboration card shows the invitation this outreach sends: choose to invite and message.',
});
