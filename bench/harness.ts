import { ChildProcess, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { connect, createServer, Socket } from 'node:net';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { JwtService } from '@nestjs/jwt';
import autocannon from 'autocannon';
import { DataSource } from 'typeorm';

export type LoadResult = {
  requestsPerSec: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  errors: number;
  non2xx: number;
  /** Where the measured requests' CPU went (closed loops given the API's pid; Linux only). */
  cpu?: CpuUse;
};

export interface CpuUse {
  /** CPU time of the API process per request, user and system (µs). */
  apiUsPerRequest: number;
  /** CPU time of all PostgreSQL processes per request (µs). */
  dbUsPerRequest: number;
  /** Share of the machine's CPU in use, and the share the hypervisor took from it (steal). */
  machineBusyPct: number;
  stealPct: number;
}

export interface BenchContext {
  /** The API under load (as in production: no query counting). */
  url: string;
  /** The ceiling's server (bench/ceiling-server.ts): a bare Apollo resolver on the same stack, in its own process. */
  ceilingUrl: string;
  /** Its process id, for CPU accounting. */
  apiPid: number;
  db: DataSource;
  /** The full-scale edition. */
  editionId: string;
  /** The ceiling scenario's requests/s in this run, once it has run. */
  ceilingPerSec?: number;
  /** One request to a second API instance that counts SQL statements per request (samples, setup). */
  gql<T = unknown>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
  ): Promise<{ data: T; sqlQueries: number }>;
  /** One request to the API under load (for timing a single call). */
  call<T = unknown>(query: string, variables?: Record<string, unknown>, token?: string): Promise<{ data: T }>;
  /**
   * A bearer token of a verified account with this email, signed like a login's (the bench acts as
   * many people at once): the account is written directly when missing (no password can sign in to it).
   */
  tokenFor(email: string): Promise<string>;
  /** autocannon: the same request from every connection. With `cpu`, also the CPU the API and PostgreSQL spent per request. */
  load(options: {
    base?: string;
    path?: string;
    body?: unknown;
    requests?: autocannon.Request[];
    connections?: number;
    durationSec?: number;
    token?: string;
    headers?: Record<string, string>;
    cpu?: boolean;
  }): Promise<LoadResult>;
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

/**
 * Runs the built API as its own process, like production. Query counting
 * (EXPOSE_QUERY_COUNT) costs every request an AsyncLocalStorage, so the bench counts on a second
 * instance and loads this one without it.
 */
export async function startApi(port: number, env: Record<string, string> = {}): Promise<ChildProcess> {
  // API_NODE_ARGS passes flags to the API's node, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" to see where a scenario's time goes.
  const nodeArgs = process.env.API_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...nodeArgs, join(__dirname, '..', 'apps', 'api', 'src', 'main.js')], {
    env: {
      ...process.env,
      PORT: String(port),
      LOG_LEVEL: 'warn',
      EXPOSE_QUERY_COUNT: 'false',
      LOGIN_LIMIT_PER_IP: '1000000',
      LOGIN_LIMIT_PER_EMAIL: '1000000',
      ...env,
    },
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

/** Runs a built script as its own process; resolves once it prints `ready` (`what ready`). */
async function startReady(what: string, script: string, env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, [script], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} did not become ready within 60 s`)), 60_000);
    child.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes(`${what} ready`)) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => reject(new Error(`${what} exited with ${code}`)));
  });
  return child;
}

/** Runs the built worker as its own process; resolves when it is ready. */
export function startWorker(env: Record<string, string> = {}): Promise<ChildProcess> {
  return startReady('worker', join(__dirname, '..', 'apps', 'worker', 'src', 'main.js'), env);
}

/** Runs the ceiling's server (ceiling-server.ts) as its own process on a port; resolves when it listens. */
export function startCeiling(port: number, env: Record<string, string> = {}): Promise<ChildProcess> {
  return startReady('ceiling', join(__dirname, 'ceiling-server.js'), { PORT: String(port), ...env });
}

async function post<T>(url: string, query: string, variables: Record<string, unknown>, token?: string) {
  const { body, headers } = await exchangeJson<{ data: T; errors?: unknown[] }>(
    `${url}/graphql`,
    { query, variables },
    token ? { authorization: `Bearer ${token}` } : {},
  );
  if (body.errors) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors).slice(0, 500)}`);
  return { data: body.data, sqlQueries: Number(headers['x-sql-queries']) };
}

