import { useId } from 'react';
import { fillSeries } from './door-words';
import s from './Ops.module.css';

const W = 600;
const H = 140;
const PAD = { left: 28, right: 6, top: 8, bottom: 20 };

const hhmm = (t: number) => new Date(t).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

/**
 * Admissions per 5 minutes as an inline SVG bar chart: one image named with what it shows (the
 * total, the busiest interval, the last interval), each bar with its own title for a pointer, and
 * the figures in a collapsed table for those who want them read out one by one.
 */
export function AdmissionsChart({
  name,
  buckets,
  now,
}: {
  name: string;
  buckets: readonly { at: string; admitted: number }[];
  now: number;
}) {
  const id = useId();
  const bars = fillSeries(buckets, now);
  const max = Math.max(1, ...bars.map((b) => b.admitted));
  const total = bars.reduce((n, b) => n + b.admitted, 0);
  const peak = bars.reduce((p, b) => (b.admitted > p.admitted ? b : p), bars[0]);
  const last = bars[bars.length - 1];
  const step = (W - PAD.left - PAD.right) / bars.length;
  const plotH = H - PAD.top - PAD.bottom;
  const label =
    `Admissions per 5 minutes at ${name}, ${hhmm(bars[0].at)} to now: ${total} in all` +
    (peak.admitted ? `, busiest ${hhmm(peak.at)} with ${peak.admitted}` : '') +
    `, ${last.admitted} in the current 5 minutes`;
  const labelEvery = Math.ceil(bars.length / 8);
  return (
    <figure style={{ margin: '0 0 0.75rem' }}>
      <figcaption className={s.muted} id={`${id}-cap`}>
        Admissions per 5 minutes
      </figcaption>
      <svg className={s.chart} viewBox={`0 0 ${W} ${H}`} preserveAspectRatio="none" role="img" aria-label={label}>
        <line className={s.axis} x1={PAD.left} x2={W - PAD.right} y1={H - PAD.bottom} y2={H - PAD.bottom} />
        <text x={PAD.left - 4} y={PAD.top + 8} textAnchor="end">
          {max}
        </text>
        <text x={PAD.left - 4} y={H - PAD.bottom} textAnchor="end">
          0
        </text>
        {bars.map((b, i) => {
          const h = (b.admitted / max) * plotH;
          return (
            <g key={b.at}>
              {b.admitted > 0 && (
                <rect
                  className={s.bar}
                  x={PAD.left + i * step + step * 0.1}
                  y={H - PAD.bottom - h}
                  width={Math.max(1, step * 0.8)}
                  height={h}
                >
                  <title>{`${hhmm(b.at)}: ${b.admitted}`}</title>
                </rect>
              )}
              {i % labelEvery === 0 && (
                <text x={PAD.left + i * step} y={H - 6}>
                  {hhmm(b.at)}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <details>
        <summary>Figures as a table</summary>
        <table className={s.table} aria-labelledby={`${id}-cap`}>
          <thead>
            <tr>
              <th scope="col">From</th>
              <th scope="col" className={s.num}>
                Admitted
              </th>
            </tr>
          </thead>
          <tbody>
            {bars
              .filter((b) => b.admitted > 0)
              .map((b) => (
                <tr key={b.at}>
                  <td>{hhmm(b.at)}</td>
                  <td className={s.num}>{b.admitted}</td>
                </tr>
              ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
