import s from './Ops.module.css';

/**
 * The back/forward buttons of a cursor-paged table (Ops.module.css): `after` holds the cursor of each
 * page opened so far; back drops the last, forward adds the page's end cursor.
 */
export function CursorPager({
  after,
  setAfter,
  pageInfo,
  back,
  forward,
}: {
  after: readonly string[];
  setAfter: (after: string[]) => void;
  pageInfo: { hasNextPage: boolean; endCursor?: string | null } | undefined;
  back: string;
  forward: string;
}) {
  return (
    <div className={s.buttons} style={{ marginTop: '0.5rem' }}>
      {after.length > 0 && (
        <button type="button" className="button" onClick={() => setAfter(after.slice(0, -1))}>
          {back}
        </button>
      )}
      {pageInfo?.hasNextPage && (
        <button type="button" className="button" onClick={() => setAfter([...after, pageInfo.endCursor!])}>
          {forward}
        </button>
      )}
    </div>
  );
}
