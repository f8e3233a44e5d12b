import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync, brotliCompressSync } from 'node:zlib';
import { chooseEncoding, isServerPath } from '../src/web-app';
import { TestApp } from './test-app';

const INDEX = '<!doctype html><title>web app</title><div id="root"></div>';
const BIG = `export const x = ${JSON.stringify('programme '.repeat(500))};`;

/** A stand-in for apps/web/dist: what Vite writes (hashed assets, the service worker, the manifest). */
function fakeBuild(): string {
  const dir = mkdtempSync(join(tmpdir(), 'web-dist-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), INDEX);
  writeFileSync(join(dir, 'assets', 'index-AbC123.js'), 'console.log(1)');
  writeFileSync(join(dir, 'sw.js'), 'self.x = 1');
  writeFileSync(join(dir, 'manifest.webmanifest'), '{}');
  // What the precompress plugin writes beside a large text file.
  writeFileSync(join(dir, 'assets', 'big-Zz9.js'), BIG);
  writeFileSync(join(dir, 'assets', 'big-Zz9.js.br'), brotliCompressSync(BIG));
  writeFileSync(join(dir, 'assets', 'big-Zz9.js.gz'), gzipSync(BIG));
  return dir;
}

describe('the web app served by the API at /', () => {
  let t: TestApp;
  let dir: string;
  beforeAll(async () => {
    dir = fakeBuild();
    t = await TestApp.create({ config: { webDistDir: dir } });
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("answers the app's routes with index.html, never cached", async () => {
    for (const path of [
      '/',
      '/login',
      '/verify-email?token=abc',
      '/reset-password?token=abc',
      '/sessions/12',
      '/schedule',
      '/credits',
      '/notifications',
      '/admin/badges',
    ]) {
      const res = await t.http.get(path).set('Accept', 'text/html');
      expect({
        path,
        status: res.status,
        type: res.headers['content-type'],
        cache: res.headers['cache-control'],
        body: res.text,
      }).toEqual({ path, status: 200, type: 'text/html; charset=utf-8', cache: 'no-cache', body: INDEX });
    }
  });

  it('serves hashed assets for a year, the service worker and manifest with no-cache, and 404s missing files', async () => {
    const asset = await t.http.get('/assets/index-AbC123.js');
    expect([asset.status, asset.headers['cache-control']]).toEqual([200, 'public, max-age=31536000, immutable']);
    expect(asset.headers['content-type']).toMatch(/javascript/);
    for (const file of ['/sw.js', '/manifest.webmanifest'])
      expect((await t.http.get(file)).headers['cache-control']).toBe('no-cache');
    for (const missing of ['/assets/index-Gone99.js', '/favicon.ico', '/assets/nothing'])
      expect((await t.http.get(missing)).status).toBe(404);
    expect((await t.http.post('/login').send({})).status).toBe(404); // only GET and HEAD fall back
  });

  it('sends the compressed copy the build wrote when the browser takes it, else the file itself', async () => {
    const br = await t.http.get('/assets/big-Zz9.js').set('Accept-Encoding', 'gzip, deflate, br');
    expect([br.status, br.headers['content-encoding'], br.headers['vary'], br.headers['cache-control']]).toEqual([
      200,
      'br',
      'Accept-Encoding',
      'public, max-age=31536000, immutable',
    ]);
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.text).toBe(BIG); // supertest decodes it
    const gz = await t.http.get('/assets/big-Zz9.js').set('Accept-Encoding', 'gzip');
    expect([gz.headers['content-encoding'], gz.text]).toEqual(['gzip', BIG]);
    const plain = await t.http.get('/assets/big-Zz9.js').set('Accept-Encoding', 'identity');
    expect([plain.headers['content-encoding'], plain.headers['vary'], plain.text]).toEqual([
      undefined,
      'Accept-Encoding',
      BIG,
    ]);
    // No compressed copy written (a small file): as it is.
    const small = await t.http.get('/assets/index-AbC123.js').set('Accept-Encoding', 'br');
    expect([small.headers['content-encoding'], small.text]).toEqual([undefined, 'console.log(1)']);
    expect([
      chooseEncoding('gzip, br;q=0'),
      chooseEncoding('br;q=0.5, gzip'),
      chooseEncoding(undefined),
      chooseEncoding('*'),
    ]).toEqual(['gzip', 'br', null, 'gzip']);
    // The API's own answers are not touched.
    expect((await t.http.get('/health').set('Accept-Encoding', 'br')).headers['content-encoding']).toBeUndefined();
  });

  it("never shadows one of the API's own routes: every registered route is a server path", async () => {
    // Every route Nest registered (controllers), as Express holds them.
    const express = t.app.getHttpAdapter().getInstance() as { router: { stack: { route?: { path: string } }[] } };
    const paths = [...new Set(express.router.stack.flatMap((layer) => (layer.route ? [layer.route.path] : [])))];
    expect(paths.length).toBeGreaterThan(8);
    const sample = (path: string) => path.replace(/:(\w+)/g, 'x1');
    const shadowed = paths.filter((path) => !isServerPath(sample(path)));
    expect(shadowed).toEqual([]);
    for (const path of paths) {
      const res = await t.http.get(sample(path)).set('Accept', 'text/html');
      expect({ path, body: res.text === INDEX }).toEqual({ path, body: false });
    }
    // The middleware-mounted ones too.
    for (const path of ['/graphql', '/explorer', '/explorer-assets/0/x.js', '/health'])
      expect((await t.http.get(path).set('Accept', 'text/html')).text).not.toBe(INDEX);
  });
});

describe("the programme's first answers inside the page at /", () => {
  /** The app's query texts as the web build writes them (bootstrap-queries.json), shortened. */
  const QUERIES = {
    EditionChoice: 'query EditionChoice { editions { id name startsOn endsOn timezone __typename } }',
    ProgrammeEdition: 'query ProgrammeEdition($id: ID!) { edition(id: $id) { id rooms { id name } __typename } }',
    ProgrammeDay:
      'query ProgrammeDay($editionId: ID!, $day: String!, $search: String) { sessions(editionId: $editionId, filter: { day: $day, search: $search }, first: 200) { totalCount edges { node { id title __typename } } } }',
    // Not a valid query: its answer is an error, left out of the page.
    ProgrammeDaySeats: 'query ProgrammeDaySeats { nothingHere }',
  };
  let t: TestApp;
  let dir: string;
  beforeAll(async () => {
    dir = fakeBuild();
    writeFileSync(join(dir, 'bootstrap-queries.json'), JSON.stringify(QUERIES));
    // A loaded test machine may be slower than the page's 400 ms.
    t = await TestApp.create({ config: { webDistDir: dir, webBootstrapTimeoutMs: 5000 } });
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  interface Answer {
    operationName: string;
    variables: Record<string, unknown>;
    data: { editions?: { id: string; name: string }[]; sessions?: { edges: { node: { id: string } }[] } };
  }
  const answersIn = (html: string): Answer[] => {
    const scripts = [...html.matchAll(/<script id="bootstrap" type="application\/json">([\s\S]*?)<\/script>/g)];
    expect(scripts).toHaveLength(1);
    return JSON.parse(scripts[0][1]) as Answer[];
  };

  it("carries the editions, the edition and its first day's sessions; a failing answer is left out", async () => {
    // A name that tries to close the script element: it stays JSON.
    const name = `Show </script><script>alert(1)</script> ${Date.now()}`;
    const edition = await t.factory.edition({ name, startsOn: '2027-03-08', endsOn: '2027-03-09' });
    const session = await t.factory.session(edition.id, { title: 'Opening keynote' });
    const res = await t.http.get(`/?edition=${edition.id}`).set('Accept-Encoding', 'br');
    expect([res.status, res.headers['content-encoding'], res.headers['cache-control']]).toEqual([
      200,
      'br',
      'no-cache',
    ]);
    expect(res.text.startsWith(INDEX.replace('</div>', ''))).toBe(true);
    expect(res.text).not.toContain('<script>alert(1)');
    const answers = answersIn(res.text);
    expect(answers.map((a) => a.operationName)).toEqual(['EditionChoice', 'ProgrammeEdition', 'ProgrammeDay']);
    expect(answers[0].data.editions?.find((e) => e.id === edition.id)?.name).toBe(name);
    expect(answers[2].variables).toEqual({ editionId: edition.id, day: '2027-03-08', search: null });
    expect(answers[2].data.sessions?.edges.map((e) => e.node.id)).toEqual([session.id]);
    // ?day= and ?q= are the programme's own: the answers follow them.
    const later = answersIn((await t.http.get(`/?edition=${edition.id}&day=2027-03-09&q=keynote`)).text);
    expect(later.find((a) => a.operationName === 'ProgrammeDay')?.variables).toEqual({
      editionId: edition.id,
      day: '2027-03-09',
      search: 'keynote',
    });
  });

  it('sends the page as built to other routes and to a HEAD', async () => {
    expect((await t.http.get('/schedule')).text).toBe(INDEX);
    const head = await t.http.head('/');
    expect([head.status, head.headers['content-type']]).toEqual([200, 'text/html; charset=utf-8']);
  });
});
