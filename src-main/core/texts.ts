import { defineTexts } from '@shared/texts';

/** Texts of the core helpers; translated in `locales/<language>/tiktok.json` (amounts come from TikTok). */
export const coreTexts = defineTexts('tiktok.amounts', {
  notDecimal: 'Amount "{{value}}" is not a decimal number',
  tooLarge: 'Amount "{{value}}" is too large',
});
