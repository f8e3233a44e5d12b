import { useQuery } from '@apollo/client/react';
import { Link, useLocation } from 'react-router';
import { useToken } from '../app/auth';
import { loginUrl } from '../app/next-path';
import { graphql } from '../gql';
import { FormError } from '../ui/FormError';
import { useDocumentTitle } from '../ui/useDocumentTitle';
import { useEditionChoice } from '../ui/useEditionChoice';
import s from './CreditsPage.module.css';
import { dayTime } from './days';

const MyCredits = graphql(`
  query MyCredits($editionId: ID!) {
    myCredits(editionId: $editionId) {
      total
      certificateUrl
      sessions {
        minutesAttended
        credits
        session {
          id
          title
          startsAt
          endsAt
          ceCredits
        }
      }
    }
  }
`);

const credits = (n: number) =>
  n.toLocaleString('en-GB', { minimumFractionDigits: n % 1 ? 2 : 0, maximumFractionDigits: 2 });

/** My CE credits (/credits): each attended session (minutes in the room, credits earned), the total and the certificate. */
export function Component() {
  useDocumentTitle('My CE credits');
  const token = useToken();
  const location = useLocation();
  const { edition, error: editionsError, loaded, keep } = useEditionChoice();
  const { data, loading, error } = useQuery(MyCredits, {
    variables: { editionId: edition?.id ?? '' },
    skip: !token || !edition,
    fetchPolicy: 'cache-and-network',
  });

  if (!token) {
    return (
      <div className="page narrow">
        <h1>My CE credits</h1>
        <p>Continuing-education credits are counted from the session rooms’ badge scans. Sign in to see yours.</p>
        <p>
          <Link className="button primary" to={loginUrl(location.pathname + location.search)}>
            Sign in to see your credits
          </Link>
        </p>
      </div>
    );
  }

  const time = (iso: string) => dayTime(iso, edition?.timezone);
  const report = data?.myCredits;
  return (
    <div className={`page ${s.page}`}>
      <h1>My CE credits</h1>
      {edition && <p className={s.edition}>{edition.name}</p>}
      <FormError error={error ?? editionsError} />
      {loaded && !edition && <p>No edition is published yet.</p>}
      {loading && !report && <p role="status">Loading your credits…</p>}
      {report && (
        <>
          <div className={s.summary}>
            <p className={s.total}>
              <span className={s.totalNumber}>{credits(report.total)}</span> CE credits earned
            </p>
            {report.certificateUrl ? (
              <a className="button primary" href={report.certificateUrl} download>
                Download certificate (PDF)
              </a>
            ) : (
              <p className={s.muted}>Your certificate is ready to download once you have earned credits.</p>
            )}
          </div>
          {report.sessions.length === 0 ? (
            <p>
              No attended sessions yet. Your badge is scanned at the session room’s door as you go in (and out);
              sessions appear here once you have attended them. See the <Link to={keep('/')}>programme</Link>.
            </p>
          ) : (
            <div className={s.scroll}>
              <table className={s.table}>
                <caption>Attended sessions</caption>
                <thead>
                  <tr>
                    <th scope="col">Session</th>
                    <th scope="col" className={s.num}>
                      Minutes
                    </th>
                    <th scope="col" className={s.num}>
                      Credits
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {report.sessions.map((c) => (
                    <tr key={c.session.id}>
                      <th scope="row">
                        <Link to={keep(`/sessions/${c.session.id}`)}>{c.session.title}</Link>
                        <span className={s.when}>
                          <time dateTime={c.session.startsAt}>{time(c.session.startsAt)}</time> · worth{' '}
                          {credits(c.session.ceCredits)}
                        </span>
                      </th>
                      <td className={s.num}>{c.minutesAttended}</td>
                      <td className={`${s.num} ${c.credits > 0 ? s.earned : s.none}`}>{credits(c.credits)}</td>
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr>
                    <th scope="row">Total</th>
                    <td className={s.num}>{report.sessions.reduce((sum, c) => sum + c.minutesAttended, 0)}</td>
                    <td className={s.num}>{credits(report.total)}</td>
                  </tr>
                </tfoot>
              </table>
            </div>
          )}
          <p className={s.muted}>
            A session earns its credits when you were in the room for enough of it; overlapping sessions count once, for
            the one worth more.
          </p>
        </>
      )}
    </div>
  );
}