export function context(
  url: string,
  apiPid: number,
  countingUrl: string,
  ceilingUrl: string,
  db: DataSource,
  editionId: string,
  jwtSecret: string,
): BenchContext {
  const jwt = new JwtService({ secret: jwtSecret, signOptions: { algorithm: 'HS256', expiresIn: 3600 } });
  return {
    url,
    ceilingUrl,
    apiPid,
    db,
    editionId,
    async tokenFor(email) {
      const [row]: { id: string; token_version: number }[] = await db.query(
        `INSERT INTO "user" (email, name, password_hash, email_verified) VALUES ($1, 'Bench Person', '!', true)
           ON CONFLICT (email) WHERE email_verified DO UPDATE SET name = "user".name RETURNING id, token_version`,
        [email.toLowerCase()],
      );
      return jwt.sign({ sub: row.id, ver: row.token_version });
    },
    gql: (query, variables = {}, token) => post(countingUrl, query, variables, token),
    call: (query, variables = {}, token) => post(url, query, variables, token),
    async load({
      base = url,
      path = '/graphql',
      body,
      requests,
      connections = 50,
      durationSec = 10,
      token,
      headers = {},
      cpu = false,
    }) {
      const cpuFrom = cpu ? cpuSnapshot(apiPid, postgresPids()) : undefined;
      const result = await autocannon({
        url: `${base}${path}`,
        method: body || requests ? 'POST' : 'GET',
        connections,
        duration: durationSec,
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...headers,
        },
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
        ...(cpuFrom ? { cpu: cpuUse(cpuFrom, cpuSnapshot(apiPid, postgresPids()), result.requests.total) } : {}),
      };
    },
  };
}

/**
 * Runs `clients` loops side by side, each calling `step(client)` back to back, and measures every
 * call that starts in the `durationSec` after a one-second warm-up: for work where each client is a
 * different person (autocannon sends the same request from every connection). The warm-up's calls
 * (new connections, the first calls down a path, caches filling) are made but not counted, as in
 * any steady-state measurement. Given the API's pid, it also tells the CPU the measured calls cost.
 */
export async function clientsLoad(
  clients: number,
  durationSec: number,
  step: (client: number) => Promise<boolean>,
  apiPid?: number,
): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  const from = performance.now() + WARM_UP_MS;
  const until = from + durationSec * 1000;
  // PostgreSQL's processes are looked up halfway through the warm-up, and again once the loops
  // are done (connections opened meanwhile), never while measured calls are running.
  let dbPids: string[] = [];
  let cpuFrom: CpuSnapshot | undefined;
  const timers =
    apiPid === undefined
      ? []
      : [
          setTimeout(() => (dbPids = postgresPids()), WARM_UP_MS / 2),
          setTimeout(() => (cpuFrom = cpuSnapshot(apiPid, dbPids)), WARM_UP_MS),
        ];
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      for (let t0 = performance.now(); t0 < until; t0 = performance.now()) {
        const ok = await step(client).catch(() => false);
        if (t0 < from) continue;
        latencies.push(performance.now() - t0);
        if (!ok) errors++;
      }
    }),
  );
  timers.forEach(clearTimeout);
  const result = summarize(latencies, errors, durationSec * 1000);
  return apiPid !== undefined && cpuFrom
    ? { ...result, cpu: cpuUse(cpuFrom, cpuSnapshot(apiPid, postgresPids()), latencies.length) }
    : result;
}

interface CpuSnapshot {
  apiTicks: number;
  /** Clock ticks of each PostgreSQL process. */
  db: Map<string, number>;
  /** /proc/stat's first line: user nice system idle iowait irq softirq steal ... */
  machine: number[];
}

/** User and system clock ticks of a process (0 once it is gone). */
function processTicks(pid: number | string): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15 of stat)
  } catch {
    return 0;
  }
}

/** PostgreSQL's processes (server and backends, the API's pool connections among them). */
function postgresPids(): string[] {
  return readdirSync('/proc').filter((pid) => {
    try {
      return /^\d+$/.test(pid) && readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'postgres';
    } catch {
      return false; // gone meanwhile
    }
  });
}

/** CPU used so far by the API, by these PostgreSQL processes, and by the machine. */
function cpuSnapshot(apiPid: number, dbPids: string[]): CpuSnapshot {
  const machine = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1, 9).map(Number);
  return { apiTicks: processTicks(apiPid), db: new Map(dbPids.map((pid) => [pid, processTicks(pid)])), machine };
}

const TICK_US = 10_000; // USER_HZ is 100 on Linux

