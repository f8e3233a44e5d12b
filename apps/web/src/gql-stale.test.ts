import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generate } from '@graphql-codegen/cli';
import { describe, expect, it } from 'vitest';
import { codegenConfig } from '../codegen';

/** CI fails when src/gql is not what `npm run codegen` makes from today's schema and documents. */
describe('generated GraphQL types (src/gql)', () => {
  it(
    'are up to date: run `npm run codegen` after changing a graphql() document or the schema',
    { timeout: 60_000 },
    async () => {
      const root = join(__dirname, '..');
      const cwd = process.cwd();
      process.chdir(root);
      try {
        const outputs = await generate({ ...codegenConfig, silent: true, verbose: false }, false);
        expect(outputs.length).toBeGreaterThan(0);
        for (const { filename, content } of outputs) {
          const committed = readFileSync(join(root, filename), 'utf8');
          expect({ filename, content: committed }).toEqual({ filename, content });
        }
      } finally {
        process.chdir(cwd);
      }
    },
  );
});
