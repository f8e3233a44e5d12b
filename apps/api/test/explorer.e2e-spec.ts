import { EXAMPLE_QUERY } from '../src/explorer/explorer';
import { TestApp } from './test-app';

/** Every URL the page would load: script src, stylesheet href, and anything else with a src. */
const referencedUrls = (html: string) => [...html.matchAll(/\s(?:src|href)="([^"]*)"/g)].map((m) => m[1]);

const HTML = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

describe('the browsable API (GraphiQL at /explorer)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.create();
  });
  afterAll(() => t.close());

  it('sends a browser opening /graphql to the explorer page, which loads only same-origin assets that are served', async () => {
    const visit = await t.http.get('/graphql').set('Accept', HTML);
    expect([visit.status, visit.headers.location]).toEqual([302, '/explorer']);
    const page = await t.http.get('/explorer').set('Accept', HTML);
    expect(page.status).toBe(200);
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.text).toContain('<div id="explorer">');
    // Scripts only from this server, none inline: a show network without internet still gets the explorer.
    expect(page.headers['content-security-policy']).toContain("script-src 'self';");
    expect(page.text).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
    const urls = referencedUrls(page.text);
    expect(urls.filter((u) => u.endsWith('.js')).map((u) => u.split('/').pop())).toEqual([
      'react.production.min.js',
      'react-dom.production.min.js',
      'graphiql.min.js',
      'explorer.js',
    ]);
    expect(urls.filter((u) => u.endsWith('.css'))).toHaveLength(2);
    for (const url of urls) {
      expect(url).toMatch(/^\/explorer-assets\/[0-9a-f]{16}\/[\w.-]+$/);
      const asset = await t.http.get(url);
      expect({ url, status: asset.status }).toEqual({ url, status: 200 });
      expect(asset.headers['content-type']).toMatch(url.endsWith('.css') ? /^text\/css/ : /^text\/javascript/);
      expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      const body = asset.text;
      expect(body.length).toBeGreaterThan(50);
      // Nor do the stylesheets pull fonts or images from elsewhere.
      if (url.endsWith('.css')) expect(body).not.toMatch(/url\(\s*["']?(https?:)?\/\/|@import/);
    }
    const script = (await t.http.get(urls.find((u) => u.endsWith('/explorer.js'))!)).text;
    expect(script).toContain('query Programme($editionId: ID!)');
    expect(script).toContain('Show Documentation Explorer');
  });

  it('serves the assets only under the current version and not other files', async () => {
    const page = await t.http.get('/explorer').set('Accept', 'text/html');
    const graphiql = referencedUrls(page.text).find((u) => u.endsWith('/graphiql.min.js'))!;
    expect((await t.http.get(graphiql.replace(/[0-9a-f]{16}/, '0'.repeat(16)))).status).toBe(404);
    expect((await t.http.get(graphiql.replace('graphiql.min.js', 'package.json'))).status).toBe(404);
    expect((await t.http.get(graphiql.replace('graphiql.min.js', '..%2F..%2Fpackage.json'))).status).toBe(404);
    expect((await t.http.get(`${graphiql}/x`)).status).toBe(404);
  });

  it("opens with an example whose operations all run against today's schema", async () => {
    const edition = await t.factory.edition();
    const session = await t.factory.session(edition.id, { title: 'Interoperability in practice' });
    const attendee = await t.factory.attendee(edition.id);
    await t.ok(`mutation($s: ID!) { addToSchedule(sessionId: $s) { status } }`, { s: session.id }, attendee.token);
    const run = async (operationName: string, token?: string) => {
      let req = t.http.post('/graphql').set('Content-Type', 'application/json');
      if (token) req = req.set('Authorization', `Bearer ${token}`);
      return (await req.send({ query: EXAMPLE_QUERY, operationName, variables: { editionId: edition.id } })).body;
    };
    const programme = await run('Programme');
    expect(programme.errors).toBeUndefined();
    expect(programme.data.sessions.edges.map((e: { node: { title: string } }) => e.node.title)).toEqual([
      'Interoperability in practice',
    ]);
    // The demo attendee exists only in `npm start`'s database: here the login is refused, not invalid.
    const login = await run('Login');
    expect(login.errors.map((e: { extensions: { code: string } }) => e.extensions.code)).toEqual(['UNAUTHENTICATED']);
    const schedule = await run('MySchedule', attendee.token);
    expect(schedule.errors).toBeUndefined();
    expect(schedule.data.mySchedule.map((e: { session: { title: string } }) => e.session.title)).toEqual([
      'Interoperability in practice',
    ]);
  });

  it('redirects / to the explorer where no web app is built (the web app takes / otherwise: web-app.e2e-spec.ts)', async () => {
    const res = await t.http.get('/');
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe('/explorer');
  });

  it('still refuses requests a browser could forge across sites (Apollo CSRF prevention)', async () => {
    // A form post (text/plain) and a simple GET with a query are refused before anything runs...
    const form = await t.http.post('/graphql').set('Content-Type', 'text/plain').send('{"query":"{ __typename }"}');
    expect(form.status).toBe(400);
    expect(form.text).toMatch(/CSRF/);
    const get = await t.http.get('/graphql').query({ query: '{ __typename }' });
    expect(get.status).toBe(400);
    expect(get.text).toMatch(/CSRF/);
    // ...while the explorer's own requests (JSON) go through.
    const json = await t.http
      .post('/graphql')
      .set('Content-Type', 'application/json')
      .send({ query: '{ __typename }' });
    expect(json.status).toBe(200);
    expect(json.body).toEqual({ data: { __typename: 'Query' } });
  });
});

describe('the explorer where introspection is off', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.create({ config: { graphqlIntrospection: false } });
  });
  afterAll(() => t.close());

  it('is not served, and / is not redirected to it', async () => {
    const page = await t.http.get('/graphql').set('Accept', 'text/html');
    expect(page.status).not.toBe(302);
    expect(page.headers['content-type']).not.toMatch(/^text\/html/);
    expect(page.text).not.toContain('<div id="explorer">');
    expect((await t.http.get('/explorer').set('Accept', 'text/html')).status).toBe(404);
    expect((await t.http.get('/')).status).toBe(404);
  });
});
