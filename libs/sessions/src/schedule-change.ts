import { DateTime } from 'luxon';
import { ScheduleChangeKind, SessionSnapshot } from './schedule-change.entity';

/** Most important first: the kind a change is filed under. */
const PRIORITY = [
  ScheduleChangeKind.CANCELLED,
  ScheduleChangeKind.TIME_CHANGED,
  ScheduleChangeKind.ROOM_CHANGED,
  ScheduleChangeKind.SPEAKER_CHANGED,
  ScheduleChangeKind.DETAILS_CHANGED,
];

const sameSet = (a: string[], b: string[]) => a.length === b.length && [...a].sort().join() === [...b].sort().join();

/** The kinds of change between two snapshots, most important first; empty when nothing visible changed. */
export function changeKinds(before: SessionSnapshot, after: SessionSnapshot): ScheduleChangeKind[] {
  const kinds = new Set<ScheduleChangeKind>();
  if (after.status === 'CANCELLED' && before.status !== 'CANCELLED') kinds.add(ScheduleChangeKind.CANCELLED);
  if (before.startsAt !== after.startsAt || before.endsAt !== after.endsAt) kinds.add(ScheduleChangeKind.TIME_CHANGED);
  if (before.roomId !== after.roomId) kinds.add(ScheduleChangeKind.ROOM_CHANGED);
  if (!sameSet(before.speakerIds, after.speakerIds)) kinds.add(ScheduleChangeKind.SPEAKER_CHANGED);
  if (before.title !== after.title) kinds.add(ScheduleChangeKind.DETAILS_CHANGED);
  return PRIORITY.filter((k) => kinds.has(k));
}

const names = (list: string[]) => (list.length ? list.join(', ') : 'no speakers');

/**
 * A sentence for people, in the edition's timezone:
 * '"Opening keynote" moved from Hall A, Mon 8 Mar 10:00 to Room 204, Mon 8 Mar 11:30'.
 */
export function describeChange(
  before: SessionSnapshot,
  after: SessionSnapshot,
  zone: string,
  reason?: string | null,
): string {
  const kinds = changeKinds(before, after);
  const title = `"${after.title}"`;
  const at = (iso: string) => DateTime.fromISO(iso, { zone }).toFormat('ccc d LLL HH:mm');
  const place = (s: SessionSnapshot) => [s.room, at(s.startsAt)].filter(Boolean).join(', ');
  if (kinds[0] === ScheduleChangeKind.CANCELLED)
    return `${title} (${place(before)}) is cancelled${reason ? `: ${reason}` : ''}`;
  const parts: string[] = [];
  if (kinds.includes(ScheduleChangeKind.TIME_CHANGED) || kinds.includes(ScheduleChangeKind.ROOM_CHANGED)) {
    parts.push(`moved from ${place(before)} to ${place(after)}`);
  }
  if (kinds.includes(ScheduleChangeKind.SPEAKER_CHANGED))
    parts.push(`speakers changed from ${names(before.speakers)} to ${names(after.speakers)}`);
  if (kinds.includes(ScheduleChangeKind.DETAILS_CHANGED)) parts.push(`renamed from "${before.title}"`);
  return `${title} ${parts.join('; ')}`;
}
