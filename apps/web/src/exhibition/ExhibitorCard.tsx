import { Link } from 'react-router';
import s from './Exhibition.module.css';

/** What the directory's card shows of an exhibitor. */
export interface CardExhibitor {
  id: string;
  name: string;
  category?: string | null;
  sponsorshipTier?: string | null;
  description?: string | null;
  logoUrl?: string | null;
  booths: readonly { id: string; code: string; hall: { id: string; name: string } }[];
}

/** The start of a description, cut at a word. */
export const excerpt = (text: string, max = 160) =>
  text.length <= max
    ? text
    : `${text.slice(0, text.lastIndexOf(' ', max - 1) > 80 ? text.lastIndexOf(' ', max - 1) : max - 1)}…`;

/**
 * One exhibitor as attendees see it in the directory (/exhibitors): name (a link to its page), logo,
 * booth and hall, category, sponsorship and the start of the description. The exhibitor portal's
 * profile preview draws the same card.
 */
export function ExhibitorCard({
  exhibitor: x,
  to,
  idPrefix = 'exhibitor',
  level = 2,
}: {
  exhibitor: CardExhibitor;
  to: string;
  /** Makes the heading's id unique when the card is drawn twice on a page. */
  idPrefix?: string;
  level?: 2 | 3;
}) {
  const headingId = `${idPrefix}-${x.id}`;
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <article className={s.card} aria-labelledby={headingId}>
      <div className={s.cardHead}>
        {x.logoUrl && <img className={s.cardLogo} src={x.logoUrl} alt="" width={48} height={48} loading="lazy" />}
        <Heading id={headingId} className={s.cardTitle}>
          <Link to={to}>{x.name}</Link>
        </Heading>
      </div>
      <p className={s.meta}>
        {x.booths.length > 0 ? (
          <span className={s.booth}>
            Booth {x.booths.map((b) => b.code).join(', ')}
            <span className={s.hall}> · {[...new Set(x.booths.map((b) => b.hall.name))].join(', ')}</span>
          </span>
        ) : (
          <span>No booth yet</span>
        )}
        {x.category && <span className={s.tag}>{x.category}</span>}
        {x.sponsorshipTier && <span className={s.tier}>{x.sponsorshipTier.toLowerCase()} sponsor</span>}
      </p>
      {x.description && <p className={s.description}>{excerpt(x.description)}</p>}
    </article>
  );
}