/** CPU per request between two snapshots; a PostgreSQL process that started in between counts from zero. */
function cpuUse(from: CpuSnapshot, until: CpuSnapshot, requests: number): CpuUse {
  const d = until.machine.map((v, i) => v - from.machine[i]);
  const total = d.reduce((a, b) => a + b, 0) || 1;
  let dbTicks = 0;
  for (const [pid, ticks] of until.db) dbTicks += ticks - (from.db.get(pid) ?? 0);
  return {
    apiUsPerRequest: Math.round(((until.apiTicks - from.apiTicks) * TICK_US) / Math.max(1, requests)),
    dbUsPerRequest: Math.round((dbTicks * TICK_US) / Math.max(1, requests)),
    machineBusyPct: Math.round((100 * (total - d[3] - d[4])) / total),
    stealPct: Math.round((100 * d[7]) / total),
  };
}

/** Writes and flushes a 4 kB file every 10 ms; on a stop message, answers with the flushes that took over 20 ms. */
const FLUSH_PROBE = `
const { parentPort } = require('node:worker_threads');
const fs = require('node:fs');
const file = require('node:path').join(require('node:os').tmpdir(), 'bench-flush-probe-' + process.pid);
const fd = fs.openSync(file, 'w');
const block = Buffer.alloc(4096, 1);
const slow = [];
let stop = false;
parentPort.on('message', () => (stop = true));
(function tick() {
  if (stop) {
    fs.closeSync(fd);
    fs.rmSync(file, { force: true });
    return parentPort.postMessage(slow);
  }
  const t0 = performance.now();
  fs.writeSync(fd, block, 0, block.length, 0);
  fs.fdatasyncSync(fd);
  const ms = performance.now() - t0;
  if (ms > 20) slow.push(Math.round(ms));
  setTimeout(tick, 10);
})();`;

/**
 * Runs `work` while a worker thread flushes a small file to the temp directory's disk every 10 ms,
 * and tells how many flushes took over 20 ms and the slowest. Every commit waits for such a flush
 * (PostgreSQL's WAL), so one slow flush holds every request in flight at that moment: on a shared
 * virtual disk these set the tail of a write-heavy run, and this shows when they did.
 */
export async function withFlushProbe<T>(
  work: () => Promise<T>,
): Promise<{ result: T; slowFlushes: { over20Ms: number; slowestMs: number } }> {
  const probe = new Worker(FLUSH_PROBE, { eval: true });
  try {
    const result = await work();
    const slow = await new Promise<number[]>((resolve, reject) => {
      probe.once('message', resolve);
      probe.once('error', reject);
      probe.postMessage('stop');
    });
    return { result, slowFlushes: { over20Ms: slow.length, slowestMs: Math.max(0, ...slow) } };
  } finally {
    await probe.terminate();
  }
}

const WARM_UP_MS = 1000;

/** Requests/s and latency percentiles (ms, one decimal) of measured calls. */
function summarize(latencies: number[], errors: number, elapsedMs: number): LoadResult {
  latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] * 10) / 10;
  return {
    requestsPerSec: Math.round(latencies.length / (elapsedMs / 1000)),
    p50Ms: at(0.5),
    p99Ms: at(0.99),
    requests: latencies.length,
    errors,
    non2xx: 0,
  };
}

/**
 * Open-loop load: `ratePerSec` requests a second for `durationSec`, each started on schedule whether
 * or not earlier ones have finished (as scanners and phones do), request i being `step(i)`. Latency
 * counts from the scheduled start, so a backlog shows in it instead of slowing the senders down.
 * (Closed-loop clients that send back to back measure saturation: their mean latency is always
 * clients / throughput.)
 */
export async function pacedLoad(
  ratePerSec: number,
  durationSec: number,
  step: (i: number) => Promise<boolean>,
): Promise<LoadResult & { offeredPerSec: number }> {
  const total = Math.round(ratePerSec * durationSec);
  const latencies: number[] = [];
  const running: Promise<void>[] = [];
  let errors = 0;
  const started = performance.now();
  for (let i = 0; i < total;) {
    const now = performance.now();
    for (; i < total && started + (i * 1000) / ratePerSec <= now; i++) {
      const due = started + (i * 1000) / ratePerSec;
      running.push(
        step(i)
          .catch(() => false)
          .then((ok) => {
            latencies.push(performance.now() - due);
            if (!ok) errors++;
          }),
      );
    }
    await new Promise((r) => setTimeout(r, 1));
  }
  await Promise.all(running);
  return { offeredPerSec: ratePerSec, ...summarize(latencies, errors, performance.now() - started) };
}

type RawResponse = { headers: Record<string, string>; body: Buffer };

