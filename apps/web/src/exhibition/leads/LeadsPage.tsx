import { useQuery } from '@apollo/client/react';
import { useEffect, useMemo, useState } from 'react';
import { Link, Navigate, useLocation, useSearchParams } from 'react-router';
import { useToken } from '../../app/auth';
import { loginUrl } from '../../app/next-path';
import { graphql } from '../../gql';
import { errorMessage } from '../../ui/FormError';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { LeadFigures, useLeadStaff } from './LeadFigures';
import { type LeadExhibitor, leadQueue } from './lead-queue';
import { LeadScanner } from './LeadScanner';
import { LeadsTable } from './LeadsTable';
import s from './Leads.module.css';

const LeadExhibitors = graphql(`
  query LeadExhibitors($editionId: ID) {
    myExhibitors(editionId: $editionId) {
      admin
      exhibitor {
        id
        name
        leadTags
      }
    }
  }
`);

const LeadExhibitorById = graphql(`
  query LeadExhibitorById($id: ID!) {
    exhibitor(id: $id) {
      id
      name
      leadTags
    }
  }
`);

/**
 * The exhibitor's leads (/exhibitor/leads; `?exhibitor=<id>` picks one, organizers may name any;
 * `?edition=<id>` keeps to one edition): the lead scanner, the figures and the leads table.
 * WORKS OFFLINE for capturing: outside the portal's shell, with the exhibitors last listed kept on
 * the device (lead-queue.ts), so the page opens without a network and its captures queue there
 * (LeadScanner).
 */
export function Component() {
  useDocumentTitle('Leads');
  const token = useToken();
  const location = useLocation();
  if (!token) return <Navigate to={loginUrl(location.pathname + location.search)} replace />;
  return <Leads />;
}

/** The exhibitors the person staffs: from the API, kept on the device for opening offline. */
function useLeadExhibitors(editionId: string | null) {
  const live = useQuery(LeadExhibitors, { variables: { editionId }, fetchPolicy: 'cache-and-network' });
  const [kept, setKept] = useState<LeadExhibitor[] | undefined>();
  useEffect(() => {
    let current = true;
    void leadQueue()
      .exhibitors()
      .then(
        (list) => current && setKept(list),
        () => current && setKept([]),
      );
    return () => {
      current = false;
    };
  }, []);
  const fromApi = live.data?.myExhibitors;
  const list = useMemo<LeadExhibitor[] | undefined>(
    () => fromApi?.map((m) => ({ id: m.exhibitor.id, name: m.exhibitor.name, leadTags: [...m.exhibitor.leadTags] })),
    [fromApi],
  );
  useEffect(() => {
    if (list) void leadQueue().putExhibitors(list);
  }, [list]);
  return { list: list ?? (live.error || !live.loading ? kept : undefined), error: live.error };
}

function Leads() {
  const [params, setParams] = useSearchParams();
  const wanted = params.get('exhibitor');
  const mine = useLeadExhibitors(params.get('edition'));
  const listed = mine.list?.find((x) => x.id === wanted);
  // An exhibitor named in the URL that is not one's own (an organizer's look): its tags from the directory.
  const other = useQuery(LeadExhibitorById, {
    variables: { id: wanted ?? '' },
    skip: !wanted || !mine.list || !!listed,
  });
  const otherExhibitor = other.data?.exhibitor;
  const exhibitor: LeadExhibitor | undefined = wanted
    ? (listed ??
      (otherExhibitor
        ? { id: otherExhibitor.id, name: otherExhibitor.name, leadTags: [...otherExhibitor.leadTags] }
        : undefined))
    : mine.list?.[0];
  const portal = `/exhibitor?${params.toString()}`;

  const choose = (id: string) =>
    setParams((p) => {
      p.set('exhibitor', id);
      return p;
    });

  if (!mine.list || (wanted && !listed && other.loading))
    return (
      <div className="page">
        <h1>Leads</h1>
        <p role="status">Loading…</p>
      </div>
    );
  if (!exhibitor)
    return (
      <div className="page narrow">
        <h1>Leads</h1>
        {mine.error && !mine.list.length ? (
          <p className="form-error" role="alert">
            {errorMessage(mine.error)}
          </p>
        ) : wanted ? (
          <p className="form-error" role="alert">
            There is no such exhibitor.
          </p>
        ) : (
          <p>You are not on the staff of any exhibitor: an exhibitor’s admin adds you by your email address.</p>
        )}
      </div>
    );

  return (
    <div className={`page ${s.page}`}>
      <p className={s.back}>
        <Link to={portal}>Exhibitor portal</Link>
      </p>
      <h1>
        Leads <span className={s.exhibitorName}>{exhibitor.name}</span>
      </h1>
      {mine.list.length > 1 && (
        <div className={s.choose}>
          <label htmlFor="leads-exhibitor">Exhibitor</label>
          <select
            id="leads-exhibitor"
            value={listed || !wanted ? exhibitor.id : ''}
            onChange={(e) => choose(e.target.value)}
          >
            {!listed && wanted && <option value="">{exhibitor.name}</option>}
            {mine.list.map((x) => (
              <option key={x.id} value={x.id}>
                {x.name}
              </option>
            ))}
          </select>
        </div>
      )}
      <Workspace key={exhibitor.id} exhibitor={exhibitor} />
    </div>
  );
}

function Workspace({ exhibitor }: { exhibitor: LeadExhibitor }) {
  const staff = useLeadStaff(exhibitor.id);
  return (
    <>
      <LeadScanner exhibitor={exhibitor} />
      <LeadFigures exhibitorId={exhibitor.id} />
      <LeadsTable exhibitorId={exhibitor.id} tags={exhibitor.leadTags} staff={staff} />
    </>
  );
}
