import type { RetiDataProvider } from './dataProvider';

const load = () => import('./dataProvider').then((module) => module.dataProvider);

/**
 * The data provider, whose GraphQL client, API contract and parser load with the first request
 * instead of with the first page. Every method, custom ones included, waits for the module and
 * calls its namesake.
 */
export const lazyDataProvider = new Proxy({} as RetiDataProvider, {
  get: (_target, method) =>
    typeof method === 'string' && method !== 'then'
      ? (...args: unknown[]) => load().then((provider) => (provider[method as keyof RetiDataProvider] as (...a: unknown[]) => unknown)(...args))
      : undefined,
});
