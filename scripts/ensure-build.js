#!/usr/bin/env node
// Builds dist/ when it is missing or older than any source file, so `npm start` works from a fresh clone.
const { execSync } = require('node:child_process');
const { existsSync, readdirSync, statSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const stamp = join(root, 'dist', '.built');

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

const sources = Math.max(
  ...['apps', 'libs', 'migrations', 'bench'].map((d) => (existsSync(join(root, d)) ? newestSource(join(root, d)) : 0)),
);
if (!existsSync(stamp) || statSync(stamp).mtimeMs < sources) {
  console.log('building...');
  execSync('npm run -s build', { cwd: root, stdio: 'inherit' });
  require('node:fs').writeFileSync(stamp, new Date().toISOString());
}
