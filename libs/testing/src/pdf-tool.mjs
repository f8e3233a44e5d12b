// Reads a PDF on stdin and prints JSON on stdout: `text` gives each page's text, `png <scale>` each
// page rasterized (base64 PNG). PDF.js and @napi-rs/canvas come from npm (no poppler on the machine);
// PDF.js is ESM-only, so the tests' CommonJS (ts-jest) runs this as a child process (libs/testing/src/pdf.ts).
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createCanvas } from '@napi-rs/canvas';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

const [mode, scaleArg] = process.argv.slice(2);
const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
// The standard 14 fonts that pdfkit references without embedding them are drawn from PDF.js's own files.
const pdfjsRoot = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
const doc = await getDocument({
  data: new Uint8Array(Buffer.concat(chunks)),
  standardFontDataUrl: join(pdfjsRoot, 'standard_fonts') + '/',
  cMapUrl: join(pdfjsRoot, 'cmaps') + '/',
  cMapPacked: true,
  verbosity: 0,
}).promise;

const pages = [];
for (let n = 1; n <= doc.numPages; n++) {
  const page = await doc.getPage(n);
  if (mode === 'text') {
    // One string per page; a text run that ends its line gets a newline, as pdftotext would print it.
    const { items } = await page.getTextContent();
    pages.push(items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join(''));
  } else if (mode === 'png') {
    const viewport = page.getViewport({ scale: Number(scaleArg) });
    const canvas = createCanvas(Math.round(viewport.width), Math.round(viewport.height));
    const context = canvas.getContext('2d');
    context.fillStyle = '#ffffff'; // paper, not transparency: a QR decoder needs the light modules
    context.fillRect(0, 0, canvas.width, canvas.height);
    await page.render({ canvas, canvasContext: context, viewport }).promise;
    pages.push((await canvas.encode('png')).toString('base64'));
  } else {
    throw new Error(`usage: pdf-tool.mjs text | png <scale>`);
  }
  page.cleanup();
}
await doc.destroy();
process.stdout.write(JSON.stringify(pages));
