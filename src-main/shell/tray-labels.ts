import type { Language } from '@shared/settings';

export interface TrayLabels {
  tooltip: string;
  open: string;
  syncNow: string;
  quit: string;
}

/** The tray lives outside the renderer's i18n, so its few strings are translated here. */
export const trayLabels: Readonly<Record<Language, TrayLabels>> = Object.freeze({
  en: { tooltip: 'ShopMesh', open: 'Open', syncNow: 'Sync now', quit: 'Quit' },
  'zh-CN': { tooltip: 'ShopMesh', open: '打开', syncNow: '立即同步', quit: '退出' },
});

export function labelsFor(language: Language): TrayLabels {
  return trayLabels[language] ?? trayLabels.en;
}
