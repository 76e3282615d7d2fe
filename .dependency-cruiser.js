/**
 * The import rules of docs/architecture.md ("Layout"), checked by `npm test` (`npm run lint:deps`).
 * A rule here and a row there say the same thing; change both together.
 */
const TEST_CODE = '(\\.spec\\.ts$|/testing/|^test/|^bench/)';

module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment:
        'libs/domain decides plans with pure functions: no framework, no driver, no other lib, no I/O. ' +
        "Node's crypto (hashing) is the one module it may use.",
      severity: 'error',
      from: { path: '^libs/domain/' },
      to: { pathNot: ['^libs/domain/', '^crypto$'] },
    },
    {
      name: 'stores-know-no-framework',
      comment:
        'The store ports and their adapters know drivers, not Nest, projections or HTTP: the Nest modules ' +
        'that pick an adapter live in libs/platform.',
      severity: 'error',
      from: { path: '^libs/(event-store|read-store)/' },
      to: { path: ['^node_modules/@nestjs/', '^node_modules/fastify', '^libs/(projections|platform)/', '^apps/'] },
    },
    {
      name: 'storage-knows-only-drivers',
      comment:
        'libs/storage is what both embedded stores share (the SQLite file, the store-fault error): ' +
        'drivers and Node only, no other lib.',
      severity: 'error',
      from: { path: '^libs/storage/' },
      to: { path: ['^node_modules/@nestjs/', '^node_modules/fastify', '^libs/', '^apps/'], pathNot: '^libs/storage/' },
    },
    {
      name: 'read-store-knows-no-event-store',
      comment: 'The two ports are independent; only the projector joins them.',
      severity: 'error',
      from: { path: '^libs/read-store/' },
      to: { path: '^libs/event-store/' },
    },
    {
      name: 'projections-know-no-framework',
      comment: 'Projections and the projector engine are plain TypeScript over the domain and the two ports.',
      severity: 'error',
      from: { path: '^libs/projections/' },
      to: { path: ['^node_modules/@nestjs/', '^node_modules/fastify', '^libs/platform/', '^apps/'] },
    },
    {
      name: 'application-errors-know-only-the-domain',
      comment:
        'Application errors are plain classes that any layer may throw without knowing HTTP: no framework, ' +
        'no store, and of the domain only its refusals.',
      severity: 'error',
      from: { path: '^libs/application-errors/' },
      to: { pathNot: ['^libs/application-errors/', '^libs/domain/'] },
    },
    {
      name: 'plans-answer-no-http-status',
      comment:
        'HTTP status is decided by the error filter alone: the plans\' code throws application errors, never ' +
        "Nest's HTTP exceptions. Controllers, DTOs and modules are the edge and use Nest freely; the rest " +
        "reaches @nestjs/common only through apps/api/src/plans/nest.ts, which passes on injection and the " +
        'request pipeline and no exception (dependency-cruiser sees modules, not the names imported from them).',
      severity: 'error',
      from: {
        path: '^apps/api/src/plans/',
        pathNot: ['/controllers/', '/dto/', '\\.controller\\.ts$', '\\.dto\\.ts$', '\\.module\\.ts$', '^apps/api/src/plans/nest\\.ts$', '\\.spec\\.ts$'],
      },
      to: { path: '^node_modules/@nestjs/common/' },
    },
    {
      name: 'libs-know-no-app',
      comment: 'Libraries serve both apps; an app is never imported by a library.',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'apps-are-independent',
      comment: 'The API and the projector worker share code through libs only.',
      severity: 'error',
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
    {
      name: 'production-code-uses-no-test-code',
      comment: 'Fixtures, test doubles and contract suites are for specs, test/ and bench/ only.',
      severity: 'error',
      from: { path: '^(apps|libs)/', pathNot: TEST_CODE },
      to: { path: TEST_CODE },
    },
    {
      name: 'production-code-uses-no-dev-dependency',
      comment: 'What the running service imports must be installed by `npm ci --omit=dev` (the Docker image).',
      severity: 'error',
      from: { path: '^(apps|libs)/', pathNot: TEST_CODE },
      to: { dependencyTypes: ['npm-dev'] },
    },
    {
      name: 'dependencies-are-declared',
      comment: 'A package used but not in package.json works only while another package happens to bring it.',
      severity: 'error',
      from: {},
      to: { dependencyTypes: ['npm-no-pkg', 'npm-unknown'] },
    },
    {
      name: 'no-circular',
      comment: 'A cycle makes start-up order and module boundaries accidental.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import that does not resolve is a missing dependency or a typo.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|data)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
