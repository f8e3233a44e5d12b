#!/usr/bin/env node
// npm start: build if needed, migrate, seed the demo edition into an empty database, then run the API
// and the worker together until Ctrl-C.
const { execFileSync, spawn } = require('node:child_process');
const { join } = require('node:path');

const root = join(__dirname, '..');
const node = (script, args = []) => execFileSync(process.execPath, [join(root, script), ...args], { cwd: root, stdio: 'inherit' });

node('scripts/ensure-build.js');
node('dist/apps/api/src/seed/cli.js', ['--scale', 'demo', '--if-empty']);

const children = ['api', 'worker'].map((app) => {
  const child = spawn(process.execPath, [join(root, `dist/apps/${app}/src/main.js`)], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code, signal) => {
    if (stopping) return;
    console.error(`${app} exited (${signal ?? code}); stopping`);
    stop(code || 1);
  });
  return child;
});

let stopping = false;
function stop(code = 0) {
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 10_000).unref();
  Promise.all(children.map((c) => new Promise((r) => (c.exitCode !== null ? r() : c.on('exit', r))))).then(() => process.exit(code));
}
process.on('SIGINT', () => stop());
process.on('SIGTERM', () => stop());

const port = process.env.PORT || 3000;
const organizer = process.env.ORGANIZER_EMAIL ? `${process.env.ORGANIZER_EMAIL} (ORGANIZER_PASSWORD)` : 'organizer@example.com / organizer-demo';
console.log(`
  Conference platform starting
  GraphQL:  http://localhost:${port}/graphql
  Health:   http://localhost:${port}/health
  Logins:   organizer  ${organizer}
            attendee   attendee@example.com / attendee-demo
`);
