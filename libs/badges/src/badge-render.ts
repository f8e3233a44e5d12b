import * as fontkit from 'fontkit';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';

/** What is printed on a badge. */
export interface BadgeCard {
  code: string;
  firstName: string;
  lastName: string;
  company: string | null;
  jobTitle: string | null;
  accessLevel: string;
  editionName: string;
}

/** Band colour and printed name of each access level: readable from across a hall. */
export const ACCESS_LEVEL_STYLE: Record<string, { color: string; label: string }> = {
  FULL_CONFERENCE: { color: '#1d4ed8', label: 'FULL CONFERENCE' },
  EXPO_ONLY: { color: '#15803d', label: 'EXPO ONLY' },
  EXHIBITOR: { color: '#c2410c', label: 'EXHIBITOR' },
  SPEAKER: { color: '#7e22ce', label: 'SPEAKER' },
  PRESS: { color: '#b91c1c', label: 'PRESS' },
  STAFF: { color: '#111827', label: 'STAFF' },
};

const QR_OPTIONS = { errorCorrectionLevel: 'M' as const };
const POINTS_PER_INCH = 72;
/** A 4 x 3 inch badge, landscape. */
export const BADGE_SIZE: [number, number] = [4 * POINTS_PER_INCH, 3 * POINTS_PER_INCH];

// Names the PDF standard fonts can write (WinAnsi: English, Western European) use Helvetica, which
// needs no embedding. Others (Łukasz, Θεόδωρος, Ирина) use DejaVu, embedded as a subset: slower to
// produce, so it is kept for the badges that need it. Parsed once, not per document.
const FONT_DIR = require.resolve('dejavu-fonts-ttf/package.json').replace(/package\.json$/, 'ttf/');
const UNICODE_FONTS = {
  regular: fontkit.openSync(`${FONT_DIR}DejaVuSans.ttf`),
  bold: fontkit.openSync(`${FONT_DIR}DejaVuSans-Bold.ttf`),
};

// qrcode's own SVG writer, fed a symbol we already built (its public API would encode the text again).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const svgTag = require('qrcode/lib/renderer/svg-tag') as { render(qr: QRCode.QRCode, options: object): string };

/**
 * The QR symbol of a code. Codes are ASCII, so one byte-mode segment: the library's automatic
 * segmentation (a shortest-path search over mode switches) costs three times the encoding itself.
 */
export const qrSymbol = (code: string): QRCode.QRCode =>
  QRCode.create([{ data: Buffer.from(code, 'latin1'), mode: 'byte' }], QR_OPTIONS);

/** The QR code as an SVG image (error correction M, quiet zone of 4 modules). */
export function qrSvg(code: string | QRCode.QRCode): string {
  return svgTag.render(typeof code === 'string' ? qrSymbol(code) : code, {
    margin: 4,
    color: { dark: '#000000ff', light: '#ffffffff' },
  });
}

/** A badge's QR SVG and its printable PDF, from one QR symbol. */
export async function renderBadge(card: BadgeCard): Promise<{ svg: string; pdf: Buffer }> {
  const qr = qrSymbol(card.code);
  return { svg: qrSvg(qr), pdf: await renderBadgesPdf([card], [qr]) };
}

/** One PDF page per card, in the given order (a single badge or a print sheet). */
export function renderBadgesPdf(cards: BadgeCard[], symbols?: QRCode.QRCode[]): Promise<Buffer> {
  // font: null, so no default font is parsed; the standard fonts come from templates instead.
  const doc = new PDFDocument({
    size: BADGE_SIZE,
    margin: 0,
    autoFirstPage: false,
    font: null as unknown as string,
    info: {
      Title: cards.length === 1 ? `Badge ${cards[0].firstName} ${cards[0].lastName}` : `Badges (${cards.length})`,
    },
  });
  useParsedStandardFonts(doc);
  // PDFKit takes a parsed fontkit font where its types say string.
  doc.registerFont('regular-unicode', UNICODE_FONTS.regular as unknown as string);
  doc.registerFont('bold-unicode', UNICODE_FONTS.bold as unknown as string);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  cards.forEach((card, i) => drawBadge(doc, card, symbols?.[i] ?? qrSymbol(card.code)));
  doc.end();
  return done;
}

/** Characters of the PDF standard fonts' WinAnsi encoding. */
const WIN_ANSI = /^[\x20-\x7e\xa0-\xff€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]*$/;

type FontName = 'Helvetica' | 'Helvetica-Bold' | 'regular-unicode' | 'bold-unicode';

/** What pdfkit keeps per document of a font, besides its metrics. */
interface PdfKitFont {
  document: PDFKit.PDFDocument;
  id: string;
  dictionary?: unknown;
  embedded?: boolean;
}
interface PdfKitFonts {
  _fontFamilies: Record<string, PdfKitFont>;
  _fontCount: number;
}

