import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { NextFunction, Request, Response, Router } from 'express';

/**
 * The browsable API: `GET /explorer` is GraphiQL (a browser's `GET /graphql` is sent there), served from this process with
 * everything it loads (the page references nothing on another origin: show networks are often
 * offline). GraphiQL 4's prebuilt UMD bundle and React 18's UMD builds come from npm as they are.
 * Only the landing page is added: POSTs keep Apollo's CSRF prevention and every other rule.
 */
export const EXPLORER_ASSETS_PATH = '/explorer-assets';

/** Same-origin only; inline styles for the editor's layout, nothing inline for scripts. */
export const EXPLORER_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** The first tab: the newest edition's published programme (the page fills in its id), then signing in. Short lines: the editor is narrow. */
export const EXAMPLE_QUERY = `# ▶ runs the operation at the
# cursor; docs: the book icon.
# Signed in: run Login, put
# {"Authorization":
#   "Bearer <token>"}
# in Headers; run MySchedule.
query Programme($editionId: ID!) {
  edition(id: $editionId) {
    name
    timezone
  }
  sessions(editionId: $editionId, first: 10) {
    totalCount
    edges {
      node {
        title
        startsAt
        endsAt
        room { name }
        track { name }
        speakers { name }
      }
    }
    pageInfo { hasNextPage endCursor }
  }
}

# The demo attendee of \`npm start\`.
mutation Login {
  login(
    email: "attendee@example.com"
    password: "attendee-demo"
  ) {
    token
  }
}

query MySchedule($editionId: ID!) {
  mySchedule(editionId: $editionId) {
    status
    session { title startsAt }
    conflictsWith { title }
  }
}
`;

/** Runs in the browser after GraphiQL's bundle: looks up the newest edition, then renders the explorer. */
const EXPLORER_SCRIPT = `'use strict';
(function () {
  var url = '/graphql';
  var query = ${JSON.stringify(EXAMPLE_QUERY)};
  // GraphiQL keeps the user's tabs in localStorage: the example and the open docs are for a first visit.
  var firstVisit = true;
  try { firstVisit = !window.localStorage.getItem('graphiql:tabState'); } catch (e) {}
  function openDocs(tries) {
    var button = document.querySelector('[aria-label="Show Documentation Explorer"]');
    if (button) button.click();
    else if (tries > 0) setTimeout(function () { openDocs(tries - 1); }, 50);
  }
  function render(editionId) {
    var variables = JSON.stringify({ editionId: editionId }, null, 2);
    var props = { fetcher: GraphiQL.createFetcher({ url: url }), defaultEditorToolsVisibility: 'variables', shouldPersistHeaders: false };
    // GraphiQL 4 fills the variables editor from the variables prop, not from the first default tab.
    if (firstVisit) { props.defaultTabs = [{ query: query, variables: variables }]; props.variables = variables; }
    ReactDOM.createRoot(document.getElementById('explorer')).render(React.createElement(GraphiQL, props));
    // The visiblePlugin prop marks the docs open without showing their pane (GraphiQL 4): press the button instead.
    // Not on a phone: there the docs would cover the editor.
    if (firstVisit && window.innerWidth >= 900) openDocs(100);
  }
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ editions { id year } }' }) })
    .then(function (res) { return res.json(); })
    .then(function (res) {
      var editions = (res.data && res.data.editions) || [];
      editions.sort(function (a, b) { return b.year - a.year; });
      render(editions.length ? editions[0].id : null);
    })
    .catch(function () { render(null); });
})();
`;

const PAGE_CSS = `html, body, #explorer { height: 100%; margin: 0; }
#explorer > p { font: 16px system-ui, sans-serif; padding: 2rem; }
`;

interface Asset {
  type: string;
  body: Buffer;
}

const fromPackage = (pkg: string, file: string): Buffer =>
  readFileSync(join(dirname(require.resolve(`${pkg}/package.json`)), file));

/** The files the page loads, read once at boot; their combined hash is in their URLs, so they can be cached for a year. */
function loadAssets(): { version: string; files: Map<string, Asset> } {
  const js = 'text/javascript; charset=utf-8';
  const files = new Map<string, Asset>([
    ['react.production.min.js', { type: js, body: fromPackage('react', 'umd/react.production.min.js') }],
    ['react-dom.production.min.js', { type: js, body: fromPackage('react-dom', 'umd/react-dom.production.min.js') }],
    ['graphiql.min.js', { type: js, body: fromPackage('graphiql', 'graphiql.min.js') }],
    ['graphiql.min.css', { type: 'text/css; charset=utf-8', body: fromPackage('graphiql', 'graphiql.min.css') }],
    ['explorer.js', { type: js, body: Buffer.from(EXPLORER_SCRIPT) }],
    ['explorer.css', { type: 'text/css; charset=utf-8', body: Buffer.from(PAGE_CSS) }],
  ]);
  const hash = createHash('sha256');
  for (const [name, { body }] of files) hash.update(name).update(body);
  return { version: hash.digest('hex').slice(0, 16), files };
}

let assets: ReturnType<typeof loadAssets> | undefined;
const explorerAssets = () => (assets ??= loadAssets());

/** The explorer's HTML: every URL in it is a path on this server. */
export function explorerHtml(): string {
  const base = `${EXPLORER_ASSETS_PATH}/${explorerAssets().version}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Conference API explorer</title>
<link rel="stylesheet" href="${base}/graphiql.min.css">
<link rel="stylesheet" href="${base}/explorer.css">
</head>
<body>
<div id="explorer"><p>Loading the GraphQL explorer…</p></div>
<noscript><p>The GraphQL explorer needs JavaScript. The API itself answers POST /graphql.</p></noscript>
<script src="${base}/react.production.min.js"></script>
<script src="${base}/react-dom.production.min.js"></script>
<script src="${base}/graphiql.min.js"></script>
<script src="${base}/explorer.js"></script>
</body>
</html>
`;
}

/** Where the explorer page is (UI.md): the web app links here. */
export const EXPLORER_PATH = '/explorer';

/** A browser opening the GraphQL endpoint itself (it asks for HTML, and sends no operation). */
const isBrowserVisit = (req: Request) =>
  req.method === 'GET' && (req.headers.accept ?? '').includes('text/html') && req.query.query === undefined;

/**
 * HTTP side of the explorer: the page at GET /explorer (with its CSP) and its assets under
 * /explorer-assets/<version>/ with a year's cache (the version changes with their content).
 */
export function mountExplorer(pages: Router): void {
  const { version, files } = explorerAssets();
  pages.use(EXPLORER_ASSETS_PATH, (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const [, at, name, ...rest] = req.path.split('/');
    const asset = at === version && rest.length === 0 ? files.get(name) : undefined;
    if (!asset) return next(); // Nest's 404
    res.setHeader('Content-Type', asset.type);
    res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.end(asset.body); // Node drops the body of a HEAD
  });
  let html: string | undefined;
  pages.use(EXPLORER_PATH, (req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || req.path !== '/') return next();
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.setHeader('Content-Security-Policy', EXPLORER_CSP);
    res.setHeader('Cache-Control', 'no-cache');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.end((html ??= explorerHtml()));
  });
}

/**
 * At /graphql: a browser's GET goes to the explorer page. POSTs and every other GET reach Apollo
 * unchanged (its CSRF prevention included).
 */
export function browserToExplorer(req: Request, res: Response, next: NextFunction): void {
  if (isBrowserVisit(req) && req.path === '/') return res.redirect(302, EXPLORER_PATH);
  next();
}
