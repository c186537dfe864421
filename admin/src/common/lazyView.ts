import { ComponentType, lazy } from 'react';

/**
 * A screen loaded the first time it is shown, so that the first page does not carry every
 * resource's screens (Vite gives each dynamic import its own chunk). Layout's Suspense shows
 * react-admin's loader meanwhile.
 */
export const lazyView = <K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) =>
  lazy(() => load().then((module) => ({ default: module[name] })));
