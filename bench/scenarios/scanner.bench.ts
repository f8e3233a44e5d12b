import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { MARKER_BLOCK, type Segment, writeY4m } from '../../apps/web/e2e/fake-camera';
import { BenchContext, Scenario } from '../harness';
import { CHROME, CHROME_ARGS, requireChromium, ROOT } from './browser';
import { badgeCodes } from './scanning.bench';

const STAFF = 'scanner-staff@bench.example';
const FPS = 10;
/** Badges in the video, each after a blank gap; the first WARMUP appearances are not measured (camera and decoder starting). */
const BADGES = 22;
const WARMUP = 2;
const SAMPLES = 20;
const GAP_FRAMES = 8;
const SHOW_FRAMES = 8;
/** A verdict later than this after its badge appeared counts as missed. */
const MISS_MS = 5_000;

const percentile = (values: number[], p: number) => {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] * 10) / 10;
};

/**
 * In the page, beside the scanner (which has the camera open already): a second track of the same
 * fake camera, read frame by frame (MediaStreamTrackProcessor), records when each badge's frames
 * start to arrive (the marker drawn in the frame's corner says which badge); a MutationObserver on
 * the Scan result region records each verdict text, with the time of the next animation frame (the
 * verdict on screen). Both on the page's clock (performance.now()).
 */
async function watch(page: Page): Promise<void> {
  // Page code as text: the bench compiles without the DOM's types (as web.bench.ts does).
  await page.evaluate(`(async (block) => {
    const region = [...document.querySelectorAll('[role="status"]')].find((el) => {
      const label = el.getAttribute('aria-label') ?? (el.getAttribute('aria-labelledby') ?? '').split(' ')
        .map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
      return label.trim() === 'Scan result';
    });
    if (!region) throw new Error('no status region named Scan result');
    const bench = (window.__scanBench = { appear: [], verdicts: [] });
    new MutationObserver(() => {
      const text = (region.textContent ?? '').trim();
      const at = performance.now();
      requestAnimationFrame(() => bench.verdicts.push([text, at, performance.now()]));
    }).observe(region, { subtree: true, childList: true, characterData: true });
    const stream = await navigator.mediaDevices.getUserMedia({ video: true });
    const reader = new MediaStreamTrackProcessor({ track: stream.getVideoTracks()[0] }).readable.getReader();
    const rect = { x: 0, y: 0, width: 8 * block, height: block };
    (async () => {
      let last = 0;
      for (;;) {
        const { value: frame, done } = await reader.read();
        if (done || !frame) return;
        const at = performance.now();
        const bytes = new Uint8Array(frame.allocationSize({ rect }));
        const [luma] = await frame.copyTo(bytes, { rect });
        frame.close();
        let marker = 0;
        for (let bit = 0; bit < 8; bit++)
          if (bytes[luma.offset + (block / 2) * luma.stride + bit * block + block / 2] < 128) marker |= 0x80 >> bit;
        if (marker !== last && marker) bench.appear.push([marker, at]);
        last = marker;
      }
    })();
  })(${MARKER_BLOCK})`);
}

