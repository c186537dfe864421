import { newTenant, startTestApp, TestApp } from './app';
import { referenceIds, ReferenceIds } from './factories';

/**
 * A value made by a beforeAll hook that a test file can name at its top level: it stands for the
 * value and reads through to it once the hook has run (until then, a read throws saying so).
 */
export function later<T extends object>(what: string, get: () => T | undefined): T {
  const value = (key: PropertyKey): T => {
    const current = get();
    if (current === undefined) throw new Error(`${what} is not ready yet (read ${String(key)} outside a test or hook)`);
    return current;
  };
  return new Proxy({} as T, {
    get(_, key) {
      const target = value(key);
      const property = Reflect.get(target, key);
      return typeof property === 'function' ? property.bind(target) : property;
    },
    has: (_, key) => Reflect.has(value(key), key),
    ownKeys: () => Reflect.ownKeys(value('its keys')),
    getOwnPropertyDescriptor(_, key) {
      const descriptor = Reflect.getOwnPropertyDescriptor(value(key), key);
      return descriptor && { ...descriptor, configurable: true };
    },
  });
}

export interface TenantFixture {
  /** The real app on the test database, connected as the app role. */
  t: TestApp;
  /** The ids of the shared reference data (fund sources, measures, municipalities, …). */
  ref: ReferenceIds;
  /** A tenant of the file's own, with its editor and analyst principals. */
  tenant: Awaited<ReturnType<typeof newTenant>>;
}

/**
 * The fixture of the rule and API tests: the app started before the file's tests and closed after
 * them, the reference ids, and a fresh tenant. Call it at the top level:
 *
 *   const { t, ref, tenant } = useTenantApp();
 */
export function useTenantApp(): TenantFixture {
  let fixture: TenantFixture | undefined;
  beforeAll(async () => {
    const t = await startTestApp();
    fixture = { t, ref: await referenceIds(t), tenant: await newTenant(t) };
  });
  afterAll(() => fixture?.t.close());
  return {
    t: later('useTenantApp: the app', () => fixture?.t),
    ref: later('useTenantApp: the reference ids', () => fixture?.ref),
    tenant: later('useTenantApp: the tenant', () => fixture?.tenant),
  };
}
