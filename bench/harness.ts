import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { DataSource } from 'typeorm';

export type LoadResult = {
  requestsPerSec: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  errors: number;
  non2xx: number;
};

export interface BenchContext {
  url: string;
  db: DataSource;
  /** The full-scale edition. */
  editionId: string;
  gql<T = any>(query: string, variables?: Record<string, unknown>, token?: string): Promise<{ data: T; sqlQueries: number }>;
  load(options: { path?: string; body?: unknown; requests?: autocannon.Request[]; connections?: number; durationSec?: number; token?: string; headers?: Record<string, string> }): Promise<LoadResult>;
}

export interface Scenario {
  name: string;
  run(ctx: BenchContext): Promise<Record<string, unknown>>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** Runs the built API as its own process, like production, with the query counter and the ceiling on. */
export async function startApi(port: number, env: Record<string, string> = {}): Promise<ChildProcess> {
  const child = spawn(process.execPath, [join(__dirname, '..', 'apps', 'api', 'src', 'main.js')], {
    env: { ...process.env, PORT: String(port), LOG_LEVEL: 'warn', EXPOSE_QUERY_COUNT: 'true', BENCH_CEILING: 'true', LOGIN_LIMIT_PER_IP: '1000000', LOGIN_LIMIT_PER_EMAIL: '1000000', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`API exited with ${child.exitCode}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/health`)).ok) return child;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill();
  throw new Error('API did not become healthy within 60 s');
}

export function context(url: string, db: DataSource, editionId: string): BenchContext {
  return {
    url,
    db,
    editionId,
    async gql(query, variables = {}, token) {
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json()) as { data: any; errors?: unknown[] };
      if (body.errors) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors).slice(0, 500)}`);
      return { data: body.data, sqlQueries: Number(res.headers.get('x-sql-queries')) };
    },
    async load({ path = '/graphql', body, requests, connections = 50, durationSec = 10, token, headers = {} }) {
      const result = await autocannon({
        url: `${url}${path}`,
        method: body || requests ? 'POST' : 'GET',
        connections,
        duration: durationSec,
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
        requests,
      });
      return {
        requestsPerSec: Math.round(result.requests.average),
        p50Ms: result.latency.p50,
        p99Ms: result.latency.p99,
        requests: result.requests.total,
        errors: result.errors + result.timeouts,
        non2xx: result.non2xx,
      };
    },
  };
}
