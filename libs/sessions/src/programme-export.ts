import { createHash } from 'node:crypto';
import { DateTime } from 'luxon';

/**
 * The published programme of one edition as conference apps import it: the frab schedule XML and
 * the c3voc `schedule.json` (the formats pretalx exports; Giggity, ConfClerk and the c3nav /
 * Fahrplan apps read them). Pure mapping: the service reads the rows, this lays them out.
 */

/** The platform's namespace for UUIDv5 GUIDs: fixed forever, so a session keeps its GUID in every export. */
export const PROGRAMME_NAMESPACE = 'fe81d37e-775d-4540-ba33-9e5c5300bda7';

/** Where sessions without a room yet are listed (both formats need a room for every event). */
export const NO_ROOM = 'Room to be announced';

export interface ProgrammeEdition {
  id: string;
  name: string;
  year: number;
  timezone: string;
  /** Local days, YYYY-MM-DD. */
  startsOn: string;
  endsOn: string;
}

export interface ProgrammeRoom {
  id: string;
  name: string;
  capacity: number | null;
}

export interface ProgrammeTrack {
  id: string;
  name: string;
}

export interface ProgrammeSpeaker {
  id: string;
  number: number;
  name: string;
  bio: string | null;
}

export interface ProgrammeSession {
  id: string;
  number: number;
  title: string;
  abstract: string | null;
  format: string;
  startsAt: Date;
  endsAt: Date;
  roomId: string | null;
  trackId: string | null;
  /** In billing order. */
  speakerIds: string[];
}

/** Published sessions only (the service leaves drafts and cancellations out), with what they refer to. */
export interface Programme {
  edition: ProgrammeEdition;
  rooms: ProgrammeRoom[];
  tracks: ProgrammeTrack[];
  speakers: ProgrammeSpeaker[];
  sessions: ProgrammeSession[];
}

