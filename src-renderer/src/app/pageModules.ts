import { lazy, type ComponentType } from 'react';
import type { Page } from '../navigation/routes';
import { pageLoaders as loaders } from './pageLoaders';

const loaded = new Map<Page, ComponentType>();
const lazyPages = new Map<Page, ComponentType>();

/** Loads a page's chunk ahead of its render (the page a window opens on). */
export function preloadPage(page: Page): Promise<void> {
  return loaders[page]().then((component) => {
    loaded.set(page, component);
  });
}

/**
 * The component of `page`: the page itself when its chunk is in, otherwise a lazy one that loads it. Once a
 * lazy one was handed out it stays the answer, so a page is never remounted (losing its state) when its
 * chunk arrives.
 */
export function pageComponent(page: Page): ComponentType {
  const existing = lazyPages.get(page) ?? loaded.get(page);
  if (existing) return existing;
  const component = lazy(() =>
    loaders[page]().then((c) => {
      loaded.set(page, c);
      return { default: c };
    }),
  );
  lazyPages.set(page, component);
  return component;
}
