/** The reporter is plain JavaScript, as Jest loads it without transpiling. */
const PlainSummaryReporter = require('./plain-summary-reporter');

interface SuiteResult {
  testFilePath: string;
  numPendingTests: number;
  numTodoTests: number;
}

/** What the reporter prints at the end of a run of these suites, with these settings. */
function summaryOf(suites: SuiteResult[], env: Record<string, string>): string {
  const printed: string[] = [];
  const write = jest.spyOn(process.stdout, 'write').mockImplementation((text) => printed.push(String(text)) > 0);
  const saved = { EVENTSTORE_CONNECTION_STRING: process.env.EVENTSTORE_CONNECTION_STRING, MONGODB_URI: process.env.MONGODB_URI };
  delete process.env.EVENTSTORE_CONNECTION_STRING;
  delete process.env.MONGODB_URI;
  Object.assign(process.env, env);
  try {
    const skipped = suites.reduce((sum, suite) => sum + suite.numPendingTests, 0);
    new PlainSummaryReporter({ rootDir: '/repo' }).onRunComplete(new Set(), {
      numPassedTests: 40,
      numFailedTests: 0,
      numRuntimeErrorTestSuites: 0,
      numPendingTests: skipped,
      numTodoTests: 0,
      testResults: suites,
    });
  } finally {
    write.mockRestore();
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
  return printed.join('');
}

const suite = (path: string, skipped: number): SuiteResult => ({ testFilePath: `/repo/${path}`, numPendingTests: skipped, numTodoTests: 0 });

describe('the plain summary at the end of a test run', () => {
  it('names the skipped production-store suites and the settings that run them, then ends with the count CI reads', () => {
    const summary = summaryOf([suite('libs/a.spec.ts', 0), suite('test/contract/event-store.eventstoredb.spec.ts', 1), suite('test/e2e/production-stores.e2e.spec.ts', 1)], {});
    expect(summary).toBe(
      '\nskipped: test/contract/event-store.eventstoredb.spec.ts, test/e2e/production-stores.e2e.spec.ts: ' +
        'the production-store suites run when EVENTSTORE_CONNECTION_STRING and MONGODB_URI are set (see "Testing against the production stores" in README.md)' +
        '\ntests: 40 passed, 0 failed, 2 skipped\n',
    );
  });

  it('names only the settings still missing', () => {
    const summary = summaryOf([suite('test/contract/event-store.eventstoredb.spec.ts', 1)], { MONGODB_URI: 'mongodb://127.0.0.1:1/x' });
    expect(summary).toContain('run when EVENTSTORE_CONNECTION_STRING is set');
  });

  it('is the count alone when nothing was skipped', () => {
    expect(summaryOf([suite('libs/a.spec.ts', 0)], {})).toBe('\ntests: 40 passed, 0 failed, 0 skipped\n');
  });
});
