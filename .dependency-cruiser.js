/**
 * The import rules of docs/architecture.md ("Layout"), checked by `npm test` (`npm run lint:deps`).
 * A rule here and a row there say the same thing; change both together.
 */
const TEST_CODE = '(\\.spec\\.ts$|/testing/|^test/|^bench/)';
/** Nest and the HTTP server: only libs/platform, the libs' nest/ folders and the apps may import them. */
const FRAMEWORK = ['^node_modules/@nestjs/', '^node_modules/fastify', '^node_modules/@fastify/'];
/** A lib's `src/nest/` folder: the Nest module that joins the lib to the applications. */
const NEST_FOLDER = '^libs/[^/]+/src/nest/';

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
        'The store ports and their adapters know drivers, not Nest, projections or HTTP: the Nest module ' +
        'that picks an adapter is in the lib\'s nest/ folder.',
      severity: 'error',
      from: { path: '^libs/(event-store|read-store)/', pathNot: NEST_FOLDER },
      to: { path: [...FRAMEWORK, '^libs/(projections|platform|application-errors)/', '^apps/'] },
    },
    {
      name: 'store-modules-know-no-projections',
      comment: "A store's Nest module provides the store from the settings; it knows neither the projections nor why requests are refused.",
      severity: 'error',
      from: { path: '^libs/(event-store|read-store)/src/nest/' },
      to: { path: ['^libs/projections/', '^libs/application-errors/'] },
    },
    {
      name: 'storage-knows-only-drivers',
      comment:
        'libs/storage is what both embedded stores share (the SQLite file, the store-fault error): ' +
        'drivers and Node only, no other lib.',
      severity: 'error',
      from: { path: '^libs/storage/' },
      to: { path: [...FRAMEWORK, '^libs/', '^apps/'], pathNot: '^libs/storage/' },
    },
    {
      name: 'read-store-knows-no-event-store',
      comment: 'The two ports are independent; only the projector joins them.',
      severity: 'error',
      from: { path: '^libs/read-store/' },
      to: { path: '^libs/event-store/' },
    },
    {
      name: 'projections-know-only-the-domain-and-the-ports',
      comment:
        'Projections and the projector engine are plain TypeScript over the domain and the two ports: no ' +
        'package, no framework, no platform. Their Nest wiring is in libs/projections/src/nest/.',
      severity: 'error',
      from: { path: '^libs/projections/', pathNot: NEST_FOLDER },
      to: { pathNot: '^libs/(projections|domain|event-store|read-store)/', dependencyTypesNot: ['core'] },
    },
    {
      name: 'nest-folders-are-independent',
      comment:
        "A lib's nest/ folder joins that lib to Nest (with @app/platform's configuration and metrics); the " +
        'applications put the modules together, so one nest/ folder never imports another.',
      severity: 'error',
      from: { path: '^libs/([^/]+)/src/nest/' },
      to: { path: NEST_FOLDER, pathNot: '^libs/$1/src/nest/' },
    },
    {
      name: 'platform-holds-framework-pieces-only',
      comment:
        'libs/platform is configuration, logging, metrics and the HTTP application. Of the other libs it ' +
        'knows only the errors its one error filter answers; the stores, the projections and the Nest ' +
        'modules that wire them are not its business.',
      severity: 'error',
      from: { path: '^libs/platform/' },
      to: {
        path: '^libs/',
        pathNot: [
          '^libs/platform/',
          '^libs/application-errors/',
          '^libs/domain/src/domain-error\\.ts$',
          '^libs/event-store/src/event-store\\.errors\\.ts$',
          '^libs/read-store/src/read-store\\.errors\\.ts$',
          '^libs/storage/src/store-unavailable\\.error\\.ts$',
        ],
      },
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
      name: 'evidence-check-trusts-only-the-hash-chain',
      comment:
        'Auditors run npm run verify-evidence without the service: what it trusts must fit on a page, the ' +
        "domain's hash chain and Node.",
      severity: 'error',
      from: { path: '^scripts/verify-evidence\\.ts$' },
      to: { pathNot: '^libs/domain/src/integrity/', dependencyTypesNot: ['core'] },
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
      name: 'console-reads-only-through-the-api',
      comment:
        'The console runs in the browser and shows only what the /v1 routes answer its caller: it imports ' +
        'no lib, so no read model or rule reaches it but through the API.',
      severity: 'error',
      from: { path: '^apps/console/' },
      to: { path: '^libs/' },
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
