import { createHash } from 'node:crypto';

/** What a calendar event is made of: one session, as attendees see it. */
export interface CalendarSession {
  id: string;
  title: string;
  abstract: string | null;
  status: string;
  startsAt: Date;
  endsAt: Date;
  room: string | null;
  track: string | null;
  speakers: string[];
  revision: number;
  updatedAt: Date;
  cancelReason: string | null;
}

const PRODID = '-//HealthConnect//Conference Platform//EN';

/**
 * An RFC 5545 calendar: one VEVENT per session with a UID that never changes, times in UTC,
 * SEQUENCE = the session's revision (raised on every visible change), and cancelled sessions kept
 * with STATUS:CANCELLED so subscribed calendars remove them. Written directly (escaping and line
 * folding per the RFC): calendar apps poll feeds all day, and a generic builder cost milliseconds
 * per feed.
 */
export function renderCalendar(name: string, timezone: string, sessions: CalendarSession[], publicUrl: string): string {
  const base = publicUrl.replace(/\/$/, '');
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${PRODID}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `NAME:${text(name)}`,
    // Extension properties are read raw by most clients: no TEXT escaping, one line.
    `X-WR-CALNAME:${oneLine(name)}`,
    // How calendar apps should show the times; the times themselves are UTC.
    `X-WR-TIMEZONE:${oneLine(timezone)}`,
    'REFRESH-INTERVAL;VALUE=DURATION:PT15M',
    'X-PUBLISHED-TTL:PT15M',
  ];
  for (const s of sessions) {
    const link = `${base}/sessions/${s.id}`;
    const cancelled = s.status === 'CANCELLED';
    const description = [
      ...(cancelled ? [`CANCELLED${s.cancelReason ? `: ${s.cancelReason}` : ''}`, ''] : []),
      ...(s.speakers.length ? [`Speakers: ${s.speakers.join(', ')}`] : []),
      ...(s.track ? [`Track: ${s.track}`] : []),
      ...(s.abstract ? ['', s.abstract] : []),
      '',
      link,
    ].join('\n');
    lines.push(
      'BEGIN:VEVENT',
      `UID:session-${s.id}@conference`,
      `SEQUENCE:${s.revision}`,
      `DTSTAMP:${utc(s.updatedAt)}`,
      `LAST-MODIFIED:${utc(s.updatedAt)}`,
      `DTSTART:${utc(s.startsAt)}`,
      `DTEND:${utc(s.endsAt)}`,
      `SUMMARY:${text(cancelled ? `Cancelled: ${s.title}` : s.title)}`,
      ...(s.room ? [`LOCATION:${text(s.room)}`] : []),
      `DESCRIPTION:${text(description)}`,
      `URL;VALUE=URI:${link}`,
      `STATUS:${cancelled ? 'CANCELLED' : 'CONFIRMED'}`,
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(fold).join('\r\n') + '\r\n';
}

export const etagOf = (body: string) => `"${createHash('sha1').update(body).digest('base64url')}"`;

/** 20270308T150000Z */
const utc = (date: Date) =>
  date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

/** TEXT value escaping (RFC 5545 3.3.11). */
const text = (value: string) =>
  value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');

const oneLine = (value: string) => value.replace(/[\r\n]+/g, ' ');

/** Folds a content line at 75 octets without splitting a UTF-8 character (RFC 5545 3.1). */
function fold(line: string): string {
  if (Buffer.byteLength(line) <= 75) return line;
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char);
    // The first line holds 75 octets; continuation lines start with a space, leaving 74.
    if (octets + size > (parts.length ? 74 : 75)) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}