/**
 * pdfkit builds a standard font's metrics (widths and ~2,700 kerning pairs) anew for every
 * document: over a third of a badge's rendering time. Badges are rendered by the ten thousand, so
 * the two fonts are built once here and each document gets its own light copy (its own document,
 * id and dictionary; the metrics are only read). This leans on pdfkit internals (pinned in the
 * lockfile); the rendering tests decode every badge PDF, so a change there cannot go unnoticed.
 */
const STANDARD_FONT_TEMPLATES: Record<string, PdfKitFont> = (() => {
  const doc = new PDFDocument({ font: 'Helvetica' });
  doc.font('Helvetica-Bold');
  const families = (doc as unknown as PdfKitFonts)._fontFamilies;
  return { Helvetica: families['Helvetica'], 'Helvetica-Bold': families['Helvetica-Bold'] };
})();

function useParsedStandardFonts(doc: PDFKit.PDFDocument): void {
  const fonts = doc as unknown as PdfKitFonts;
  for (const [name, template] of Object.entries(STANDARD_FONT_TEMPLATES)) {
    const prototype = Object.getPrototypeOf(template) as object | null;
    const copy: PdfKitFont = Object.assign(Object.create(prototype) as PdfKitFont, template, {
      document: doc,
      id: `F${++fonts._fontCount}`,
      dictionary: undefined,
      embedded: false,
    });
    fonts._fontFamilies[name] = copy;
  }
}

function drawBadge(doc: PDFKit.PDFDocument, card: BadgeCard, qr: QRCode.QRCode): void {
  const unicode = ![card.firstName, card.lastName, card.company ?? '', card.jobTitle ?? '', card.editionName].every(
    (text) => WIN_ANSI.test(text),
  );
  const regular: FontName = unicode ? 'regular-unicode' : 'Helvetica';
  const bold: FontName = unicode ? 'bold-unicode' : 'Helvetica-Bold';
  const [width, height] = BADGE_SIZE;
  const style = ACCESS_LEVEL_STYLE[card.accessLevel] ?? { color: '#374151', label: card.accessLevel };
  const pad = 14;
  const bandHeight = 40;
  const qrSize = 1.35 * POINTS_PER_INCH;
  const textWidth = width - qrSize - pad * 3;
  doc.addPage();

  doc
    .font(regular)
    .fontSize(8)
    .fillColor('#6b7280')
    .text(card.editionName, pad, pad, { width: width - pad * 2, lineBreak: false, ellipsis: true });

  // The name, as large as fits: first name biggest, then last name.
  let y = pad + 16;
  y = fitText(doc, card.firstName, pad, y, textWidth, 26, bold, '#111827');
  y = fitText(doc, card.lastName, pad, y, textWidth, 20, bold, '#111827') + 6;
  if (card.company) y = fitText(doc, card.company, pad, y, textWidth, 11, regular, '#374151');
  if (card.jobTitle) fitText(doc, card.jobTitle, pad, y, textWidth, 9, regular, '#6b7280');

  drawQr(doc, qr, width - pad - qrSize, pad + 14, qrSize);

  doc.rect(0, height - bandHeight, width, bandHeight).fill(style.color);
  doc
    .font(bold)
    .fontSize(16)
    .fillColor('#ffffff')
    .text(style.label, 0, height - bandHeight + 12, { width, align: 'center', lineBreak: false });
}

/** Writes one line at the largest size (down to 60 %) that fits the width; returns the next y. */
function fitText(
  doc: PDFKit.PDFDocument,
  text: string,
  x: number,
  y: number,
  width: number,
  size: number,
  font: FontName,
  color: string,
): number {
  let fontSize = size;
  doc.font(font);
  while (fontSize > size * 0.6 && doc.fontSize(fontSize).widthOfString(text) > width) fontSize -= 1;
  doc.fontSize(fontSize).fillColor(color).text(text, x, y, { width, lineBreak: false, ellipsis: true });
  return y + fontSize * 1.2;
}

/** The QR code drawn as vector squares (each row's runs of dark modules as one rectangle): crisp at any printer resolution. */
function drawQr(doc: PDFKit.PDFDocument, { modules }: QRCode.QRCode, x: number, y: number, size: number): void {
  const quiet = 4;
  const cell = size / (modules.size + quiet * 2);
  doc.rect(x, y, size, size).fill('#ffffff');
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      if (!modules.get(row, col)) continue;
      let end = col + 1;
      while (end < modules.size && modules.get(row, end)) end++;
      doc.rect(x + (col + quiet) * cell, y + (row + quiet) * cell, (end - col) * cell, cell);
      col = end;
    }
  }
  doc.fill('#000000');
}
