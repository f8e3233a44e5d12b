import { createHash } from 'node:crypto';
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';

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

/**
 * An RFC 5545 calendar: one VEVENT per session with a UID that never changes, times in UTC,
 * SEQUENCE = the session's revision (raised on every visible change), and cancelled sessions kept
 * with STATUS:CANCELLED so subscribed calendars remove them.
 */
export function renderCalendar(name: string, timezone: string, sessions: CalendarSession[], publicUrl: string): string {
  const calendar = ical({
    name,
    prodId: { company: 'HealthConnect', product: 'Conference Platform', language: 'EN' },
    method: ICalCalendarMethod.PUBLISH,
    ttl: 15 * 60,
    // X-WR-TIMEZONE: how calendar apps should show the times; the times themselves are UTC.
    timezone: null,
  });
  calendar.x([{ key: 'X-WR-TIMEZONE', value: timezone }]);
  for (const s of sessions) {
    const link = `${publicUrl.replace(/\/$/, '')}/sessions/${s.id}`;
    const cancelled = s.status === 'CANCELLED';
    const lines = [
      ...(cancelled ? [`CANCELLED${s.cancelReason ? `: ${s.cancelReason}` : ''}`, ''] : []),
      ...(s.speakers.length ? [`Speakers: ${s.speakers.join(', ')}`] : []),
      ...(s.track ? [`Track: ${s.track}`] : []),
      ...(s.abstract ? ['', s.abstract] : []),
      '',
      link,
    ];
    calendar.createEvent({
      id: `session-${s.id}@conference`,
      start: s.startsAt,
      end: s.endsAt,
      summary: cancelled ? `Cancelled: ${s.title}` : s.title,
      location: s.room,
      description: lines.join('\n'),
      url: link,
      sequence: s.revision,
      status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      stamp: s.updatedAt,
      lastModified: s.updatedAt,
    });
  }
  return calendar.toString();
}

export const etagOf = (body: string) => `"${createHash('sha1').update(body).digest('base64url')}"`;
