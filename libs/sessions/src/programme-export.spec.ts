import { checkScheduleJson, parseScheduleXml } from '../../testing/src/schedule-formats';
import {
  acronymOf,
  hhmm,
  NO_ROOM,
  Programme,
  programmeVersion,
  scheduleJson,
  scheduleXml,
  uuidV5,
} from './programme-export';

/** The schedule.json document, as far as these tests read and alter it. */
interface ScheduleDoc {
  schedule: {
    conference: {
      acronym: string;
      rooms: { name: string }[];
      days: { index: number; date: string; day_start: string; rooms: Record<string, ScheduleEvent[]> }[];
    };
  };
}
interface ScheduleEvent {
  slug?: string;
  persons: { id?: number; name: string; code: string }[];
}

const programme = (): Programme => ({
  edition: {
    id: '00000000-0000-4000-8000-000000000001',
    name: 'Santé & IT 2027',
    year: 2027,
    timezone: 'America/Chicago',
    startsOn: '2027-03-13',
    endsOn: '2027-03-15',
  },
  rooms: [
    { id: '00000000-0000-4000-8000-0000000000a1', name: 'Hall "A" <main>', capacity: 500 },
    { id: '00000000-0000-4000-8000-0000000000a2', name: 'Room 204', capacity: null },
  ],
  tracks: [{ id: '00000000-0000-4000-8000-0000000000b1', name: 'Interop & Standards' }],
  speakers: [
    { id: '00000000-0000-4000-8000-0000000000c1', number: 7, name: 'Grace <Hopper>', bio: 'Admiral & pioneer' },
    { id: '00000000-0000-4000-8000-0000000000c2', number: 9, name: 'Alan Turing', bio: null },
  ],
  sessions: [
    // 2027-03-14 is the US switch to daylight saving time: 09:00 CDT is 14:00Z, the day before 09:00 CST is 15:00Z.
    {
      id: '00000000-0000-4000-8000-0000000000d1',
      number: 3,
      title: 'Opening: keynote!',
      abstract: 'Fish & chips <3',
      format: 'KEYNOTE',
      startsAt: new Date('2027-03-13T15:00:00Z'),
      endsAt: new Date('2027-03-13T16:30:00Z'),
      roomId: '00000000-0000-4000-8000-0000000000a1',
      trackId: '00000000-0000-4000-8000-0000000000b1',
      speakerIds: ['00000000-0000-4000-8000-0000000000c1', '00000000-0000-4000-8000-0000000000c2'],
    },
    {
      id: '00000000-0000-4000-8000-0000000000d2',
      number: 4,
      title: 'Après-midi',
      abstract: null,
      format: 'PANEL',
      startsAt: new Date('2027-03-14T14:00:00Z'),
      endsAt: new Date('2027-03-14T14:45:00Z'),
      roomId: null,
      trackId: null,
      speakerIds: [],
    },
  ],
});