/** RFC 4122 version 5 (SHA-1, name-based) UUID. */
export function uuidV5(name: string, namespace = PROGRAMME_NAMESPACE): string {
  const hash = createHash('sha1')
    .update(Buffer.from(namespace.replace(/-/g, ''), 'hex'))
    .update(name, 'utf8')
    .digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * A short hash of everything the exports show: it changes exactly when the published programme
 * does (a move, a rename, a new room), is the same on every API instance, and needs no counter.
 */
export function programmeVersion(p: Programme): string {
  return createHash('sha256').update(JSON.stringify(p)).digest('hex').slice(0, 12);
}

/** Minutes as HH:MM (hours may pass 24). */
export function hhmm(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** The c3voc acronym rule (`^[a-z0-9_-][a-z0-9_]{3,}…`): the edition's name, ASCII, lower case, underscores. */
export function acronymOf(name: string, year: number): string {
  let acronym = ascii(name)
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 40)
    .replace(/_+$/, '');
  if (acronym.length < 4) acronym = `${acronym || 'edition'}_${year}`;
  return acronym;
}

function ascii(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/** `acronym-12-opening-keynote`: unique (the number is), and within the slug pattern `^[a-z0-9_-]+[a-z0-9]$`. */
function slugOf(acronym: string, number: number, title: string): string {
  const words = ascii(title)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return words ? `${acronym}-${number}-${words}` : `${acronym}-${number}`;
}

const TYPE_NAMES: Record<string, string> = {
  KEYNOTE: 'Keynote',
  EDUCATION: 'Education',
  PANEL: 'Panel',
  WORKSHOP: 'Workshop',
  THEATER: 'Theater',
  NETWORKING: 'Networking',
};

const iso = (t: DateTime) => t.set({ millisecond: 0 }).toISO({ suppressMilliseconds: true })!;

interface PersonView {
  id: number;
  guid: string;
  name: string;
  bio: string | null;
}

interface EventView {
  id: number;
  guid: string;
  /** ISO 8601 with the edition's offset. */
  date: string;
  start: string;
  duration: string;
  room: string;
  slug: string;
  url: string;
  title: string;
  track: string | null;
  type: string;
  abstract: string;
  persons: PersonView[];
}

interface RoomView {
  name: string;
  guid: string;
  capacity: number | null;
}

interface DayView {
  index: number;
  date: string;
  start: string;
  end: string;
  rooms: { room: RoomView; events: EventView[] }[];
}

/** What both formats show, laid out once: rooms, and per local day each room's events by start time. */
interface Layout {
  acronym: string;
  title: string;
  timezone: string;
  startsOn: string;
  endsOn: string;
  rooms: RoomView[];
  tracks: string[];
  days: DayView[];
  baseUrl: string;
}

function layout(p: Programme, publicUrl: string): Layout {
  const { edition } = p;
  const zone = edition.timezone;
  const base = publicUrl.replace(/\/$/, '');
  const acronym = acronymOf(edition.name, edition.year);
  const rooms: RoomView[] = p.rooms.map((r) => ({ name: r.name, guid: uuidV5(r.id), capacity: r.capacity }));
  const roomById = new Map(p.rooms.map((r, i) => [r.id, rooms[i]]));
  if (p.sessions.some((s) => !s.roomId || !roomById.has(s.roomId)))
    rooms.push({ name: NO_ROOM, guid: uuidV5(`no-room:${edition.id}`), capacity: null });
  const trackById = new Map(p.tracks.map((t) => [t.id, t.name]));
  const speakerById = new Map(p.speakers.map((s) => [s.id, s]));

  const first = DateTime.fromISO(edition.startsOn, { zone }).startOf('day');
  const last = DateTime.fromISO(edition.endsOn, { zone }).startOf('day');
  const days: DayView[] = [];
  for (let day = first, index = 1; day <= last; day = day.plus({ days: 1 }), index++) {
    days.push({
      index,
      date: day.toISODate()!,
      start: iso(day),
      end: iso(day.endOf('day')),
      rooms: rooms.map((room) => ({ room, events: [] })),
    });
  }
  const dayByDate = new Map(days.map((d) => [d.date, d]));

  const sessions = [...p.sessions].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.number - b.number);
  for (const s of sessions) {
    const start = DateTime.fromJSDate(s.startsAt, { zone });
    // The programme rules keep sessions within the edition's days; one outside them is still listed, on the nearest day.
    const day = dayByDate.get(start.toISODate()!) ?? (start < first ? days[0] : days[days.length - 1]);
    const room = (s.roomId && roomById.get(s.roomId)) || rooms[rooms.length - 1];
    day.rooms
      .find((r) => r.room === room)!
      .events.push({
        id: s.number,
        guid: uuidV5(s.id),
        date: iso(start),
        start: start.toFormat('HH:mm'),
        duration: hhmm(Math.round((s.endsAt.getTime() - s.startsAt.getTime()) / 60_000)),
        room: room.name,
        slug: slugOf(acronym, s.number, s.title),
        url: `${base}/sessions/${s.id}`,
        title: s.title,
        track: (s.trackId && trackById.get(s.trackId)) || null,
        type: TYPE_NAMES[s.format] ?? s.format,
        abstract: s.abstract ?? '',
        persons: s.speakerIds.flatMap((id) => {
          const speaker = speakerById.get(id);
          return speaker
            ? [{ id: speaker.number, guid: uuidV5(speaker.id), name: speaker.name, bio: speaker.bio }]
            : [];
        }),
      });
  }
  return {
    acronym,
    title: edition.name,
    timezone: zone,
    startsOn: edition.startsOn,
    endsOn: edition.endsOn,
    rooms,
    tracks: p.tracks.map((t) => t.name),
    days,
    baseUrl: `${base}/`,
  };
}

export const GENERATOR = { name: 'conference-platform', version: '1' };

/**
 * c3voc `schedule.json` (https://c3voc.de/schedule/schema.json), as pretalx writes it: rooms keyed
 * by name in each day, `start` as local HH:MM beside the full `date`, durations HH:MM, persons in the
 * pretalx shape (`name`, `guid`; `public_name` for older readers).
 */
export function scheduleJson(p: Programme, publicUrl: string, version = programmeVersion(p)): object {
  const l = layout(p, publicUrl);
  return {
    $schema: 'https://c3voc.de/schedule/schema.json',
    generator: GENERATOR,
    schedule: {
      version,
      base_url: l.baseUrl,
      conference: {
        acronym: l.acronym,
        title: l.title,
        start: l.startsOn,
        end: l.endsOn,
        daysCount: l.days.length,
        timeslot_duration: '00:05',
        time_zone_name: l.timezone,
        rooms: l.rooms.map((r) => ({ name: r.name, guid: r.guid, description: null, capacity: r.capacity })),
        tracks: l.tracks.map((name) => ({ name })),
        days: l.days.map((d) => ({
          index: d.index,
          date: d.date,
          day_start: d.start,
          day_end: d.end,
          rooms: Object.fromEntries(
            d.rooms.map(({ room, events }) => [
              room.name,
              events.map((e) => ({
                id: e.id,
                guid: e.guid,
                date: e.date,
                start: e.start,
                duration: e.duration,
                room: e.room,
                slug: e.slug,
                url: e.url,
                title: e.title,
                subtitle: '',
                track: e.track,
                type: e.type,
                language: 'en',
                abstract: e.abstract,
                description: '',
                persons: e.persons.map((person) => ({
                  guid: person.guid,
                  code: `P${person.id}`,
                  name: person.name,
                  public_name: person.name,
                  biography: person.bio ?? '',
                })),
                links: [],
                attachments: [],
              })),
            ]),
          ),
        })),
      },
    },
  };
}

/**
 * frab schedule XML, element for element as pretalx writes it (agenda/schedule.xml): a day per
 * local day with its day change at midnight, rooms with their GUIDs, events with integer ids and
 * GUIDs, persons with integer ids. Written directly with escaping: the shape is fixed and small.
 */
export function scheduleXml(p: Programme, publicUrl: string, version = programmeVersion(p)): string {
  const l = layout(p, publicUrl);
  const out = [`<?xml version="1.0" encoding="utf-8"?>`, '<schedule>'];
  const line = (depth: number, text: string) => out.push('  '.repeat(depth) + text);
  const leaf = (depth: number, name: string, value: string | number | null) =>
    line(depth, value === null || value === '' ? `<${name}/>` : `<${name}>${xml(String(value))}</${name}>`);
  line(1, `<generator name="${attr(GENERATOR.name)}" version="${attr(GENERATOR.version)}"/>`);
  leaf(1, 'version', version);
  line(1, '<conference>');
  leaf(2, 'acronym', l.acronym);
  leaf(2, 'title', l.title);
  leaf(2, 'start', l.startsOn);
  leaf(2, 'end', l.endsOn);
  leaf(2, 'days', l.days.length);
  leaf(2, 'timeslot_duration', '00:05');
  leaf(2, 'base_url', l.baseUrl);
  leaf(2, 'time_zone_name', l.timezone);
  line(1, '</conference>');
  for (const d of l.days) {
    line(1, `<day index="${d.index}" date="${d.date}" start="${d.start}" end="${d.end}">`);
    for (const { room, events } of d.rooms) {
      if (!events.length) {
        line(2, `<room name="${attr(room.name)}" guid="${room.guid}"/>`);
        continue;
      }
      line(2, `<room name="${attr(room.name)}" guid="${room.guid}">`);
      for (const e of events) {
        line(3, `<event guid="${e.guid}" id="${e.id}">`);
        leaf(4, 'date', e.date);
        leaf(4, 'start', e.start);
        leaf(4, 'duration', e.duration);
        leaf(4, 'room', e.room);
        leaf(4, 'slug', e.slug);
        leaf(4, 'url', e.url);
        leaf(4, 'title', e.title);
        leaf(4, 'subtitle', '');
        leaf(4, 'track', e.track);
        leaf(4, 'type', e.type);
        leaf(4, 'language', 'en');
        leaf(4, 'abstract', e.abstract);
        leaf(4, 'description', '');
        if (e.persons.length) {
          line(4, '<persons>');
          for (const person of e.persons)
            line(5, `<person id="${person.id}" guid="${person.guid}">${xml(person.name)}</person>`);
          line(4, '</persons>');
        } else {
          line(4, '<persons/>');
        }
        line(4, '<links/>');
        line(4, '<attachments/>');
        line(3, '</event>');
      }
      line(2, '</room>');
    }
    line(1, '</day>');
  }
  out.push('</schedule>', '');
  return out.join('\n');
}

/** Characters XML 1.0 cannot carry at all (most C0 controls, U+FFFE/FFFF, lone surrogates) are dropped. */
const NOT_XML =
  // eslint-disable-next-line no-control-regex -- the control characters XML 1.0 forbids are what is dropped
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function xml(text: string): string {
  return text.replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Attribute values also escape quotes, and keep tabs and line breaks (attribute normalization would turn them into spaces). */
function attr(text: string): string {
  return xml(text).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}
