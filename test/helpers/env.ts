export const TEST_APP_PASSWORD = 'reti_app_test';
export const TEST_ADMIN_PASSWORD = 'reti_admin_test_password_of_32_characters_at_least';
export const TEST_RECIPIENT_KEY = new TextEncoder().encode('test-key-for-hashing-recipients-tax-codes-0123');
export const TEST_JWT_SECRET = new TextEncoder().encode('test-secret-for-signing-access-tokens-0123456789');

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is set by jest's global setup; run the tests with npm test`);
  return value;
}

/** Connection URLs prepared by global-setup.ts: the server, its owner (migrations), the app role and the administrators' role. */
export const testUrls = {
  server: () => required('RETI_TEST_SERVER_URL'),
  owner: () => required('RETI_TEST_OWNER_URL'),
  app: () => required('RETI_TEST_APP_URL'),
  admin: () => required('RETI_TEST_ADMIN_URL'),
};
