import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test as base } from '@playwright/test';
import { Stack } from './stack';

export { expect };
export { ADMIN, PASSWORD } from './stack';

/**
 * `stack`: the platform for this Playwright worker (started once, shared by its tests; each test
 * seeds what it needs through the API with addresses and names of its own). `baseURL` points the
 * pages at it.
 */
export const test = base.extend<object, { stack: Stack }>({
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
});

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
