#!/usr/bin/env node
// npm start: build if needed (the API and the web app it serves at /), migrate, seed the demo edition into an empty database, then run the API
// and the worker together until Ctrl-C. A process that dies is started again (after 1 s, doubling to
// 30 s while it keeps dying; back to 1 s once it has run for a minute): a crashed worker never takes
// the API down with it, nor the other way round.
const { execFileSync, spawn } = require('node:child_process');
const { join } = require('node:path');

const root = join(__dirname, '..');
const node = (script, args = []) =>
  execFileSync(process.execPath, [join(root, script), ...args], { cwd: root, stdio: 'inherit' });

const FIRST_DELAY_MS = 1000;
const MAX_DELAY_MS = 30_000;
/** A process that ran this long counts as healthy again: its next restart waits FIRST_DELAY_MS. */
const HEALTHY_AFTER_MS = 60_000;
/** How long the processes get to stop on Ctrl-C / SIGTERM before they are killed. */
const STOP_GRACE_MS = 12_000;

node('scripts/ensure-build.js');
node('scripts/ensure-web-build.js');
node('dist/apps/api/src/seed/cli.js', ['--scale', 'demo', '--if-empty']);

let stopping = false;
const apps = ['api', 'worker'].map((name) => ({ name, child: null, delay: FIRST_DELAY_MS, timer: null }));

// Each process's output is passed through (in colour when this is a terminal) and watched for its
// "ready" line: once both have said it, the summary is printed, so it is the last thing on screen.
const READY = { api: 'API ready', worker: 'worker ready' };
const ready = new Set();
const childEnv =
  process.stdout.isTTY && !process.env.NO_COLOR
    ? { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? '1' }
    : process.env;

function run(app) {
  const started = Date.now();
  const child = spawn(process.execPath, [join(root, `dist/apps/${app.name}/src/main.js`)], {
    cwd: root,
    env: childEnv,
    stdio: ['inherit', 'pipe', 'inherit'],
  });
  app.child = child;
  let tail = '';
  child.stdout.on('data', (chunk) => {
    process.stdout.write(chunk);
    if (ready.has(app.name)) return;
    tail = (tail + chunk.toString()).slice(-4096);
    if (!tail.includes(READY[app.name])) return;
    ready.add(app.name);
    if (ready.size === apps.length) printSummary();
  });
  child.on('exit', (code, signal) => {
    app.child = null;
    if (stopping) return;
    if (Date.now() - started >= HEALTHY_AFTER_MS) app.delay = FIRST_DELAY_MS;
    console.error(`${app.name} exited (${signal ?? code}); restarting in ${app.delay / 1000} s`);
    app.timer = setTimeout(() => {
      app.timer = null;
      run(app);
    }, app.delay);
    app.delay = Math.min(app.delay * 2, MAX_DELAY_MS);
  });
}

function stop() {
  if (stopping) return;
  stopping = true;
  const running = [];
  for (const app of apps) {
    if (app.timer) clearTimeout(app.timer);
    if (app.child) {
      running.push(new Promise((resolve) => app.child.once('exit', resolve)));
      app.child.kill('SIGTERM');
    }
  }
  setTimeout(() => {
    for (const app of apps) app.child?.kill('SIGKILL');
    process.exit(1);
  }, STOP_GRACE_MS).unref();
  Promise.all(running).then(() => process.exit(0));
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

apps.forEach(run);

/** Where the worker's mail goes: the SMTP server (without its credentials), or its log. */
function mailDestination() {
  if (!process.env.SMTP_URL) return "written to the worker's log (set SMTP_URL to send them)";
  try {
    const url = new URL(process.env.SMTP_URL);
    return `sent through ${url.protocol}//${url.host} (SMTP_URL)`;
  } catch {
    return 'sent through SMTP_URL';
  }
}

function printSummary() {
  const port = process.env.PORT || 3000;
  const base = (process.env.PUBLIC_URL || `http://localhost:${port}`).replace(/\/+$/, '');
  // The explorer is served where the schema may be introspected (GRAPHQL_INTROSPECTION, on outside production).
  const introspection = process.env.GRAPHQL_INTROSPECTION ?? (process.env.NODE_ENV === 'production' ? 'false' : 'true');
  const explorer = introspection !== 'false' && introspection !== '0';
  const web = require('node:fs').existsSync(join(root, process.env.WEB_DIST_DIR || 'apps/web/dist', 'index.html'));
  const organizer = process.env.ORGANIZER_EMAIL
    ? `${process.env.ORGANIZER_EMAIL} (ORGANIZER_PASSWORD)`
    : 'organizer@example.com / organizer-demo';
  console.log(`
  Conference platform running (Ctrl-C stops it)
${web ? `  Web app:  ${base}/   (open it in a browser)\n` : ''}${explorer ? `  Explorer: ${base}/explorer\n` : ''}  GraphQL:  POST ${base}/graphql
  Health:   ${base}/health
  Logins:   organizer  ${organizer}
            attendee   attendee@example.com / attendee-demo
  Mail:     ${mailDestination()}
`);
}
