/**
 * Type-checking runs once in `npm run typecheck`; ts-jest only transpiles (`isolatedModules`, over
 * tsconfig.json's options) so the suites start fast.
 * `content-disposition` (under @fastify/static, which serves /docs) ships only as ES modules, which
 * Jest on Node 20 cannot require, so it alone is transpiled from node_modules.
 */
module.exports = {
  moduleFileExtensions: ['js', 'json', 'ts'],
  rootDir: '.',
  roots: ['<rootDir>/libs', '<rootDir>/apps', '<rootDir>/test', '<rootDir>/bench'],
  testRegex: '.*\\.spec\\.ts$',
  transform: {
    '^.+\\.ts$': ['ts-jest', { diagnostics: false, tsconfig: { isolatedModules: true } }],
    '/node_modules/content-disposition/.+\\.js$': [
      'ts-jest',
      { diagnostics: false, tsconfig: { isolatedModules: true, allowJs: true, module: 'commonjs' } },
    ],
  },
  transformIgnorePatterns: ['/node_modules/(?!content-disposition/)'],
  testEnvironment: 'node',
  moduleNameMapper: {
    '^@app/(domain|event-store|read-store|projections|platform|storage|application-errors)$': '<rootDir>/libs/$1/src',
    '^@app/(domain|event-store|read-store|projections|platform|storage|application-errors)/(.*)$': '<rootDir>/libs/$1/src/$2',
  },
  reporters: ['default', '<rootDir>/test/support/plain-summary-reporter.js'],
  testTimeout: 30000,
  maxWorkers: 2,
};