/** Badge appearing in the camera to its verdict on screen: p50/p95 over SAMPLES scans, headless Chromium, fake camera, the bench's API. */
async function cameraToVerdict(ctx: BenchContext, dir: string) {
  // The web app the API serves: apps/web/dist, built when stale (unless WEB_DIST_DIR points the API at another build).
  if (!process.env.WEB_DIST_DIR)
    execFileSync(process.execPath, [join(ROOT, 'scripts', 'ensure-web-build.js')], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  // A door of its own (named like the door-scan scenario's, so either run clears the other's), staffed.
  await ctx.db.query(`DELETE FROM checkpoint WHERE edition_id = $1 AND name LIKE 'Bench %'`, [ctx.editionId]);
  await ctx.db.query(
    `INSERT INTO edition_role (edition_id, email, role) VALUES ($1, $2, 'STAFF') ON CONFLICT DO NOTHING`,
    [ctx.editionId, STAFF],
  );
  const door = `Bench scanner ${Date.now()}`;
  await ctx.gql(
    `mutation($e: ID!, $n: String!) { createCheckpoint(editionId: $e, input: { name: $n, kind: ENTRANCE, allowed: [FULL_CONFERENCE, EXPO_ONLY, EXHIBITOR, SPEAKER, PRESS, STAFF] }) { id } }`,
    { e: ctx.editionId, n: door },
    await ctx.tokenFor('organizer@example.com'),
  );
  const token = await ctx.tokenFor(STAFF);
  // Badges nobody scanned at this new door: the last of the codes (door-scan starts from the first).
  const codes = (await badgeCodes(ctx, 40_000)).slice(-BADGES);
  // Each verdict is matched to its badge by the attendee's name on it.
  const people: { code: string; name: string }[] = await ctx.db.query(
    `SELECT b.code, a.first_name || ' ' || a.last_name AS name FROM badge b JOIN attendee a ON a.id = b.attendee_id WHERE b.code = ANY($1)`,
    [codes],
  );
  const nameOf = new Map(people.map((p) => [p.code, p.name]));
  const segments: Segment[] = [];
  for (const [i, code] of codes.entries())
    segments.push({ code: null, frames: GAP_FRAMES }, { code, frames: SHOW_FRAMES, marker: i + 1 });
  const video = join(dir, 'badges.y4m');
  writeY4m(video, segments, { fps: FPS });

  const browser = await chromium.launch({
    executablePath: CHROME,
    args: [
      ...CHROME_ARGS,
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
      `--use-file-for-fake-video-capture=${video}`,
    ],
  });
  try {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      serviceWorkers: 'block',
      permissions: ['camera'],
    });
    const page = await context.newPage();
    await page.goto(`${ctx.url}/login`);
    await page.evaluate(`localStorage.setItem('conference.token', ${JSON.stringify(token)})`);
    await page.goto(`${ctx.url}/scan?edition=${ctx.editionId}`);
    const box = page.getByRole('combobox', { name: 'Checkpoint' });
    await box.getByRole('option', { name: door }).waitFor({ state: 'attached', timeout: 30_000 });
    await box.selectOption({ label: door });
    await watch(page);

    type Seen = { appear: [number, number][]; verdicts: [string, number, number][] };
    const loopMs = (codes.length * (GAP_FRAMES + SHOW_FRAMES) * 1000) / FPS;
    const deadline = Date.now() + loopMs * 2 + 10_000;
    let seen: Seen = { appear: [], verdicts: [] };
    while (Date.now() < deadline) {
      await page.waitForTimeout(500);
      seen = await page.evaluate<Seen>('window.__scanBench');
      if (seen.appear.length >= WARMUP + SAMPLES + 1) break;
    }
    const latencies: number[] = [];
    const domLatencies: number[] = [];
    const outcomes: Record<string, number> = {};
    let missed = 0;
    const measured = seen.appear.slice(WARMUP, WARMUP + SAMPLES);
    for (const [marker, at] of measured) {
      const name = nameOf.get(codes[marker - 1]) ?? '';
      const verdict = seen.verdicts.find(
        ([text, domAt]) =>
          domAt >= at &&
          domAt <= at + MISS_MS &&
          text.includes(name) &&
          /^(Admitted|Already admitted|Rejected)/.test(text),
      );
      if (!verdict) {
        missed++;
        continue;
      }
      latencies.push(verdict[2] - at);
      domLatencies.push(verdict[1] - at);
      const outcome = /^(Admitted|Already admitted|Rejected)/.exec(verdict[0])![1];
      outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
    }
    return {
      scans: measured.length,
      missed,
      outcomes,
      p50Ms: percentile(latencies, 50),
      p95Ms: percentile(latencies, 95),
      maxMs: percentile(latencies, 100),
      domP50Ms: percentile(domLatencies, 50),
      domP95Ms: percentile(domLatencies, 95),
      frameIntervalMs: 1000 / FPS,
      video: { width: 640, height: 480, fps: FPS, badgeShownMs: (SHOW_FRAMES * 1000) / FPS },
    };
  } finally {
    await browser.close();
  }
}

