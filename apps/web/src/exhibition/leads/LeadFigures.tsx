import { useQuery } from '@apollo/client/react';
import { useId } from 'react';
import { graphql } from '../../gql';
import s from './Leads.module.css';

export const LeadFiguresQuery = graphql(`
  query LeadFigures($exhibitorId: ID!) {
    leadFigures(exhibitorId: $exhibitorId) {
      total
      perDay {
        day
        count
      }
      perStaff {
        email
        count
      }
    }
  }
`);

const dayLabel = (day: string) =>
  new Date(`${day}T12:00:00Z`).toLocaleDateString('en-GB', { weekday: 'short', day: 'numeric', month: 'short' });

/** Horizontal bars drawn in the page (no chart service): a title and a description name every bar for screen readers. */
export function BarChart({ title, rows }: { title: string; rows: { label: string; value: number }[] }) {
  const id = useId();
  const max = Math.max(1, ...rows.map((r) => r.value));
  const [width, labelWidth, bar, gap] = [340, 150, 20, 8];
  const room = width - labelWidth - 40;
  const height = rows.length * (bar + gap);
  const short = (label: string) => (label.length > 19 ? `${label.slice(0, 18)}…` : label);
  return (
    <figure className={s.chart}>
      <figcaption>{title}</figcaption>
      {rows.length === 0 ? (
        <p className="hint">None yet.</p>
      ) : (
        <svg role="img" aria-labelledby={`${id}-t ${id}-d`} viewBox={`0 0 ${width} ${height}`} width="100%">
          <title id={`${id}-t`}>{title}</title>
          <desc id={`${id}-d`}>{rows.map((r) => `${r.label}: ${r.value}`).join('; ')}</desc>
          {rows.map((r, i) => {
            const y = i * (bar + gap);
            const w = Math.max(2, (room * r.value) / max);
            return (
              <g key={r.label}>
                <text x={0} y={y + bar * 0.72} className={s.chartLabel}>
                  {short(r.label)}
                </text>
                <rect x={labelWidth} y={y} width={w} height={bar} rx={3} className={s.bar} />
                <text x={labelWidth + w + 6} y={y + bar * 0.72} className={s.chartValue}>
                  {r.value}
                </text>
              </g>
            );
          })}
        </svg>
      )}
    </figure>
  );
}

/** Leads per day and per staff member, for the exhibitor's staff. */
export function LeadFigures({ exhibitorId }: { exhibitorId: string }) {
  const { data } = useQuery(LeadFiguresQuery, { variables: { exhibitorId }, fetchPolicy: 'cache-and-network' });
  const figures = data?.leadFigures;
  if (!figures) return null;
  return (
    <section aria-labelledby="figures-heading">
      <h2 id="figures-heading">Figures</h2>
      <p>
        <strong>{figures.total}</strong> lead{figures.total === 1 ? '' : 's'} in all
      </p>
      <div className={s.charts}>
        <BarChart
          title="Leads per day"
          rows={figures.perDay.map((d) => ({ label: dayLabel(d.day), value: d.count }))}
        />
        <BarChart
          title="Leads per staff member"
          rows={figures.perStaff.map((p) => ({ label: p.email, value: p.count }))}
        />
      </div>
    </section>
  );
}

/** The staff members who captured leads (the table's "Captured by" filter). */
export function useLeadStaff(exhibitorId: string): string[] {
  const { data } = useQuery(LeadFiguresQuery, { variables: { exhibitorId }, fetchPolicy: 'cache-first' });
  return data?.leadFigures.perStaff.map((p) => p.email) ?? [];
}
