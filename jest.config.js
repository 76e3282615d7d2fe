/** Type-checking runs once in `npm run typecheck`; ts-jest only transpiles so the suites start fast. */
module.exports = {
  moduleFileExtensions: ['js', 'json', 'ts'],
  rootDir: '.',
  roots: ['<rootDir>/libs', '<rootDir>/apps', '<rootDir>/test', '<rootDir>/bench'],
  testRegex: '.*\\.spec\\.ts$',
  transform: { '^.+\\.ts$': ['ts-jest', { isolatedModules: true, diagnostics: false }] },
  testEnvironment: 'node',
  moduleNameMapper: {
    '^@app/(domain|event-store|read-store|projections|platform)$': '<rootDir>/libs/$1/src',
    '^@app/(domain|event-store|read-store|projections|platform)/(.*)$': '<rootDir>/libs/$1/src/$2',
  },
  testTimeout: 30000,
  maxWorkers: 2,
};
