import { existsSync } from 'node:fs';

/** Debian's Chromium (WEB.md), or CHROME_PATH. */
export const chromiumPath = process.env.CHROME_PATH || '/usr/bin/chromium';

/** Without them Chromium floods this closed network with refused connections. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Fails at once, with the command that fixes it, rather than skipping the browser tests. */
export function assertChromium(): void {
  if (existsSync(chromiumPath)) return;
  throw new Error(
    `Chromium is missing at ${chromiumPath}: the browser tests need it. Install it with \`apt-get install -y chromium\` (or set CHROME_PATH to another Chromium build).`,
  );
}
