const { relative } = require('node:path');

/** The settings without which the suites of the production stores (EventStoreDB, MongoDB) skip themselves. */
const PRODUCTION_STORE_SETTINGS = ['EVENTSTORE_CONNECTION_STRING', 'MONGODB_URI'];

/**
 * Ends the run with one plain line, "N passed, N failed, N skipped", which CI reads as the test
 * count whatever runner printed the rest (Jest's own summary has another shape). Before it, when
 * suites were skipped, one line names them and the settings that run them: Jest prints nothing of a
 * suite whose every test was skipped, and the skipped suites print nothing of their own.
 */
class PlainSummaryReporter {
  constructor(globalConfig) {
    this.rootDir = globalConfig.rootDir;
  }

  onRunComplete(_contexts, results) {
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    const skipped = results.numPendingTests + results.numTodoTests;
    const skippedSuites = results.testResults
      .filter((suite) => suite.numPendingTests + suite.numTodoTests > 0)
      .map((suite) => relative(this.rootDir, suite.testFilePath))
      .sort();
    if (skippedSuites.length > 0) {
      const unset = PRODUCTION_STORE_SETTINGS.filter((name) => !process.env[name]);
      const why = unset.length > 0 ? `: the production-store suites run when ${unset.join(' and ')} ${unset.length > 1 ? 'are' : 'is'} set (see "Testing against the production stores" in README.md)` : '';
      process.stdout.write(`\nskipped: ${skippedSuites.join(', ')}${why}`);
    }
    process.stdout.write(`\ntests: ${results.numPassedTests} passed, ${failed} failed, ${skipped} skipped\n`);
  }
}

module.exports = PlainSummaryReporter;
