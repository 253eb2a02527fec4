import { defineTexts } from '@shared/texts';

/** Catalogue texts; translated in `locales/<language>/catalogue.json` under `catalogue.errors`. */
export const catalogueTexts = defineTexts('catalogue.errors', {
  costsNotSaved: 'Costs not saved: {{problems}}',
});
