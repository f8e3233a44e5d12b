import { request as httpRequest, IncomingHttpHeaders } from 'node:http';
import { AddressInfo, Server } from 'node:net';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { preferredEncoding } from '@app/core';
import { TestApp } from './test-app';

interface Raw {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** A POST /graphql with exactly these headers, the body as it came over the wire (no client-side decompression). */
function post(
  port: number,
  query: string,
  variables: Record<string, unknown>,
  headers: Record<string, string>,
): Promise<Raw> {
  const payload = JSON.stringify({ query, variables });
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/graphql',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), ...headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

const decode = (r: Raw) =>
  JSON.parse(
    (r.headers['content-encoding'] === 'br'
      ? brotliDecompressSync(r.body)
      : r.headers['content-encoding'] === 'gzip'
        ? gunzipSync(r.body)
        : r.body
    ).toString('utf8'),
  );

const DAY = `query Day($e: ID!) { sessions(editionId: $e, filter: { day: "2027-03-08" }, first: 200) { totalCount edges { node { id title abstract } } } }`;
const SMALL = `query Small($e: ID!) { edition(id: $e) { id name } }`;

/** Large /graphql answers are compressed for clients that accept it (also from the public cache); small ones never are. */
describe('GraphQL answer compression', () => {
  let t: TestApp;
  let server: Server;
  let port: number;
  let editionId: string;

  beforeAll(async () => {
    t = await TestApp.create();
    editionId = (await t.factory.edition()).id;
    // ~30 KB of JSON: like a day of the programme.
    for (let i = 0; i < 30; i++)
      await t.factory.session(editionId, {
        title: `Compressible session ${i}`,
        abstract: `A long abstract about topic ${i}. `.repeat(30),
      });
    server = t.app.getHttpServer() as Server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  }, 60_000);
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await t.close();
  });

  it('compresses a large answer with brotli or gzip as accepted, and both cache misses and hits decode to the same data', async () => {
    const v = { e: editionId };
    const miss = await post(port, DAY, v, { 'accept-encoding': 'gzip' });
    expect(miss.status).toBe(200);
    expect(miss.headers['content-encoding']).toBe('gzip');
    expect(miss.headers.vary).toMatch(/accept-encoding/i);
    const data = decode(miss);
    expect(data.data.sessions.totalCount).toBe(30);
    expect(JSON.stringify(data).length).toBeGreaterThan(8 * 1024);
    expect(miss.body.length).toBeLessThan(JSON.stringify(data).length / 4);

    // The public cache now holds the answer; its compressed copies are made once, in the background.
    await new Promise((r) => setTimeout(r, 200));
    for (const [accept, encoding] of [
      ['gzip, deflate, br, zstd', 'br'],
      ['gzip', 'gzip'],
      ['br;q=0, gzip', 'gzip'],
    ] as const) {
      const hit = await post(port, DAY, v, { 'accept-encoding': accept });
      expect(hit.headers['x-cache']).toBe('hit');
      expect(hit.headers['content-encoding']).toBe(encoding);
      expect(Number(hit.headers['content-length'])).toBe(hit.body.length);
      expect(hit.headers.vary).toMatch(/accept-encoding/i);
      expect(decode(hit)).toEqual(data);
    }
  });

  it('sends the answer uncompressed to a client without Accept-Encoding (from the cache too)', async () => {
    const v = { e: editionId };
    for (let i = 0; i < 2; i++) {
      const plain = await post(port, DAY, v, {});
      expect(plain.status).toBe(200);
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(JSON.parse(plain.body.toString('utf8')).data.sessions.totalCount).toBe(30);
      const identity = await post(port, DAY, v, { 'accept-encoding': 'identity' });
      expect(identity.headers['content-encoding']).toBeUndefined();
    }
  });

  it('leaves small answers (the hot ones: door scans, single reads) uncompressed', async () => {
    const small = await post(port, SMALL, { e: editionId }, { 'accept-encoding': 'gzip, deflate, br' });
    expect(small.status).toBe(200);
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(small.body.toString('utf8')).data.edition.id).toBe(editionId);
  });

  it('picks brotli, then gzip, honouring q=0', () => {
    expect(preferredEncoding(undefined)).toBeNull();
    expect(preferredEncoding('identity')).toBeNull();
    expect(preferredEncoding('gzip, deflate, br')).toBe('br');
    expect(preferredEncoding('br;q=0, gzip;q=0.5')).toBe('gzip');
    expect(preferredEncoding('*')).toBe('br');
    expect(preferredEncoding('gzip;q=0, br;q=0')).toBeNull();
  });
});
