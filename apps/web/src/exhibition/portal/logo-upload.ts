/** The logo upload (POST /logos/<exhibitorId>, the raw image as the body) and its refusals in words. */

export type LogoUploadResult = { ok: true; logoUrl: string } | { ok: false; message: string };

/** A byte count as people read it: 1 MB, 512 KB, 900 bytes. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round((bytes / 1024) * 10) / 10} KB`;
  return `${bytes} bytes`;
}

/** The server's answer to a refused upload, in words (413 names the limit, 415 says what is accepted). */
export function logoRefusal(status: number, body: unknown): string {
  const b = (typeof body === 'object' && body !== null ? body : {}) as { limitBytes?: unknown; message?: unknown };
  if (status === 413) {
    return typeof b.limitBytes === 'number'
      ? `That image is too large: a logo may have at most ${formatBytes(b.limitBytes)}.`
      : 'That image is too large for a logo.';
  }
  if (status === 415) return 'That file is not an image we accept: use a PNG, JPEG, WebP or GIF (SVG is refused).';
  if (status === 401) return 'Your sign-in has expired: sign in again and retry.';
  if (status === 403 || status === 404) return 'Only the exhibitor’s admins and the organizers can change its logo.';
  return typeof b.message === 'string' && b.message ? b.message : `The logo could not be stored (error ${status}).`;
}

/** Uploads `file` as the exhibitor's logo with the signed-in person's token. */
export async function uploadLogo(
  exhibitorId: string,
  file: Blob,
  token: string | null,
  fetcher: typeof fetch = fetch,
): Promise<LogoUploadResult> {
  let res: Response;
  try {
    res = await fetcher(`/logos/${encodeURIComponent(exhibitorId)}`, {
      method: 'POST',
      headers: {
        'content-type': file.type || 'application/octet-stream',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: file,
    });
  } catch {
    return { ok: false, message: 'The server could not be reached. Check your connection and try again.' };
  }
  const body: unknown = await res.json().catch(() => null);
  if (res.ok && typeof (body as { logoUrl?: unknown } | null)?.logoUrl === 'string')
    return { ok: true, logoUrl: (body as { logoUrl: string }).logoUrl };
  return { ok: false, message: logoRefusal(res.status, body) };
}
