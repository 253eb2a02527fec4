import type { Theme } from '@shared/settings';

const darkQuery = '(prefers-color-scheme: dark)';

/** Applies the theme to <html> and, for `system`, keeps following the OS; returns the stop function. */
export function applyTheme(theme: Theme): () => void {
  const root = document.documentElement;
  if (theme !== 'system') {
    root.dataset.theme = theme;
    return () => {};
  }
  const media = window.matchMedia(darkQuery);
  const update = () => {
    root.dataset.theme = media.matches ? 'dark' : 'light';
  };
  update();
  media.addEventListener('change', update);
  return () => media.removeEventListener('change', update);
}
