#!/usr/bin/env node
// Builds the web app (apps/web/dist) when it is missing or older than any of its sources, like
// ensure-build.js does for the API: `npm start` and the browser tests serve what is current.
const { execSync } = require('node:child_process');
const { existsSync, readdirSync, statSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const web = join(__dirname, '..', 'apps', 'web');
const stamp = join(web, 'dist', '.built');

function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs; // a deleted file changes its folder
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    latest = Math.max(latest, newest(join(path, entry.name)));
  }
  return latest;
}

const sources = Math.max(
  ...[
    'src',
    'public',
    'index.html',
    'vite.config.ts',
    'precompress.ts',
    'preload-route.ts',
    'split-documents.ts',
    'bootstrap-queries.ts',
    'package.json',
  ].map((p) => newest(join(web, p))),
);
if (!existsSync(stamp) || statSync(stamp).mtimeMs < sources) {
  console.log('building the web app...');
  execSync('npm run -s build', { cwd: web, stdio: 'inherit' });
  writeFileSync(stamp, new Date().toISOString());
}
