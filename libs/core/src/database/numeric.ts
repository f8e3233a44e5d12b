/** A numeric column as a JS number (pg returns numeric as text to keep precision; ours are small). */
export const numericColumn = {
  to: (v?: number | null) => v,
  from: (v: string | null) => (v === null ? null : Number(v)),
};
