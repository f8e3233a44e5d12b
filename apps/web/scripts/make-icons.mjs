// Renders the app's PNG icons (manifest, apple-touch-icon) from public/icons/favicon.svg:
// `node apps/web/scripts/make-icons.mjs`. The PNGs are committed; run again after changing the SVG.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';

const dir = join(dirname(fileURLToPath(import.meta.url)), '..', 'public', 'icons');
const svg = readFileSync(join(dir, 'favicon.svg'), 'utf8');
// Maskable: full-bleed background, the mark inside the 80 % safe zone.
const maskable =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512"><rect width="512" height="512" fill="#0b4f6c"/><g transform="translate(76.8 76.8) scale(0.7)"><path d="M216 120h80v96h96v80h-96v96h-80v-96h-96v-80h96z" fill="#ffffff"/></g></svg>';
const render = (source, size) => new Resvg(source, { fitTo: { mode: 'width', value: size } }).render().asPng();
writeFileSync(join(dir, 'icon-192.png'), render(svg, 192));
writeFileSync(join(dir, 'icon-512.png'), render(svg, 512));
writeFileSync(join(dir, 'icon-maskable-512.png'), render(maskable, 512));
console.log('icons written to', dir);
