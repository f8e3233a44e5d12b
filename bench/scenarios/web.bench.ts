import { execFileSync, spawn } from 'node:child_process';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { Scenario } from '../harness';
import { CHROME, CHROME_ARGS, requireChromium, ROOT } from './browser';

const LOADS = 5;
/** A main-thread task this long blocks input (the long-task threshold); ready once none has run for QUIET_MS. */
const QUIET_MS = 500;

/**
 * Watches the page from before its first script: the long tasks, and when the session articles
 * (UI.md: each session is an `article`) appeared and last changed in number. Times are from the
 * navigation's start.
 */
const WATCH = `
window.__bench = { longTasks: [], articles: 0, articlesAt: null, lastChangeAt: null, expected: EXPECTED };
try {
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__bench.longTasks.push([e.startTime, e.startTime + e.duration]); }).observe({ type: 'longtask', buffered: true });
} catch (e) {}
new MutationObserver(() => {
  const b = window.__bench;
  const n = document.getElementsByTagName('article').length;
  if (n === b.articles) return;
  b.articles = n;
  b.lastChangeAt = performance.now();
  if (b.articlesAt === null && n >= b.expected) b.articlesAt = b.lastChangeAt;
}).observe(document, { subtree: true, childList: true });`;

interface Watch {
  longTasks: [number, number][];
  articles: number;
  articlesAt: number | null;
  lastChangeAt: number | null;
  expected: number;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? Math.round(sorted[Math.floor(sorted.length / 2)]) : null;
};

/** Day one's articles on screen, then the main thread free of long tasks for QUIET_MS: "ready for input" (a short-window TTI). */
function readyAt(watch: Watch): number | null {
  let ready = watch.articlesAt ?? watch.lastChangeAt;
  if (ready === null) return null;
  for (const [start, end] of [...watch.longTasks].sort((a, b) => a[0] - b[0]))
    if (start < ready + QUIET_MS) ready = Math.max(ready, end);
  return ready;
}

