/// <reference types="vite/client" />
import { mergeCatalogues, type Catalogue } from './merge';

/** The English catalogue: a chunk of its own, loaded only when English is shown (index.ts). */
export const catalogue: Catalogue = mergeCatalogues(
  import.meta.glob<Catalogue>('./locales/en/*.json', { eager: true, import: 'default' }),
).en;
