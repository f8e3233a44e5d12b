/** The attendee CSV upload (POST /editions/<id>/attendees/import, the file as text/csv) and its refusals in words. */

export type ImportOutcome = 'CREATED' | 'UPDATED' | 'UNCHANGED' | 'REFUSED';

/** The server's per-row answer (the GraphQL AttendeeImportReport, as JSON). */
export interface AttendeeImportReport {
  created: number;
  updated: number;
  unchanged: number;
  refused: number;
  rows: {
    row: number;
    email: string | null;
    outcome: ImportOutcome;
    reason: string | null;
    attendeeId: string | null;
  }[];
}

export type ImportResult = { ok: true; report: AttendeeImportReport } | { ok: false; message: string };

/** A refused upload in words. */
export function importRefusal(status: number, body: unknown): string {
  const message = (body as { message?: unknown } | null)?.message;
  const text = Array.isArray(message) ? message.join(' ') : typeof message === 'string' ? message : '';
  if (status === 401) return 'Your sign-in has expired: sign in again and retry.';
  if (status === 403) return 'Only the edition’s organizers can import attendees.';
  if (status === 413) return 'That file is too large: an import may have at most 20 MB.';
  return text || `The file could not be imported (error ${status}).`;
}

/** Uploads a CSV text as the edition's attendee import with the signed-in organizer's token. */
export async function uploadAttendeesCsv(
  editionId: string,
  csv: string,
  token: string | null,
  fetcher: typeof fetch = fetch,
): Promise<ImportResult> {
  let res: Response;
  try {
    res = await fetcher(`/editions/${encodeURIComponent(editionId)}/attendees/import`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv; charset=utf-8', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: csv,
    });
  } catch {
    return { ok: false, message: 'The server could not be reached. Check your connection and try again.' };
  }
  const body: unknown = await res.json().catch(() => null);
  if (res.ok && Array.isArray((body as AttendeeImportReport | null)?.rows))
    return { ok: true, report: body as AttendeeImportReport };
  return { ok: false, message: importRefusal(res.status, body) };
}