/**
 * One keep-alive HTTP/1.1 connection that sends a request and reads its answer straight off the
 * socket (Content-Length or chunked). The load generator shares the API's two cores, and Node's
 * http client (IncomingMessage streams, agent bookkeeping) cost it several times more per request.
 */
class Connection {
  private readonly socket: Socket;
  private buffer: Buffer = Buffer.alloc(0);
  private waiting: { resolve: (r: RawResponse) => void; reject: (e: Error) => void } | null = null;
  closed = false;

  constructor(host: string, port: number) {
    this.socket = connect({ host, port, noDelay: true });
    this.socket.on('data', (chunk: Buffer) => {
      this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
      this.read();
    });
    const fail = (error: Error) => {
      this.closed = true;
      this.waiting?.reject(error);
      this.waiting = null;
    };
    this.socket.on('error', fail);
    this.socket.on('close', () => fail(new Error('connection closed')));
  }

  exchange(request: Buffer): Promise<RawResponse> {
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
      this.socket.write(request);
    });
  }

  close(): void {
    this.socket.destroy();
  }

  private read(): void {
    const headEnd = this.buffer.indexOf('\r\n\r\n');
    if (headEnd < 0 || !this.waiting) return;
    const lines = this.buffer.toString('latin1', 0, headEnd).split('\r\n').slice(1); // after the status line
    const headers: Record<string, string> = {};
    for (const line of lines) {
      const colon = line.indexOf(':');
      headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
    }
    let body: Buffer;
    let end: number;
    if (headers['transfer-encoding'] === 'chunked') {
      const parts: Buffer[] = [];
      let at = headEnd + 4;
      for (;;) {
        const lineEnd = this.buffer.indexOf('\r\n', at);
        if (lineEnd < 0) return;
        const size = parseInt(this.buffer.toString('latin1', at, lineEnd), 16);
        if (this.buffer.length < lineEnd + 2 + size + 2) return;
        if (size === 0) {
          end = lineEnd + 4;
          break;
        }
        parts.push(this.buffer.subarray(lineEnd + 2, lineEnd + 2 + size));
        at = lineEnd + 2 + size + 2;
      }
      body = Buffer.concat(parts);
    } else {
      end = headEnd + 4 + Number(headers['content-length'] ?? 0);
      if (this.buffer.length < end) return;
      body = this.buffer.subarray(headEnd + 4, end);
    }
    this.buffer = this.buffer.subarray(end);
    const { resolve } = this.waiting;
    this.waiting = null;
    resolve({ headers, body });
  }
}

/** Idle connections per host:port, each carrying one request at a time. */
const idle = new Map<string, Connection[]>();

/**
 * POSTs JSON over a keep-alive connection and parses the answer, with the response headers: the
 * bench's one HTTP client.
 */
async function exchangeJson<T>(
  url: string,
  body: unknown,
  headers: Record<string, string>,
): Promise<{ body: T; headers: Record<string, string> }> {
  const { hostname, port, pathname } = new URL(url);
  const key = `${hostname}:${port}`;
  const payload = Buffer.from(JSON.stringify(body));
  const head = Object.entries({
    ...headers,
    'content-type': 'application/json',
    'content-length': String(payload.length),
  }).map(([k, v]) => `${k}: ${v}\r\n`);
  const request = Buffer.concat([
    Buffer.from(`POST ${pathname} HTTP/1.1\r\nhost: ${key}\r\n${head.join('')}\r\n`, 'latin1'),
    payload,
  ]);
  for (let attempt = 0; ; attempt++) {
    const pool = idle.get(key) ?? idle.set(key, []).get(key)!;
    let connection = pool.pop();
    while (connection?.closed) connection = pool.pop();
    const reused = !!connection;
    connection ??= new Connection(hostname, Number(port));
    try {
      const response = await connection.exchange(request);
      if (response.headers.connection === 'close') connection.close();
      else pool.push(connection);
      return { body: JSON.parse(response.body.toString('utf8')) as T, headers: response.headers };
    } catch (error) {
      connection.close();
      // A reused connection the server closed meanwhile (keep-alive timeout): once more on a new one.
      if (!reused || attempt > 0) throw error;
    }
  }
}

/** Closes the idle connections, so the bench process can exit. */
export function closeConnections(): void {
  for (const pool of idle.values()) pool.splice(0).forEach((c) => c.close());
}

/** POSTs JSON and resolves with the parsed answer: the load loops' request. */
export async function postJson<T>(url: string, body: unknown, headers: Record<string, string> = {}): Promise<T> {
  return (await exchangeJson<T>(url, body, headers)).body;
}