/** apps/web/src/scanning/badge-code.ts bundled alone by Vite (an IIFE exposing `BadgeCode`): its text. */
export function bundleBadgeCode(dir: string): string {
  const config = join(dir, 'vite.badge-code.config.mjs');
  writeFileSync(
    config,
    `export default {
  root: ${JSON.stringify(dir)},
  logLevel: 'warn',
  build: {
    outDir: ${JSON.stringify(join(dir, 'out'))},
    emptyOutDir: true,
    minify: true,
    lib: { entry: ${JSON.stringify(join(ROOT, 'apps', 'web', 'src', 'scanning', 'badge-code.ts'))}, name: 'BadgeCode', formats: ['iife'], fileName: () => 'badge-code.js' },
  },
};\n`,
  );
  execFileSync(process.execPath, [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', config], {
    cwd: join(ROOT, 'apps', 'web'),
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return readFileSync(join(dir, 'out', 'badge-code.js'), 'utf8');
}

/**
 * The bundle in headless Chromium on `origin` (a secure context: WebCrypto): the codes verified with
 * the keys, one by one as a scanner does and all at once, each with a fresh keyring (key import
 * included); the median of 3 rounds, with WebCrypto Ed25519 and with @noble/ed25519 forced.
 */
export async function verifyInBrowser(
  origin: string,
  bundle: string,
  codes: string[],
  keys: { kid: string; publicKey: string; retired: boolean; editionId: string }[],
  editionId: string,
) {
  const browser = await chromium.launch({ executablePath: CHROME, args: CHROME_ARGS });
  try {
    const page = await browser.newPage();
    await page.goto(origin);
    await page.addScriptTag({ content: bundle });
    type Run = { used: string; valid: number; times: { oneByOne: number[]; batch: number[] } };
    const run = (backend: 'webcrypto' | 'noble') =>
      page.evaluate<Run>(`(async ({ codes, keys, editionId, backend }) => {
        const lib = window.BadgeCode;
        lib.forceEd25519Backend(backend === 'noble' ? 'noble' : null);
        const used = await lib.ed25519Backend();
        const times = { oneByOne: [], batch: [] };
        let valid = 0;
        for (let round = 0; round < 3; round++) {
          let ring = new lib.Keyring(keys);
          let t = performance.now();
          valid = 0;
          for (const code of codes) if ((await lib.verifyBadgeCode(code, ring, editionId)).ok) valid++;
          times.oneByOne.push(performance.now() - t);
          ring = new lib.Keyring(keys);
          t = performance.now();
          await lib.verifyBadgeCodes(codes, ring, editionId);
          times.batch.push(performance.now() - t);
        }
        return { used, valid, times };
      })(${JSON.stringify({ codes, keys, editionId, backend })})`);
    const median = (v: number[]) => Math.round([...v].sort((a, b) => a - b)[Math.floor(v.length / 2)]);
    const figures = async (backend: 'webcrypto' | 'noble') => {
      const r = await run(backend);
      return { backend: r.used, valid: r.valid, oneByOneMs: median(r.times.oneByOne), batchMs: median(r.times.batch) };
    };
    return {
      codes: codes.length,
      bundleKB: Math.round(bundle.length / 102.4) / 10,
      webcrypto: await figures('webcrypto'),
      noble: await figures('noble'),
    };
  } finally {
    await browser.close();
  }
}

/** 1,000 of the edition's real badge codes verified offline in the browser, with the keys of its scannerDataset. */
async function offlineVerification(ctx: BenchContext, dir: string) {
  const bundle = bundleBadgeCode(dir);
  const codes = (await badgeCodes(ctx, 40_000)).slice(0, 1000);
  const { data } = await ctx.gql<{ scannerDataset: { keys: { kid: string; publicKey: string; retired: boolean }[] } }>(
    `query($e: ID!) { scannerDataset(editionId: $e, first: 1) { keys { kid publicKey retired } } }`,
    { e: ctx.editionId },
    await ctx.tokenFor('organizer@example.com'),
  );
  const keys = data.scannerDataset.keys.map((k) => ({ ...k, editionId: ctx.editionId }));
  return verifyInBrowser(`${ctx.url}/health`, bundle, codes, keys, ctx.editionId);
}

/**
 * The door scanner in the browser (issue 18): (a) headless Chromium with a fake camera playing a video
 * of blank frames and different badges: the time from a badge appearing in the camera to its verdict
 * on screen, p50/p95 over 20 scans (target p95 < 250 ms); (b) 1,000 codes verified offline in the
 * browser with the scanner's own verifier (target < 1 s).
 */
export const scanner: Scenario = {
  name: 'scanner',
  async run(ctx) {
    requireChromium();
    const dir = mkdtempSync(join(tmpdir(), 'scanner-bench-'));
    try {
      const offline = await offlineVerification(ctx, dir);
      const camera = await cameraToVerdict(ctx, dir);
      return { camera, offline, targets: { cameraP95Ms: 250, offline1000Ms: 1000 } };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
