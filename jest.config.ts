import type { Config } from 'jest';
import { pathsToModuleNameMapper } from 'ts-jest';
import { compilerOptions } from './tsconfig.base.json';

const config: Config = {
  rootDir: '.',
  roots: ['<rootDir>/apps', '<rootDir>/libs'],
  // Unit (*.spec.ts), service-level on real PostgreSQL (libs/*/test/*.service-spec.ts), API end to end (*.e2e-spec.ts).
  testRegex: '.*\\.(spec|service-spec|e2e-spec)\\.ts$',
  // The web app has its own runners (Vitest, Playwright).
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/apps/web/'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json', diagnostics: false }],
  },
  moduleNameMapper: pathsToModuleNameMapper(compilerOptions.paths, { prefix: '<rootDir>/' }),
  testEnvironment: 'node',
  globalSetup: '<rootDir>/libs/testing/src/global-setup.ts',
  globalTeardown: '<rootDir>/libs/testing/src/global-teardown.ts',
  reporters: ['default', '<rootDir>/libs/testing/src/summary-reporter.js'],
  maxWorkers: 2,
  testTimeout: 60_000,
};

export default config;
