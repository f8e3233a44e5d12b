import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { printSchema } from 'graphql';
import { TestApp } from './test-app';

const ROOT = join(__dirname, '..', '..', '..');
const SCHEMA_FILE = join(ROOT, 'apps/api/schema.graphql');

describe('GraphQL schema', () => {
  let t: TestApp;
  let printed: string;

  beforeAll(async () => {
    t = await TestApp.create();
    printed = printSchema(t.app.get(GraphQLSchemaHost).schema) + '\n';
    // `npm run schema` refreshes the committed file from the running code.
    if (process.env.UPDATE_SCHEMA === '1') writeFileSync(SCHEMA_FILE, printed);
  });
  afterAll(() => t.close());

  // The contract check against it runs in .ci/run, where the contract beside the repository exists.
  it('is the committed apps/api/schema.graphql', () => {
    expect(existsSync(SCHEMA_FILE)).toBe(true);
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(printed);
  });
});
