import { decodePng, decodeSvg, pdfText, rasterizePdf } from '@app/testing';
import { PNG } from 'pngjs';
import { BadgeCard, qrSvg, renderBadge, renderBadgesPdf } from './badge-render';

const CODE = 'CB1.' + 'Q'.repeat(115);

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
  it('draws an SVG QR code that a real decoder reads back exactly', () => {
    const svg = qrSvg(CODE);
    expect(svg).toMatch(/^<svg/);
    expect(decodeSvg(svg)).toBe(CODE);
  });

  it("renders a badge's SVG and PDF from one QR symbol, both decoding to the code", async () => {
    const { svg, pdf } = await renderBadge(card());
    expect(decodeSvg(svg)).toBe(CODE);
    expect(rasterizePdf(pdf).map(decodePng)).toEqual([CODE]);
  });

  it('prints a 4 x 3 in PDF badge whose QR code decodes from the rasterized page', async () => {
    const pdf = await renderBadgesPdf([card()]);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1')).toMatch(/MediaBox \[0 0 288 216\]/);
    // The text is there, in fonts a viewer can use (the standard fonts come from parsed templates).
    const text = pdfText(pdf);
    expect(text).toContain('Łukasz');
    expect(text).toContain('FULL CONFERENCE');
    const [page] = rasterizePdf(pdf);
    const image = PNG.sync.read(page);
    expect([image.width, image.height]).toEqual([600, 450]);
    expect(decodePng(page)).toBe(CODE);
  });

  it('prints one page per badge in a sheet, each with its own code', async () => {
    const codes = ['CB1.' + 'A'.repeat(115), 'CB1.' + 'B'.repeat(115), 'CB1.' + 'C'.repeat(115)];
    const pdf = await renderBadgesPdf(
      codes.map((code, i) =>
        card({
          code,
          firstName: 'Grace',
          lastName: 'Hopper',
          accessLevel: ['EXPO_ONLY', 'SPEAKER', 'STAFF'][i],
          company: null,
          jobTitle: null,
        }),
      ),
    );
    expect(rasterizePdf(pdf).map(decodePng)).toEqual(codes);
    const text = pdfText(pdf);
    expect(text.match(/Grace\s+Hopper/g)).toHaveLength(3);
    expect(text).toContain('EXPO ONLY');
  });
});
