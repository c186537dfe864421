/** Integration tests run against a real PostgreSQL started once in globalSetup. */
// Transpile only (the type check is `tsc --noEmit` in npm test); decorator metadata is still emitted.
const tsJest = ['ts-jest', { tsconfig: { allowJs: true, esModuleInterop: true, isolatedModules: true } }];
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  // The bench's peer (PostGraphile) installs its own node_modules there; nothing of it is a test.
  modulePathIgnorePatterns: ['<rootDir>/test/bench/peer/'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': tsJest,
    // jose 6 ships only ES modules; compile it to CommonJS like our own code.
    '/node_modules/jose/.+\\.js$': tsJest,
  },
  transformIgnorePatterns: ['/node_modules/(?!jose/)'],
  globalSetup: '<rootDir>/test/helpers/global-setup.ts',
  globalTeardown: '<rootDir>/test/helpers/global-teardown.ts',
  setupFiles: ['reflect-metadata'],
  testTimeout: 60000,
  maxWorkers: 2,
};
