import type { ComponentType } from 'react';
import type { RouteObject } from 'react-router';

/**
 * A route whose page module loads on first visit, so a candidate on a phone downloads the
 * candidate page only, and heavy workspace pages (charts, calendars) load when opened.
 */
export function lazyPage<M extends Record<K, ComponentType>, K extends keyof M & string>(
  load: () => Promise<M>,
  name: K,
): Pick<RouteObject, 'lazy'> {
  return { lazy: async () => ({ Component: (await load())[name] }) };
}
