import AxeBuilder from '@axe-core/playwright';
import { type BrowserContext, expect, type Page, test as base } from '@playwright/test';
import { Stack } from './stack';

export { expect };
export { ADMIN, PASSWORD } from './stack';

/**
 * `stack`: the platform for this Playwright worker (started once, shared by its tests; each test
 * seeds what it needs through the API with addresses and names of its own). `baseURL` points the
 * pages at it.
 */
export const test = base.extend<{ browserLog: void }, { stack: Stack }>({
  stack: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern.
    async ({}, provide) => {
      const stack = await Stack.start();
      await provide(stack);
      await stack.stop();
    },
    { scope: 'worker', timeout: 120_000 },
  ],
  baseURL: async ({ stack }, provide) => {
    await provide(stack.baseURL);
  },
  /**
   * What every page of the test did (its navigations, uncaught errors, console errors, failed
   * requests), in the pages of `context` and of the contexts a test makes itself. Kept with a failed
   * test (the summary reporter prints it), so a failure on a CI machine says where each page was.
   */
  browserLog: [
    async ({ browser, context }, provide, testInfo) => {
      const lines: string[] = [];
      const started = Date.now();
      let contexts = 0;
      const watch = (watched: BrowserContext) => {
        const name = `context ${++contexts}`;
        let pages = 0;
        const watchPage = (page: Page) => {
          const who = `${name}, page ${++pages}`;
          const log = (what: string) => lines.push(`${String(Date.now() - started).padStart(6)} ms  ${who}: ${what}`);
          page.on('framenavigated', (frame) => frame === page.mainFrame() && log(`at ${frame.url()}`));
          page.on('pageerror', (error) => log(`uncaught ${error.message}`));
          page.on('console', (message) => message.type() === 'error' && log(`console error ${message.text()}`));
          page.on('requestfailed', (request) =>
            log(`request failed: ${request.method()} ${request.url()} (${request.failure()?.errorText})`),
          );
        };
        watched.pages().forEach(watchPage);
        watched.on('page', watchPage);
      };
      watch(context);
      const newContext = browser.newContext.bind(browser);
      browser.newContext = async (...args) => {
        const made = await newContext(...args);
        watch(made);
        return made;
      };
      await provide();
      browser.newContext = newContext;
      if (testInfo.status !== testInfo.expectedStatus && lines.length)
        await testInfo.attach(BROWSER_LOG, { body: lines.slice(-200).join('\n'), contentType: 'text/plain' });
    },
    { auto: true },
  ],
});

/** The name of a failed test's attachment that holds what its pages did (fixtures' browserLog). */
export const BROWSER_LOG = 'browser log';

/** axe-core on the page as it is now: no serious or critical violations (WCAG 2.x A/AA rules and best practices). */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5),
    }));
  expect(bad, `axe violations on ${page.url()}`).toEqual([]);
}

let unique = 0;
/** An address no other test uses. */
export const newEmail = (who: string) => `${who}-${Date.now().toString(36)}-${unique++}@e2e.example`;

/** The bearer token the app keeps for a reload. */
export const storedToken = (page: Page) => page.evaluate(() => localStorage.getItem('conference.token'));

/**
 * What the app keeps on the device for reading offline (its IndexedDB snapshot store: Apollo's cache,
 * the answer store), as JSON text: '' when there is none yet.
 */
export const offlineCopy = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        const open = indexedDB.open('conference-offline');
        open.onsuccess = () => {
          const get = open.result.transaction('snapshot').objectStore('snapshot').getAll();
          get.onsuccess = () => resolve(JSON.stringify(get.result));
          get.onerror = () => resolve('');
        };
        open.onerror = () => resolve('');
      }),
  );