describe('programme exports (pure mapping)', () => {
  it('makes RFC 4122 version 5 UUIDs (the DNS namespace example of RFC 9562)', () => {
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe(
      '2ed6657d-e927-568b-95e1-2665a8aea6a2',
    );
    expect(uuidV5('x')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(uuidV5('x')).toBe(uuidV5('x'));
    expect(uuidV5('x')).not.toBe(uuidV5('y'));
  });

  it('writes durations as HH:MM and acronyms the c3voc pattern accepts', () => {
    expect([hhmm(5), hhmm(90), hhmm(24 * 60 + 1)]).toEqual(['00:05', '01:30', '24:01']);
    expect(acronymOf('Santé & IT 2027', 2027)).toBe('sante_it_2027');
    expect(acronymOf('IT', 2027)).toBe('it_2027');
    expect(acronymOf('日本', 2027)).toBe('edition_2027');
  });

  it('passes the c3voc schema checks, with local times, offsets across a DST change, rooms by name and persons in billing order', () => {
    const doc = scheduleJson(programme(), 'https://conf.example/') as ScheduleDoc;
    expect(checkScheduleJson(doc)).toEqual([]);
    const conf = doc.schedule.conference;
    expect(conf).toMatchObject({
      acronym: 'sante_it_2027',
      start: '2027-03-13',
      end: '2027-03-15',
      daysCount: 3,
      time_zone_name: 'America/Chicago',
    });
    expect(conf.rooms.map((r) => r.name)).toEqual(['Hall "A" <main>', 'Room 204', NO_ROOM]);
    expect(conf.days.map((d) => [d.index, d.date, d.day_start])).toEqual([
      [1, '2027-03-13', '2027-03-13T00:00:00-06:00'],
      [2, '2027-03-14', '2027-03-14T00:00:00-06:00'],
      [3, '2027-03-15', '2027-03-15T00:00:00-05:00'],
    ]);
    const [keynote] = conf.days[0].rooms['Hall "A" <main>'];
    expect(keynote).toMatchObject({
      id: 3,
      guid: uuidV5('00000000-0000-4000-8000-0000000000d1'),
      date: '2027-03-13T09:00:00-06:00',
      start: '09:00',
      duration: '01:30',
      track: 'Interop & Standards',
      type: 'Keynote',
      slug: 'sante_it_2027-3-opening-keynote',
      url: 'https://conf.example/sessions/00000000-0000-4000-8000-0000000000d1',
    });
    expect(keynote.persons.map((p) => [p.name, p.code])).toEqual([
      ['Grace <Hopper>', 'P7'],
      ['Alan Turing', 'P9'],
    ]);
    const [panel] = conf.days[1].rooms[NO_ROOM];
    expect(panel).toMatchObject({
      date: '2027-03-14T09:00:00-05:00',
      start: '09:00',
      duration: '00:45',
      track: null,
      abstract: '',
      slug: 'sante_it_2027-4-apres-midi',
    });
  });

  it('writes XML that a parser reads back, escaping names, with ids and GUIDs', () => {
    const { errors, schedule } = parseScheduleXml(scheduleXml(programme(), 'https://conf.example'));
    expect(errors).toEqual([]);
    expect(schedule.timezone).toBe('America/Chicago');
    expect(schedule.days.map((d) => d.date)).toEqual(['2027-03-13', '2027-03-14', '2027-03-15']);
    const keynote = schedule.days[0].rooms.find((r) => r.name === 'Hall "A" <main>')!.events[0];
    expect(keynote).toMatchObject({
      id: 3,
      title: 'Opening: keynote!',
      start: '09:00',
      duration: '01:30',
      room: 'Hall "A" <main>',
      track: 'Interop & Standards',
    });
    expect(keynote.persons).toEqual([
      { id: 7, guid: uuidV5('00000000-0000-4000-8000-0000000000c1'), name: 'Grace <Hopper>' },
      { id: 9, guid: uuidV5('00000000-0000-4000-8000-0000000000c2'), name: 'Alan Turing' },
    ]);
  });

  it('drops characters XML cannot carry instead of writing a document no parser reads', () => {
    const p = programme();
    p.sessions[0].title = 'Bell\u0007 and \uD800 lone surrogate';
    const text = scheduleXml(p, 'https://conf.example');
    const { errors, schedule } = parseScheduleXml(text);
    expect(errors).toEqual([]);
    expect(schedule.days[0].rooms[0].events[0].title).toBe('Bell and  lone surrogate');
  });

  it('changes the version when the programme changes, and only then', () => {
    const before = programmeVersion(programme());
    expect(programmeVersion(programme())).toBe(before);
    const moved = programme();
    moved.sessions[1].startsAt = new Date('2027-03-14T15:00:00Z');
    expect(programmeVersion(moved)).not.toBe(before);
    const renamed = programme();
    renamed.rooms[1].name = 'Room 205';
    expect(programmeVersion(renamed)).not.toBe(before);
    expect(before).toMatch(/^[0-9a-f]{12}$/);
  });

  it('the schema checks catch what the rules forbid (they can fail)', () => {
    const doc = scheduleJson(programme(), 'https://conf.example/') as ScheduleDoc;
    const event = doc.schedule.conference.days[0].rooms['Hall "A" <main>'][0];
    Object.assign(event, {
      guid: 'not-a-guid',
      start: '9:00',
      duration: '90',
      date: '2027-03-13T09:00:00',
      id: 0,
      extra: true,
    });
    event.persons[0].id = 7;
    delete event.slug;
    doc.schedule.conference.days[1].index = 5;
    doc.schedule.conference.acronym = 'Santé';
    const errors = checkScheduleJson(doc).join('\n');
    for (const expected of [
      'guid: is not a UUID',
      'start: is not HH:MM',
      'duration: is not HH:MM',
      'date: is not a date-time with an offset',
      'id: is not an integer >= 1',
      'has "extra"',
      'misses required "slug"',
      'matches both the frab and the pretalx person shapes',
      'days[1].index: is 5',
      'acronym: does not match',
    ]) {
      expect(errors).toContain(expected);
    }
    expect(parseScheduleXml('<schedule><conference>').errors[0]).toMatch(/^not well-formed XML/);
    expect(
      parseScheduleXml(
        scheduleXml(programme(), 'https://conf.example').replace('<start>09:00</start>', '<start>9am</start>'),
      ).errors,
    ).toEqual([expect.stringContaining('start: is not HH:MM')]);
  });
});
