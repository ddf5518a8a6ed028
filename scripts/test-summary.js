#!/usr/bin/env node
// Sums the Jest and Playwright JSON reports into one closing line that CI reads:
//   tests: N passed, N failed, N skipped
// A missing or unreadable report counts as a failure: a runner that crashed ran nothing.
const fs = require('fs');

const [jestReport, playwrightReport] = process.argv.slice(2);

function read(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    console.error(
      `[suite] no readable test report at ${file}: ${error.message}`,
    );
    return undefined;
  }
}

const totals = { passed: 0, failed: 0, skipped: 0 };
let missing = 0;

const jest = read(jestReport);
if (jest) {
  totals.passed += jest.numPassedTests;
  totals.failed += jest.numFailedTests + (jest.numRuntimeErrorTestSuites ?? 0);
  totals.skipped += jest.numPendingTests + jest.numTodoTests;
} else {
  missing += 1;
}

const playwright = read(playwrightReport);
if (playwright) {
  const {
    expected = 0,
    unexpected = 0,
    flaky = 0,
    skipped = 0,
  } = playwright.stats;
  totals.passed += expected + flaky;
  totals.failed += unexpected;
  totals.skipped += skipped;
  // Errors outside any test (the portal did not start, a spec did not compile) fail the
  // run even though no test failed.
  for (const error of playwright.errors ?? []) {
    console.error(
      `[suite] browser tests: ${error.message ?? JSON.stringify(error)}`,
    );
    totals.failed += 1;
  }
} else {
  missing += 1;
}

console.log(
  `tests: ${totals.passed} passed, ${totals.failed + missing} failed, ${
    totals.skipped
  } skipped`,
);
process.exit(totals.failed + missing > 0 ? 1 : 0);
