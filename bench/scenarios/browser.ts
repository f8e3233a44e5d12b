import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { chromiumArgs, chromiumPath } from '../../apps/web/e2e/chromium';

/** What the browser scenarios (web, scanner) share: the repository's root and the browser tests' Chromium. */

/** The repository (the compiled bench runs from dist/bench/scenarios). */
export const ROOT = (() => {
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir))
    if (existsSync(join(dir, 'scripts', 'ensure-web-build.js'))) return dir;
  return process.cwd();
})();

/** Debian's Chromium (WEB.md), or CHROME_PATH: the one the browser tests use (apps/web/e2e/chromium.ts). */
export const CHROME = chromiumPath;
/** Without them Chromium floods this closed network with refused connections (WEB.md). */
export const CHROME_ARGS = chromiumArgs;

/** Fails at once when Chromium is missing, with the command that installs it. */
export function requireChromium(): void {
  if (!existsSync(CHROME))
    throw new Error(
      `Chromium is missing at ${CHROME}: install it with \`apt-get install -y chromium\` (or set CHROME_PATH)`,
    );
}
