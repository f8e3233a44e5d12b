import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { TestApp } from '@app/testing';
import { printSchema } from 'graphql';

const ROOT = join(__dirname, '..', '..', '..');
const SCHEMA_FILE = join(ROOT, 'apps/api/schema.graphql');
const CONTRACT_CHECK = join(ROOT, '..', 'shared', 'tools', 'contract-check.mjs');

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

  it('is the committed apps/api/schema.graphql', () => {
    expect(existsSync(SCHEMA_FILE)).toBe(true);
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(printed);
  });

  it('contains the whole core contract', () => {
    const run = spawnSync(process.execPath, [CONTRACT_CHECK, SCHEMA_FILE], { cwd: ROOT, encoding: 'utf8' });
    const problems = run.stdout + run.stderr;
    expect({ exit: run.status, problems: run.status === 0 ? '' : problems }).toEqual({ exit: 0, problems: '' });
  });
});
