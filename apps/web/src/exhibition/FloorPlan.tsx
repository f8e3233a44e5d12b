import { type KeyboardEvent, type MouseEvent } from 'react';
import s from './Exhibition.module.css';
import { wrapName } from './wrap-name';

export interface PlanHall {
  id: string;
  name: string;
  widthM: number;
  depthM: number;
}

export interface PlanBooth {
  id: string;
  code: string;
  xM: number;
  yM: number;
  widthM: number;
  depthM: number;
  exhibitor?: { id: string; name: string } | null;
  /** Drawn by status when the plan is coloured by status (the back office). */
  status?: 'AVAILABLE' | 'ON_HOLD' | 'ASSIGNED';
}

const STATUS_CLASS = { AVAILABLE: s.free, ON_HOLD: s.held, ASSIGNED: s.assigned } as const;

/**
 * What a booth of the plan is to a screen reader and a pointer: a link (the directory's plan: open
 * its exhibitor), a toggle button (the portal: pick a free booth), a labelled image (the portal: my
 * booth), or nothing (drawn, hidden from assistive technology: the list beside the plan says it).
 */
export type BoothControl =
  | { kind: 'link'; href: string; label: string; onClick?: (event: MouseEvent) => void }
  | { kind: 'button'; label: string; pressed: boolean; onSelect: () => void }
  | { kind: 'img'; label: string }
  | null;

/** Screen pixels per metre at the least: a 3 m booth stays a 42 px target on a phone (the plan scrolls sideways). */
const MIN_PX_PER_M = 20;
const r = (v: number) => Math.round(v * 1000) / 1000;

/**
 * A hall drawn to scale from its booths (the same geometry as the API's /floor-plans/<hall>.svg):
 * the public floor plan and the exhibitor portal's booth page both draw with it. `control` says what
 * each booth is (see BoothControl); `highlighted` marks one booth by code. `byStatus` colours booths
 * by their status (free, on hold, assigned) rather than by whether they have an exhibitor, and keeps
 * those colours on booths that are buttons: the back office picks any booth, whatever its status.
 */
export function FloorPlan<B extends PlanBooth>({
  hall,
  booths,
  highlighted,
  control,
  byStatus = false,
}: {
  hall: PlanHall;
  booths: readonly B[];
  /** The code of the booth to mark, or several. */
  highlighted?: string | readonly string[] | null;
  control: (booth: B) => BoothControl;
  byStatus?: boolean;
}) {
  const marked = new Set(typeof highlighted === 'string' ? [highlighted] : (highlighted ?? []));
  const list = [...booths].sort((a, b) => a.code.localeCompare(b.code, 'en', { numeric: true }));
  const controls = new Map(list.map((b) => [b.id, control(b)]));
  // A plan that scrolls must take the keyboard: through its booths, else itself.
  const focusable = [...controls.values()].some((c) => c?.kind === 'link' || c?.kind === 'button');
  return (
    <div className={s.planScroll} tabIndex={focusable ? undefined : 0}>
      <svg
        className={s.plan}
        viewBox={`-0.5 -0.5 ${r(hall.widthM + 1)} ${r(hall.depthM + 1)}`}
        style={{
          width: `max(100%, ${Math.round((hall.widthM + 1) * MIN_PX_PER_M)}px)`,
          aspectRatio: `${hall.widthM + 1} / ${hall.depthM + 1}`,
        }}
        role="group"
        aria-label={`Floor plan of ${hall.name}`}
      >
        <rect className={s.hallRect} x={0} y={0} width={hall.widthM} height={hall.depthM} />
        {list.map((b) => {
          const code = Math.max(0.35, Math.min(0.85, b.depthM * 0.24, b.widthM * 0.24));
          const nameSize = Math.max(0.3, Math.min(0.6, b.depthM * 0.16));
          const name = b.exhibitor
            ? wrapName(b.exhibitor.name, b.widthM - 0.3, nameSize, b.depthM >= code + nameSize * 2.6 + 0.4 ? 2 : 1)
            : [];
          const cx = r(b.xM + b.widthM / 2);
          // The code and the name's lines, centred as one block.
          const block = code + name.length * nameSize * 1.15;
          const top = b.yM + (b.depthM - block) / 2;
          const shape = (
            <g aria-hidden="true">
              <rect x={r(b.xM)} y={r(b.yM)} width={r(b.widthM)} height={r(b.depthM)} />
              <text x={cx} y={r(top + code * 0.8)} fontSize={r(code)} className={s.boothCodeText}>
                {b.code}
              </text>
              {name.map((line, i) => (
                <text
                  key={i}
                  x={cx}
                  y={r(top + code + nameSize * (1.05 + i * 1.15))}
                  fontSize={r(nameSize)}
                  className={s.boothNameText}
                >
                  {line}
                </text>
              ))}
            </g>
          );
          const what = controls.get(b.id) ?? null;
          const cls = [
            s.planBooth,
            byStatus && b.status ? STATUS_CLASS[b.status] : b.exhibitor ? s.assigned : s.free,
            marked.has(b.code) ? s.highlighted : '',
            what?.kind === 'button' ? (byStatus ? s.pickable : s.selectable) : '',
            what?.kind === 'button' && what.pressed ? s.selected : '',
          ].join(' ');
          if (!what) {
            return (
              <g key={b.id} className={cls} aria-hidden="true">
                {shape}
              </g>
            );
          }
          if (what.kind === 'link') {
            return (
              <a key={b.id} href={what.href} className={cls} aria-label={what.label} onClick={what.onClick}>
                {shape}
              </a>
            );
          }
          if (what.kind === 'img') {
            return (
              <g key={b.id} className={cls} role="img" aria-label={what.label}>
                {shape}
              </g>
            );
          }
          const onKeyDown = (event: KeyboardEvent) => {
            if (event.key !== 'Enter' && event.key !== ' ') return;
            event.preventDefault();
            what.onSelect();
          };
          return (
            <g
              key={b.id}
              className={cls}
              role="button"
              // Preact writes SVG attributes as spelled: `tabIndex` would not make the group focusable.
              {...({ tabindex: 0 } as object)}
              aria-pressed={what.pressed}
              aria-label={what.label}
              onClick={what.onSelect}
              onKeyDown={onKeyDown}
            >
              {shape}
            </g>
          );
        })}
      </svg>
    </div>
  );
}
