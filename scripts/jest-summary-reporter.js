import { writeSync } from 'node:fs';

// Prints one plain closing line, `tests: N passed, N failed, N skipped`, which CI log readers recognise.
// Written at process exit so it is the last line, after Jest's own summary.
export default class SummaryReporter {
  onRunComplete(_contexts, results) {
    const { numPassedTests, numFailedTests, numPendingTests, numTodoTests } = results;
    const line = `tests: ${numPassedTests} passed, ${numFailedTests} failed, ${numPendingTests + numTodoTests} skipped\n`;
    process.once('exit', () => writeSync(1, line));
  }
}
