import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';

/** Decodes the first QR code in a PNG with jsQR, as a phone or door scanner would. */
export function decodePng(png: Buffer): string | null {
  const image = PNG.sync.read(png);
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data ?? null;
}

/** Renders an SVG (as a browser would, with resvg) and decodes its QR code. */
export function decodeSvg(svg: string, width = 400): string | null {
  return decodePng(new Resvg(svg, { fitTo: { mode: 'width', value: width } }).render().asPng());
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
