import type { Config } from 'jest';
import base from './jest.config';

/**
 * `npm run test:coverage`: the whole suite with coverage over every source file of apps and libs,
 * loaded by a test or not (a file no test imports counts as uncovered instead of vanishing from the
 * figures). Left out: tests, barrels, the test harness, the web app (its own workspace and test
 * runner), and the process entry points that only parse argv and call process.exit (they run as
 * separate processes, never inside Jest).
 * Below 85 % of branches the run fails; `npm test` collects nothing and is not affected.
 */
const config: Config = {
  ...base,
  // Compiled with the type checker, as `npm run build` compiles the shipped code. Transpiled file by
  // file (isolatedModules, what `npm test` does for speed), TypeScript cannot tell a class from an
  // interface, so it wraps every decorated parameter and property type in
  // `typeof (_a = typeof X !== "undefined" && X) === "function" ? _a : Object`: branches that exist
  // in no source file, half of them unreachable, counted against resolvers, inputs and entities
  // (4,496 branches counted instead of 2,448). With types the metadata is a plain reference, as in dist/.
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: { isolatedModules: false }, diagnostics: false }] },
  collectCoverage: true,
  coverageDirectory: '<rootDir>/coverage',
  coverageReporters: ['text-summary', 'json-summary', 'lcov'],
  collectCoverageFrom: [
    'apps/**/src/**/*.ts',
    'libs/**/src/**/*.ts',
    '!**/*.spec.ts',
    '!**/*.e2e-spec.ts',
    '!**/index.ts',
    '!libs/testing/**',
    '!apps/web/**', // the browser app: its own workspace, tested by Vitest and Playwright
    '!apps/*/src/main.ts',
    '!apps/api/src/seed/cli.ts',
    '!apps/api/src/database/data-source.ts',
  ],
  coverageThreshold: { global: { branches: 85 } },
};

export default config;
