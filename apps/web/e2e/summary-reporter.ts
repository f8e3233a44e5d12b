import type { FullResult, Reporter, TestCase, TestResult } from '@playwright/test/reporter';
import { BROWSER_LOG } from './fixtures';

/** The browser suite's plain closing line, like the Jest suite's: "browser: N passed, N failed, N skipped". */
export default class SummaryReporter implements Reporter {
  private passed = 0;
  private failed = 0;
  private skipped = 0;
  /** What the pages of each failed test did (fixtures' browserLog), printed at the end. */
  private logs: string[] = [];

  onTestEnd(test: TestCase, result: TestResult): void {
    if (result.retry < test.retries && result.status !== 'passed' && result.status !== 'skipped') return; // retried: count the last try
    if (result.status === 'passed') this.passed++;
    else if (result.status === 'skipped') this.skipped++;
    else this.failed++;
    for (const { name, body } of result.attachments)
      if (name === BROWSER_LOG && body && result.status !== 'passed')
        this.logs.push(
          `\nWhat the pages did in "${test.titlePath().filter(Boolean).join(' › ')}":\n${body.toString()}\n`,
        );
  }

  onEnd(result: FullResult): void {
    for (const log of this.logs) process.stdout.write(log);
    if (result.status !== 'passed' && this.failed === 0) this.failed = 1; // the run itself failed (setup, no browser)
    process.stdout.write(`\nbrowser: ${this.passed} passed, ${this.failed} failed, ${this.skipped} skipped\n`);
  }

  printsToStdio(): boolean {
    return false;
  }
}