/** Playwright's Chromium: LOADS fresh loads (no HTTP cache, no service worker) of the programme at a size; the median figures. */
async function loads(url: string, expected: number, viewport: { width: number; height: number }, isMobile: boolean) {
  const browser = await chromium.launch({ executablePath: CHROME, args: CHROME_ARGS });
  const ready: number[] = [];
  const articlesIn: number[] = [];
  const longTaskMs: number[] = [];
  let articles = 0;
  let jsBytes = 0;
  let jsGzipBytes = 0;
  let otherOrigins: string[] = [];
  try {
    for (let i = 0; i < LOADS; i++) {
      const context = await browser.newContext({
        viewport,
        isMobile,
        hasTouch: isMobile,
        deviceScaleFactor: isMobile ? 2 : 1,
        serviceWorkers: 'block',
      });
      const page = await context.newPage();
      await page.addInitScript(WATCH.replace('EXPECTED', String(expected)));
      const scripts: Promise<Buffer | null>[] = [];
      const origins = new Set<string>();
      page.on('request', (r) => {
        if (!r.url().startsWith(new URL(url).origin) && !r.url().startsWith('data:'))
          origins.add(new URL(r.url()).origin);
      });
      page.on('response', (r) => {
        if (r.request().resourceType() === 'script') scripts.push(r.body().catch(() => null));
      });
      await page.goto(url, { waitUntil: 'commit' });
      const deadline = Date.now() + 15_000;
      let watch: Watch = await page.evaluate<Watch>('window.__bench');
      while (watch.articlesAt === null && Date.now() < deadline) {
        await page.waitForTimeout(50);
        watch = await page.evaluate<Watch>('window.__bench');
      }
      // Then long enough to see any long task that would still block input.
      await page.waitForTimeout(QUIET_MS * 3);
      watch = await page.evaluate<Watch>('window.__bench');
      const at = readyAt(watch);
      if (at !== null) ready.push(at);
      if (watch.articlesAt !== null || watch.lastChangeAt !== null)
        articlesIn.push((watch.articlesAt ?? watch.lastChangeAt)!);
      longTaskMs.push(watch.longTasks.reduce((sum, [s, e]) => sum + (e - s), 0));
      articles = watch.articles;
      if (i === 0) {
        const bodies = (await Promise.all(scripts)).filter((b): b is Buffer => !!b);
        jsBytes = bodies.reduce((n, b) => n + b.length, 0);
        jsGzipBytes = bodies.reduce((n, b) => n + gzipSync(b, { level: 9 }).length, 0);
        otherOrigins = [...origins];
      }
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return {
    readyMs: median(ready),
    articlesInDomMs: median(articlesIn),
    longTasksMs: median(longTaskMs),
    articles,
    allOfDayOne: articles >= expected,
    jsKB: Math.round(jsBytes / 102.4) / 10,
    jsGzipKB: Math.round(jsGzipBytes / 102.4) / 10,
    otherOrigins,
  };
}

/** Lighthouse 12.2.3 (its CLI, through chrome-launcher) with its default mobile emulation and throttling: the three category scores. */
async function lighthouse(url: string): Promise<Record<string, unknown>> {
  const cli = join(ROOT, 'node_modules', 'lighthouse', 'cli', 'index.js');
  const args = [
    cli,
    url,
    '--output=json',
    '--output-path=stdout',
    '--quiet',
    '--only-categories=performance,accessibility,best-practices',
    `--chrome-flags=--headless=new ${CHROME_ARGS.join(' ')}`,
  ];
  const json = await new Promise<string>((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      env: { ...process.env, CHROME_PATH: CHROME },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0
        ? resolve(Buffer.concat(out).toString('utf8'))
        : reject(new Error(`lighthouse exited with ${code}: ${Buffer.concat(err).toString('utf8').slice(-500)}`)),
    );
  });
  const report = JSON.parse(json) as {
    categories: Record<string, { score: number | null }>;
    audits: Record<string, { score: number | null; numericValue?: number; title: string }>;
  };
  const score = (c: string) =>
    report.categories[c]?.score === null || report.categories[c] === undefined
      ? null
      : Math.round(report.categories[c].score * 100);
  const ms = (a: string) =>
    report.audits[a]?.numericValue === undefined ? null : Math.round(report.audits[a].numericValue);
  const failing = Object.entries(report.audits)
    .filter(
      ([, a]) =>
        a.score !== null &&
        a.score < 0.9 &&
        !['metrics', 'diagnostics', 'main-thread-tasks', 'screenshot-thumbnails', 'final-screenshot'].includes(a.title),
    )
    .map(([id]) => id);
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    bestPractices: score('best-practices'),
    fcpMs: ms('first-contentful-paint'),
    lcpMs: ms('largest-contentful-paint'),
    tbtMs: ms('total-blocking-time'),
    cls: report.audits['cumulative-layout-shift']?.numericValue ?? null,
    failingAudits: failing.slice(0, 20),
  };
}

/**
 * The web app's programme on the full seed's first day (~180 sessions), as a phone and a desktop
 * first open it, served by the bench's API from apps/web/dist (built first when stale): Lighthouse's
 * mobile scores, the gzipped JavaScript the first page loads, and the time from navigation start to
 * day one's session articles in the DOM with the main thread free for input (median of 5 loads).
 */
export const web: Scenario = {
  name: 'web',
  async run(ctx) {
    requireChromium();
    execFileSync(process.execPath, [join(ROOT, 'scripts', 'ensure-web-build.js')], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const [edition]: { starts_on: string; timezone: string }[] = await ctx.db.query(
      `SELECT starts_on::text, timezone FROM edition WHERE id = $1`,
      [ctx.editionId],
    );
    const [{ n }]: { n: number }[] = await ctx.db.query(
      `SELECT count(*)::int AS n FROM session WHERE edition_id = $1 AND status = 'PUBLISHED' AND (starts_at AT TIME ZONE $2)::date = $3::date`,
      [ctx.editionId, edition.timezone, edition.starts_on],
    );
    const url = `${ctx.url}/?edition=${ctx.editionId}`;
    const index = await fetch(url);
    if (!index.ok || !(index.headers.get('content-type') ?? '').includes('text/html'))
      throw new Error(`the API does not serve the web app at ${url} (${index.status}): run \`npm run build:web\``);
    const phone = await loads(url, n, { width: 390, height: 844 }, true);
    const desktop = await loads(url, n, { width: 1440, height: 900 }, false);
    const scores = await lighthouse(url);
    return {
      day: edition.starts_on,
      sessionsOnDayOne: n,
      lighthouseMobile: scores,
      jsGzipKB: phone.jsGzipKB,
      phone,
      desktop,
      targets: { performance: 95, accessibility: 100, bestPractices: 95, jsGzipKB: 150, readyMs: 500 },
    };
  },
};
