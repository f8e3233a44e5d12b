import { defineConfig } from '@playwright/test';
import base from './playwright.config';

/** `npm run screenshots`: the pages at phone and desktop sizes, into docs/screenshots/ (committed, linked from the README). */
export default defineConfig({
  ...base,
  testMatch: '**/*.screenshots.ts',
  timeout: 120_000,
});
