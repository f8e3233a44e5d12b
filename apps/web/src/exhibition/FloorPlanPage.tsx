import { useQuery } from '@apollo/client/react';
import { type MouseEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { graphql } from '../gql';
import { FormError } from '../ui/FormError';
import { useDocumentTitle } from '../ui/useDocumentTitle';
import { useEditionChoice } from '../ui/useEditionChoice';
import s from './Exhibition.module.css';
import { FloorPlan } from './FloorPlan';

const EditionHalls = graphql(`
  query EditionHalls($editionId: ID!) {
    edition(id: $editionId) {
      id
      halls {
        id
        name
        widthM
        depthM
      }
    }
  }
`);

const HallBooths = graphql(`
  query HallBooths($editionId: ID!, $hallId: ID!) {
    booths(editionId: $editionId, hallId: $hallId) {
      id
      code
      xM
      yM
      widthM
      depthM
      status
      exhibitor {
        id
        name
      }
    }
  }
`);

/**
 * The hall's floor plan (/floor-plan, `?hall=` picks a hall, `?booth=` highlights one): drawn here to
 * scale from the booths (the same geometry as the API's /floor-plans/<hall>.svg), every booth with an
 * exhibitor a link to it, so a click, a tap or Tab + Enter opens the exhibitor. The list below the plan
 * says the same in text.
 */
export function Component() {
  useDocumentTitle('Floor plan');
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { edition, error: editionsError, loaded, keep } = useEditionChoice();
  const halls = useQuery(EditionHalls, { variables: { editionId: edition?.id ?? '' }, skip: !edition });
  const hallList = halls.data?.edition?.halls ?? [];
  const hall = hallList.find((h) => h.id === params.get('hall')) ?? hallList[0];
  const booths = useQuery(HallBooths, {
    variables: { editionId: edition?.id ?? '', hallId: hall?.id ?? '' },
    skip: !edition || !hall,
  });
  const highlighted = params.get('booth');

  const open = (event: MouseEvent, to: string) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || event.button !== 0) return;
    event.preventDefault();
    void navigate(to);
  };
  const hallLink = (id: string) => keep(`/floor-plan?hall=${id}`);

  const list = [...(booths.data?.booths ?? [])].sort((a, b) => a.code.localeCompare(b.code, 'en', { numeric: true }));
  const taken = list.filter((b) => b.exhibitor);

  return (
    <div className="page">
      <h1>Floor plan</h1>
      {edition && (
        <p className={s.lede}>
          {edition.name} · <Link to={keep('/exhibitors')}>Exhibitor directory</Link>
        </p>
      )}
      <FormError error={editionsError ?? halls.error ?? booths.error} />
      {loaded && !edition && <p>No edition is published yet.</p>}
      {halls.data && hallList.length === 0 && <p>The halls are not drawn yet.</p>}
      {hallList.length > 1 && (
        <nav aria-label="Halls" className={s.halls}>
          <ul>
            {hallList.map((h) => (
              <li key={h.id}>
                <Link to={hallLink(h.id)} aria-current={h.id === hall?.id ? 'page' : undefined}>
                  {h.name}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
      {hall && (
        <section aria-labelledby="hall-heading">
          <h2 id="hall-heading">
            {hall.name}{' '}
            <span className={s.muted}>
              ({hall.widthM} m × {hall.depthM} m)
            </span>
          </h2>
          <p className={s.hint}>Select a booth to open its exhibitor.</p>
          <FloorPlan
            hall={hall}
            booths={list}
            highlighted={highlighted}
            control={(b) => {
              if (!b.exhibitor) return null;
              const to = keep(`/exhibitors/${b.exhibitor.id}`);
              return {
                kind: 'link',
                href: to,
                label: `Booth ${b.code}, ${b.exhibitor.name}`,
                onClick: (e) => open(e, to),
              };
            }}
          />
          <ul className={s.legend} aria-label="Legend">
            <li>
              <span className={`${s.swatch} ${s.assigned}`} aria-hidden="true" /> Exhibitor (select to open)
            </li>
            <li>
              <span className={`${s.swatch} ${s.free}`} aria-hidden="true" /> Free booth
            </li>
          </ul>
          {booths.data && (
            <section aria-labelledby="booth-list-heading">
              <h3 id="booth-list-heading">Exhibitors in {hall.name}</h3>
              {taken.length === 0 ? (
                <p>No booth in this hall has an exhibitor yet.</p>
              ) : (
                <ul className={s.boothIndex}>
                  {taken.map((b) => (
                    <li key={b.id}>
                      <span className={s.boothCode}>{b.code}</span>{' '}
                      <Link to={keep(`/exhibitors/${b.exhibitor!.id}`)}>{b.exhibitor!.name}</Link>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          )}
        </section>
      )}
    </div>
  );
}
