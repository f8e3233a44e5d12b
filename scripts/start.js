#!/usr/bin/env node
// npm start: build if needed, migrate, seed the demo edition into an empty database, then run the API
// and the worker together until Ctrl-C. A process that dies is started again (after 1 s, doubling to
// 30 s while it keeps dying; back to 1 s once it has run for a minute): a crashed worker never takes
// the API down with it, nor the other way round.
const { execFileSync, spawn } = require('node:child_process');
const { join } = require('node:path');

const root = join(__dirname, '..');
const node = (script, args = []) => execFileSync(process.execPath, [join(root, script), ...args], { cwd: root, stdio: 'inherit' });

const FIRST_DELAY_MS = 1000;
const MAX_DELAY_MS = 30_000;
/** A process that ran this long counts as healthy again: its next restart waits FIRST_DELAY_MS. */
const HEALTHY_AFTER_MS = 60_000;
/** How long the processes get to stop on Ctrl-C / SIGTERM before they are killed. */
const STOP_GRACE_MS = 12_000;

node('scripts/ensure-build.js');
node('dist/apps/api/src/seed/cli.js', ['--scale', 'demo', '--if-empty']);

let stopping = false;
const apps = ['api', 'worker'].map((name) => ({ name, child: null, delay: FIRST_DELAY_MS, timer: null }));

function run(app) {
  const started = Date.now();
  const child = spawn(process.execPath, [join(root, `dist/apps/${app.name}/src/main.js`)], { cwd: root, stdio: 'inherit' });
  app.child = child;
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

const port = process.env.PORT || 3000;
const organizer = process.env.ORGANIZER_EMAIL ? `${process.env.ORGANIZER_EMAIL} (ORGANIZER_PASSWORD)` : 'organizer@example.com / organizer-demo';
console.log(`
  Conference platform starting
  GraphQL:  http://localhost:${port}/graphql
  Health:   http://localhost:${port}/health
  Logins:   organizer  ${organizer}
            attendee   attendee@example.com / attendee-demo
`);
