import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { BadgeCard, qrSvg, renderBadgesPdf } from './badge-render';

const CODE = 'CB1.' + 'Q'.repeat(115);

/** Decodes the first QR code in a PNG with jsQR, as a phone or door scanner would. */
export function decodePng(png: Buffer): string | null {
  const image = PNG.sync.read(png);
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data ?? null;
}

/** Rasterizes each PDF page with poppler's pdftoppm (150 dpi) and returns the PNGs in page order. */
export function rasterizePdf(pdf: Buffer): Buffer[] {
  const dir = mkdtempSync(join(tmpdir(), 'badge-'));
  try {
    writeFileSync(join(dir, 'in.pdf'), pdf);
    execFileSync('pdftoppm', ['-r', '150', '-png', join(dir, 'in.pdf'), join(dir, 'page')]);
    return readdirSync(dir).filter((f) => f.endsWith('.png')).sort().map((f) => readFileSync(join(dir, f)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const card = (overrides: Partial<BadgeCard> = {}): BadgeCard => ({
  code: CODE,
  firstName: 'Łukasz',
  lastName: 'Wiśniewski-Kowalczyk',
  company: 'Riverbend University Hospital',
  jobTitle: 'Chief Nursing Informatics Officer',
  accessLevel: 'FULL_CONFERENCE',
  editionName: 'HealthConnect 2027',
  ...overrides,
});

describe('badge rendering', () => {
  it('draws an SVG QR code that a real decoder reads back exactly', async () => {
    const svg = await qrSvg(CODE);
    expect(svg).toMatch(/^<svg/);
    const png = new Resvg(svg, { fitTo: { mode: 'width', value: 400 } }).render().asPng();
    expect(decodePng(png)).toBe(CODE);
  });

  it('prints a 4 x 3 in PDF badge whose QR code decodes from the rasterized page', async () => {
    const pdf = await renderBadgesPdf([card()]);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1')).toMatch(/MediaBox \[0 0 288 216\]/);
    const [page] = rasterizePdf(pdf);
    const image = PNG.sync.read(page);
    expect([image.width, image.height]).toEqual([600, 450]);
    expect(decodePng(page)).toBe(CODE);
  });

  it('prints one page per badge in a sheet, each with its own code', async () => {
    const codes = ['CB1.' + 'A'.repeat(115), 'CB1.' + 'B'.repeat(115), 'CB1.' + 'C'.repeat(115)];
    const pdf = await renderBadgesPdf(codes.map((code, i) => card({ code, accessLevel: ['EXPO_ONLY', 'SPEAKER', 'STAFF'][i], company: null, jobTitle: null })));
    expect(rasterizePdf(pdf).map(decodePng)).toEqual(codes);
  });
});
