import type { AdminBoothFieldsFragment } from '../gql/graphql';

/** A booth as the Exhibition screen reads it. */
export type AdminBooth = AdminBoothFieldsFragment;

export const STATUS_WORDS: Record<string, string> = {
  AVAILABLE: 'Available',
  ON_HOLD: 'On hold',
  ASSIGNED: 'Assigned',
};

/** A booth's accessible name on the plan: its code and where it stands. */
export function boothLabel(b: Pick<AdminBooth, 'code' | 'status' | 'exhibitor'>): string {
  if (b.status === 'AVAILABLE') return `Booth ${b.code}, available`;
  if (b.status === 'ON_HOLD') return `Booth ${b.code}, on hold for ${b.exhibitor?.name ?? 'an exhibitor'}`;
  return `Booth ${b.code}, assigned to ${b.exhibitor?.name ?? 'an exhibitor'}`;
}

/** The booth CSV's columns (README: code,hall,x,y,width,depth,type), any case, metres with or without the M. */
const COLUMNS: Record<string, 'code' | 'hall' | 'xM' | 'yM' | 'widthM' | 'depthM' | 'type'> = {
  code: 'code',
  hall: 'hall',
  x: 'xM',
  xm: 'xM',
  y: 'yM',
  ym: 'yM',
  width: 'widthM',
  widthm: 'widthM',
  depth: 'depthM',
  depthm: 'depthM',
  type: 'type',
};

/** The rows of a booth CSV (header first) as importBooths takes them; unknown columns are ignored. */
export function boothRows(records: readonly (readonly string[])[]): Record<string, string>[] {
  const [header, ...rows] = records;
  if (!header) return [];
  const keys = header.map(
    (h) =>
      COLUMNS[
        h
          .trim()
          .toLowerCase()
          .replace(/[^a-z]/g, '')
      ],
  );
  return rows.map((r) => {
    const row: Record<string, string> = {};
    keys.forEach((k, i) => {
      if (k && r[i] !== undefined) row[k] = r[i].trim();
    });
    return row;
  });
}
