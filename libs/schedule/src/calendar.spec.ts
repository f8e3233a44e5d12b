import ICAL from 'ical.js';
import { CalendarSession, renderCalendar } from './calendar';

const session = (over: Partial<CalendarSession> = {}): CalendarSession => ({
  id: '3f0c2d4e-1111-4222-8333-444455556666',
  title: 'Ambient AI scribes; what works, at scale',
  abstract:
    'Line one\nLine two with a backslash \\ and émojis 🩺🩺🩺 that must not be split across folded lines, repeated: ' +
    'ü'.repeat(80),
  status: 'PUBLISHED',
  startsAt: new Date('2027-03-08T15:00:00Z'),
  endsAt: new Date('2027-03-08T16:15:00Z'),
  room: 'Hall A, Level 2',
  track: 'AI & Machine Learning',
  speakers: ['Dr. Grace Hopper', 'Alan Turing'],
  revision: 3,
  updatedAt: new Date('2027-02-01T12:00:00Z'),
  cancelReason: null,
  ...over,
});

describe('renderCalendar', () => {
  const body = renderCalendar(
    'Show, 2027',
    'America/Chicago',
    [session(), session({ id: 'b', status: 'CANCELLED', cancelReason: 'Speaker ill' })],
    'https://show.example/',
  );

  it('writes lines of at most 75 octets, ending in CRLF, that unfold to valid UTF-8', () => {
    const lines = body.split('\r\n');
    expect(lines.at(-1)).toBe('');
    for (const line of lines) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(body).not.toContain('\uFFFD');
  });

  it('round-trips through ical.js: text escaped, times in UTC, cancelled events kept', () => {
    const calendar = new ICAL.Component(ICAL.parse(body));
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Show, 2027');
    const [first, second] = calendar.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
    expect(first.summary).toBe(session().title);
    expect(first.location).toBe('Hall A, Level 2');
    expect(first.description).toContain(session().abstract);
    expect(first.description).toContain('Speakers: Dr. Grace Hopper, Alan Turing');
    expect(first.sequence).toBe(3);
    expect(first.startDate.toJSDate().toISOString()).toBe('2027-03-08T15:00:00.000Z');
    expect(first.startDate.zone.tzid).toBe('UTC');
    expect(second.summary).toBe(`Cancelled: ${session().title}`);
    expect(second.component.getFirstPropertyValue('status')).toBe('CANCELLED');
  });
});
