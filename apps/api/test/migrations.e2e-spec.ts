import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { createTestDatabase, dropTestDatabase, testDatabaseName } from '@app/testing';

const ROOT = join(__dirname, '..', '..', '..');

describe('migrations', () => {
  const name = testDatabaseName(`drift_${randomBytes(3).toString('hex')}`);
  afterAll(() => dropTestDatabase(name));

  it('describe exactly the schema the entities declare (no drift)', async () => {
    const url = await createTestDatabase(name); // a copy of the template: every migration applied
    const run = spawnSync(
      process.execPath,
      [
        '-r',
        'ts-node/register/transpile-only',
        '-r',
        'tsconfig-paths/register',
        'node_modules/typeorm/cli.js',
        'migration:generate',
        '--check',
        '-d',
        'apps/api/src/database/data-source.ts',
        'migrations/Drift',
      ],
      {
        cwd: ROOT,
        env: { ...process.env, MIGRATE_URL: url, TS_NODE_PROJECT: join(ROOT, 'tsconfig.json') },
        encoding: 'utf8',
      },
    );
    const output = `${run.stdout}\n${run.stderr}`;
    expect({ exit: run.status, output: run.status === 0 ? 'no changes' : output }).toEqual({
      exit: 0,
      output: 'no changes',
    });
    expect(output).toContain('No changes in database schema were found');
  });
});
