/**
 * Where to go after signing in: the `next` parameter when it is a path on this site, else `/`.
 * Never another origin (`//evil.example`, `https://...`, `/\evil`), so a link cannot bounce a
 * person who just signed in to a look-alike site.
 */
export function safeNext(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  // eslint-disable-next-line no-control-regex -- control characters (CR, LF, NUL...) in a path are refused on purpose.
  if (/[\u0000-\u001f]/.test(next)) return '/';
  return next;
}

/** The sign-in page's URL that comes back to `path` (pathname + search) afterwards. */
export function loginUrl(path: string): string {
  const next = safeNext(path);
  return next === '/' || next.startsWith('/login') ? '/login' : `/login?next=${encodeURIComponent(next)}`;
}
