/// <reference types="vite/client" />
import { mergeCatalogues, type Catalogue } from './merge';

/** The Simplified Chinese catalogue: a chunk of its own, loaded only when Chinese is shown (index.ts). */
export const catalogue: Catalogue = mergeCatalogues(
  import.meta.glob<Catalogue>('./locales/zh-CN/*.json', { eager: true, import: 'default' }),
)['zh-CN'];
