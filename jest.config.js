/** Integration tests run against a real PostgreSQL started once in globalSetup. */
// Transpile only (the type check is `tsc --noEmit` in npm test); decorator metadata is still emitted.
const tsJest = ['ts-jest', { tsconfig: { allowJs: true, esModuleInterop: true, isolatedModules: true } }];
const ESM_ONLY = '(jose|openid-client|oauth4webapi|oidc-provider)';
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  // The bench's peer (PostGraphile) installs its own node_modules there; nothing of it is a test.
  modulePathIgnorePatterns: ['<rootDir>/test/bench/peer/'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': tsJest,
    // jose 6, openid-client 6, oauth4webapi and oidc-provider 9 ship only ES modules; compile them
    // to CommonJS like our own code (the compiled server loads them with Node's require of ES modules).
    [`/node_modules/${ESM_ONLY}/.+\\.js$`]: tsJest,
    // The console reads schema.graphql as text (Vite's `?raw`); its query builder is tested as it ships.
    '\\.graphql$': '<rootDir>/test/helpers/raw-text-transform.js',
  },
  // react-admin re-exports its data-provider fetch types from ra-core; its UI half does not load under jest.
  moduleNameMapper: { '^(.+\\.graphql)\\?raw$': '$1', '^react-admin$': 'ra-core' },
  transformIgnorePatterns: [`/node_modules/(?!${ESM_ONLY}/)`],
  globalSetup: '<rootDir>/test/helpers/global-setup.ts',
  globalTeardown: '<rootDir>/test/helpers/global-teardown.ts',
  setupFiles: ['reflect-metadata'],
  testTimeout: 60000,
  maxWorkers: 2,
};
