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
