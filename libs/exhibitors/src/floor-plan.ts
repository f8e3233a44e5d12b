import { escapeXml as escape } from '@app/core';

/** What a floor plan shows of a booth. */
export interface PlanBooth {
  code: string;
  xM: number;
  yM: number;
  widthM: number;
  depthM: number;
  status: string;
  exhibitor: string | null;
}

const STATUS_STYLE: Record<string, { fill: string; stroke: string; label: string }> = {
  AVAILABLE: { fill: '#dcfce7', stroke: '#15803d', label: 'Available' },
  ON_HOLD: { fill: '#fef3c7', stroke: '#b45309', label: 'On hold' },
  ASSIGNED: { fill: '#dbeafe', stroke: '#1d4ed8', label: 'Assigned' },
};
const PX_PER_M = 12;
const MARGIN = 24;
const LEGEND = 44;

const n = (v: number) => Math.round(v * 100) / 100;

/** Cuts a name to what fits a width at a font size (average glyph about 0.55 em). */
function fit(text: string, widthPx: number, fontPx: number): string {
  const max = Math.floor(widthPx / (fontPx * 0.55));
  if (max < 2) return '';
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/**
 * A hall to scale (12 px per metre, with a viewBox so it scales in any browser): each booth drawn
 * with its code and exhibitor name, coloured by status, and a legend. Booths are rendered in one
 * pass as plain string concatenation: a 400-booth hall takes a few milliseconds.
 */
export function renderFloorPlan(hall: { name: string; widthM: number; depthM: number }, booths: PlanBooth[]): string {
  const width = hall.widthM * PX_PER_M + MARGIN * 2;
  const height = hall.depthM * PX_PER_M + MARGIN * 2 + LEGEND;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${n(width)} ${n(height)}" width="${n(width)}" height="${n(height)}" font-family="Helvetica, Arial, sans-serif">`,
    `<title>${escape(hall.name)}: floor plan</title>`,
    `<rect x="0" y="0" width="${n(width)}" height="${n(height)}" fill="#ffffff"/>`,
    `<text x="${MARGIN}" y="${MARGIN - 8}" font-size="14" font-weight="bold" fill="#111827">${escape(hall.name)} (${hall.widthM} m × ${hall.depthM} m)</text>`,
    `<rect x="${MARGIN}" y="${MARGIN}" width="${n(hall.widthM * PX_PER_M)}" height="${n(hall.depthM * PX_PER_M)}" fill="#f9fafb" stroke="#374151" stroke-width="2"/>`,
  ];
  for (const booth of booths) {
    const style = STATUS_STYLE[booth.status] ?? STATUS_STYLE.AVAILABLE;
    const x = MARGIN + booth.xM * PX_PER_M;
    const y = MARGIN + booth.yM * PX_PER_M;
    const w = booth.widthM * PX_PER_M;
    const h = booth.depthM * PX_PER_M;
    const codeSize = Math.max(6, Math.min(12, h / 3, w / 4));
    const nameSize = Math.max(5, Math.min(10, h / 4));
    const name = booth.exhibitor ? fit(booth.exhibitor, w - 4, nameSize) : '';
    parts.push(
      `<g><title>${escape(booth.code)}${booth.exhibitor ? `: ${escape(booth.exhibitor)}` : ''} (${style.label}, ${n(booth.widthM)} m × ${n(booth.depthM)} m)</title>`,
      `<rect x="${n(x)}" y="${n(y)}" width="${n(w)}" height="${n(h)}" fill="${style.fill}" stroke="${style.stroke}" stroke-width="1"/>`,
      `<text x="${n(x + w / 2)}" y="${n(y + h / 2 - (name ? nameSize * 0.3 : -codeSize * 0.35))}" font-size="${n(codeSize)}" font-weight="bold" text-anchor="middle" fill="#111827">${escape(booth.code)}</text>`,
      name
        ? `<text x="${n(x + w / 2)}" y="${n(y + h / 2 + nameSize * 1.1)}" font-size="${n(nameSize)}" text-anchor="middle" fill="#374151">${escape(name)}</text>`
        : '',
      `</g>`,
    );
  }
  const legendY = MARGIN * 2 + hall.depthM * PX_PER_M + 8;
  Object.values(STATUS_STYLE).forEach((style, i) => {
    const x = MARGIN + i * 120;
    parts.push(
      `<rect x="${x}" y="${n(legendY)}" width="16" height="16" fill="${style.fill}" stroke="${style.stroke}"/>`,
      `<text x="${x + 22}" y="${n(legendY + 12)}" font-size="12" fill="#111827">${style.label}</text>`,
    );
  });
  parts.push(`</svg>`);
  return parts.filter(Boolean).join('\n');
}
