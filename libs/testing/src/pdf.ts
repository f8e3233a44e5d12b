import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/** PDF.js (ESM-only) runs in a child Node process; see pdf-tool.mjs. Nothing outside npm is needed. */
const TOOL = join(__dirname, 'pdf-tool.mjs');

function runTool(pdf: Buffer, args: string[]): string[] {
  const out = execFileSync(process.execPath, [TOOL, ...args], { input: pdf, maxBuffer: 1024 * 1024 * 1024 });
  return JSON.parse(out.toString()) as string[];
}

/** Rasterizes each PDF page at 150 dpi (a 4 x 3 in badge becomes 600 x 450 px) and returns the PNGs in page order. */
export function rasterizePdf(pdf: Buffer, dpi = 150): Buffer[] {
  return runTool(pdf, ['png', String(dpi / 72)]).map((png) => Buffer.from(png, 'base64'));
}

/** The text of every page, pages separated by a form feed (as pdftotext prints it). */
export function pdfText(pdf: Buffer): string {
  return runTool(pdf, ['text']).join('\f');
}
