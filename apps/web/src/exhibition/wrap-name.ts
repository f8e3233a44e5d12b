/** A name in at most `lines` lines that fit a width (metres) at a font size (metres), the average glyph about 0.55 em; the last cut with "…". */
export function wrapName(text: string, width: number, size: number, lines: number): string[] {
  const max = Math.floor(width / (size * 0.55));
  if (max < 3) return [];
  const out: string[] = [];
  let rest = text.trim();
  while (rest && out.length < lines) {
    if (rest.length <= max) {
      out.push(rest);
      rest = '';
      break;
    }
    const last = out.length === lines - 1;
    const cut = rest.lastIndexOf(' ', max);
    if (last || cut <= 0) {
      out.push(last ? `${rest.slice(0, max - 1).trimEnd()}…` : rest.slice(0, max));
      rest = last ? '' : rest.slice(max).trimStart();
    } else {
      out.push(rest.slice(0, cut));
      rest = rest.slice(cut + 1).trimStart();
    }
  }
  return out;
}
