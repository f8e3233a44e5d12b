import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { DateTime } from 'luxon';

/**
 * Checks of the programme exports, written from the published rules rather than copied:
 * - c3voc `schedule.json`: https://c3voc.de/schedule/schema.json (voc/schedule, validator/json/schema.json);
 * - frab XML: voc/schedule validator/xsd/schedule.xml.xsd, and pretalx's agenda/schedule.xml.
 * Each returns every violation as "path: what is wrong"; an empty list is a valid document.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** RFC 3339 date-time: an offset (or Z) is required. */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const DURATION = /^[0-9]+:[0-9]{2}$/;
/**
 * The event's local start. The JSON schema names `start` a date-time, but every producer (frab,
 * pretalx) and reader writes and reads HH:MM beside the full `date`; the XSD's pattern is the rule.
 */
const START = /^[0-2][0-9]:[0-5][0-9]$/;
const ACRONYM = /^[a-z0-9_-][a-z0-9_]{3,}(-2[0-9]{3}-[a-z]+)?$/;
const SLUG = /^[a-z0-9_-]+[a-z0-9]$/;
const TIME_ZONE = /^([A-Z][a-z]+\/[A-Z][a-z]+)|UTC$/;
const PERSON_CODE = /^[A-Z0-9]+$/;

type Json = unknown;
type Obj = Record<string, Json>;

const isObj = (v: Json): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isDate = (v: Json) => typeof v === 'string' && DATE.test(v) && DateTime.fromISO(v).isValid;
const isDateTime = (v: Json) =>
  typeof v === 'string' && DATE_TIME.test(v) && DateTime.fromISO(v, { setZone: true }).isValid;
const isUri = (v: Json) => {
  try {
    return typeof v === 'string' && !!new URL(v).protocol;
  } catch {
    return false;
  }
};

class Checker {
  readonly errors: string[] = [];

  fail(path: string, message: string): void {
    this.errors.push(`${path}: ${message}`);
  }

  object(
    path: string,
    v: Json,
    { required = [], allowed }: { required?: string[]; allowed?: string[] } = {},
  ): v is Obj {
    if (!isObj(v)) {
      this.fail(path, 'is not an object');
      return false;
    }
    for (const key of required) if (!(key in v)) this.fail(path, `misses required "${key}"`);
    if (allowed)
      for (const key of Object.keys(v))
        if (!allowed.includes(key)) this.fail(path, `has "${key}", which the schema does not allow`);
    return true;
  }

  check(path: string, ok: boolean, message: string): void {
    if (!ok) this.fail(path, message);
  }

  /** Checks v[key] when present (required keys are checked by object()). */
  optional(path: string, v: Obj, key: string, test: (x: Json) => boolean, message: string): void {
    if (key in v) this.check(`${path}.${key}`, test(v[key]), message);
  }
}

const str = (v: Json) => typeof v === 'string';
const strOrNull = (v: Json) => typeof v === 'string' || v === null;
const int = (v: Json) => Number.isInteger(v);

/** The rules of c3voc schema.json (draft-06) over a parsed schedule.json, plus the consistency its readers rely on. */
export function checkScheduleJson(doc: Json): string[] {
  const c = new Checker();
  if (!c.object('$', doc, { required: ['schedule'], allowed: ['schedule', '$schema', 'generator'] })) return c.errors;
  c.optional('$', doc, '$schema', str, 'is not a string');
  if ('generator' in doc && c.object('$.generator', doc.generator)) {
    const g = doc.generator;
    c.optional('$.generator', g, 'name', str, 'is not a string');
    c.optional('$.generator', g, 'version', str, 'is not a string');
    c.optional('$.generator', g, 'url', isUri, 'is not a URI');
  }
  const schedule = doc.schedule;
  if (!c.object('$.schedule', schedule, { required: ['conference', 'version'] })) return c.errors;
  c.optional('$.schedule', schedule, 'version', str, 'is not a string');
  c.optional('$.schedule', schedule, 'base_url', isUri, 'is not a URI');
  c.check('$.schedule.rooms', !('rooms' in schedule), 'is not allowed at this level');

  const conf = schedule.conference;
  const p = '$.schedule.conference';
  const confKeys = [
    'acronym',
    'title',
    'description',
    'start',
    'end',
    'daysCount',
    'timeslot_duration',
    'time_zone_name',
    'logo',
    'colors',
    'keywords',
    'url',
    'tracks',
    'rooms',
    'meta',
    'days',
  ];
  if (
    !c.object(p, conf, {
      required: ['title', 'acronym', 'days', 'daysCount', 'start', 'end', 'timeslot_duration'],
      allowed: confKeys,
    })
  )
    return c.errors;
  c.optional(p, conf, 'acronym', (v) => str(v) && ACRONYM.test(v), `does not match ${ACRONYM}`);
  c.optional(p, conf, 'title', str, 'is not a string');
  c.optional(p, conf, 'description', str, 'is not a string');
  c.optional(p, conf, 'start', (v) => isDate(v) || isDateTime(v), 'is neither a date nor a date-time');
  c.optional(p, conf, 'end', isDate, 'is not a date');
  c.optional(p, conf, 'daysCount', int, 'is not an integer');
  c.optional(p, conf, 'timeslot_duration', str, 'is not a string');
  c.optional(p, conf, 'time_zone_name', (v) => str(v) && TIME_ZONE.test(v), `does not match ${TIME_ZONE}`);
  c.optional(p, conf, 'url', isUri, 'is not a URI');
  c.optional(p, conf, 'keywords', (v) => Array.isArray(v) && v.every(str), 'is not an array of strings');
  if ('tracks' in conf) {
    if (!Array.isArray(conf.tracks)) c.fail(`${p}.tracks`, 'is not an array');
    else
      conf.tracks.forEach(
        (t, i) =>
          c.object(`${p}.tracks[${i}]`, t) && c.optional(`${p}.tracks[${i}]`, t, 'name', str, 'is not a string'),
      );
  }
  const roomNames = new Set<string>();
  if ('rooms' in conf) {
    if (!Array.isArray(conf.rooms)) c.fail(`${p}.rooms`, 'is not an array');
    else
      conf.rooms.forEach((r, i) => {
        const rp = `${p}.rooms[${i}]`;
        if (!c.object(rp, r, { required: ['guid', 'name'], allowed: ['name', 'guid', 'description', 'capacity'] }))
          return;
        c.optional(rp, r, 'name', str, 'is not a string');
        c.optional(rp, r, 'guid', (v) => str(v) && UUID.test(v), 'is not a UUID');
        c.optional(rp, r, 'description', strOrNull, 'is not a string or null');
        c.optional(rp, r, 'capacity', (v) => typeof v === 'number' || v === null, 'is not a number or null');
        roomNames.add(r.name as string);
      });
  }
  if (!Array.isArray(conf.days)) {
    c.fail(`${p}.days`, 'is not an array');
    return c.errors;
  }
  c.check(
    `${p}.daysCount`,
    conf.daysCount === conf.days.length,
    `is ${String(conf.daysCount)} for ${conf.days.length} days`,
  );
  const guids = new Set<string>();
  const ids = new Set<number>();
  conf.days.forEach((day, d) => {
    const dp = `${p}.days[${d}]`;
    if (
      !c.object(dp, day, {
        required: ['date', 'day_end', 'day_start', 'index', 'rooms'],
        allowed: ['index', 'date', 'day_start', 'day_end', 'rooms'],
      })
    )
      return;
    c.check(`${dp}.index`, day.index === d + 1, `is ${String(day.index)}; days are numbered 1, 2, … in order`);
    c.optional(dp, day, 'date', isDate, 'is not a date');
    c.optional(dp, day, 'day_start', isDateTime, 'is not a date-time');
    c.optional(dp, day, 'day_end', isDateTime, 'is not a date-time');
    if (!isObj(day.rooms)) return c.fail(`${dp}.rooms`, 'is not an object');
    for (const [room, events] of Object.entries(day.rooms)) {
      const rp = `${dp}.rooms[${JSON.stringify(room)}]`;
      if (roomNames.size) c.check(rp, roomNames.has(room), 'is not one of conference.rooms');
      if (!Array.isArray(events)) {
        c.fail(rp, 'is not an array');
        continue;
      }
      events.forEach((e, i) => checkEvent(c, `${rp}[${i}]`, e, { room, date: day.date as string, guids, ids }));
    }
  });
  return c.errors;
}

const EVENT_KEYS = [
  'id',
  'guid',
  'logo',
  'date',
  'start',
  'duration',
  'room',
  'slug',
  'url',
  'title',
  'subtitle',
  'track',
  'type',
  'language',
  'abstract',
  'description',
  'recording_license',
  'do_not_record',
  'do_not_stream',
  'persons',
  'links',
  'attachments',
  'answers',
];
const EVENT_REQUIRED = [
  'abstract',
  'date',
  'duration',
  'guid',
  'id',
  'language',
  'links',
  'persons',
  'room',
  'slug',
  'start',
  'subtitle',
  'title',
  'track',
  'type',
  'url',
];

function checkEvent(
  c: Checker,
  ep: string,
  e: Json,
  at: { room: string; date: string; guids: Set<string>; ids: Set<number> },
): void {
  if (!c.object(ep, e, { required: EVENT_REQUIRED, allowed: EVENT_KEYS })) return;
  c.optional(ep, e, 'id', (v) => int(v) && (v as number) >= 1, 'is not an integer >= 1');
  c.optional(ep, e, 'guid', (v) => str(v) && UUID.test(v), 'is not a UUID');
  c.optional(ep, e, 'logo', isUri, 'is not a URI');
  c.optional(ep, e, 'date', isDateTime, 'is not a date-time with an offset');
  c.optional(ep, e, 'start', (v) => str(v) && START.test(v), 'is not HH:MM');
  c.optional(ep, e, 'duration', (v) => str(v) && DURATION.test(v), 'is not HH:MM');
  c.optional(ep, e, 'room', str, 'is not a string');
  c.optional(ep, e, 'slug', (v) => str(v) && SLUG.test(v), `does not match ${SLUG}`);
  c.optional(ep, e, 'url', isUri, 'is not a URI');
  c.optional(ep, e, 'title', str, 'is not a string');
  for (const key of ['subtitle', 'track', 'abstract', 'description', 'do_not_record', 'do_not_stream'])
    c.optional(ep, e, key, strOrNull, 'is not a string or null');
  c.optional(ep, e, 'type', str, 'is not a string');
  c.optional(ep, e, 'language', str, 'is not a string');
  c.optional(ep, e, 'recording_license', str, 'is not a string');
  for (const key of ['links', 'attachments', 'answers']) c.optional(ep, e, key, Array.isArray, 'is not an array');
  // What readers rely on beyond the schema: the event sits in its own room and day, and GUIDs and ids are unique.
  c.check(`${ep}.room`, e.room === at.room, `is "${String(e.room)}" under room "${at.room}"`);
  if (isDateTime(e.date))
    c.check(
      `${ep}.date`,
      (e.date as string).slice(0, 10) === at.date && (e.date as string).slice(11, 16) === e.start,
      `${String(e.date)} is not on ${at.date} at ${String(e.start)}`,
    );
  c.check(`${ep}.guid`, !at.guids.has(e.guid as string), 'is not unique');
  c.check(`${ep}.id`, !at.ids.has(e.id as number), 'is not unique');
  at.guids.add(e.guid as string);
  at.ids.add(e.id as number);
  if (!Array.isArray(e.persons)) return;
  e.persons.forEach((person, i) => {
    const pp = `${ep}.persons[${i}]`;
    if (!c.object(pp, person)) return;
    c.optional(pp, person, 'name', str, 'is not a string');
    c.optional(pp, person, 'guid', (v) => str(v) && UUID.test(v), 'is not a UUID');
    c.optional(pp, person, 'id', int, 'is not an integer');
    // oneOf: exactly one of the frab shape (id and public_name) and the pretalx shape (name; code, avatar, biography).
    const frab = int(person.id) && str(person.public_name);
    const pretalx =
      str(person.name) &&
      (!('code' in person) || (str(person.code) && PERSON_CODE.test(person.code))) &&
      (!('avatar' in person) || isUri(person.avatar)) &&
      (!('biography' in person) || str(person.biography));
    c.check(
      pp,
      frab !== pretalx,
      frab
        ? 'matches both the frab and the pretalx person shapes (oneOf)'
        : 'matches neither the frab nor the pretalx person shape',
    );
  });
}

export interface FrabEvent {
  id: number;
  guid: string;
  date: string;
  start: string;
  duration: string;
  room: string;
  title: string;
  track: string;
  persons: { id: number; guid?: string; name: string }[];
}

export interface FrabSchedule {
  version: string;
  timezone: string;
  days: { index: number; date: string; rooms: { name: string; guid?: string; events: FrabEvent[] }[] }[];
}

/** An element's text (parseTagValue is off: a leaf is a string), or '' when it is missing or not text. */
const textOf = (v: Json): string => (typeof v === 'string' ? v : '');

const asArray = <T>(v: T | T[] | undefined): T[] => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]);

/**
 * Parses frab XML with a real parser (well-formedness first) and checks it against the XSD's rules:
 * conference title and acronym, days with a positive index, a date and date-times, events with a
 * positive integer id and the required children, start and duration patterns, persons with integer
 * ids, and unique GUIDs, ids and slugs. Returns the errors and what the document says.
 */
export function parseScheduleXml(text: string): { errors: string[]; schedule: FrabSchedule } {
  const c = new Checker();
  const schedule: FrabSchedule = { version: '', timezone: '', days: [] };
  const wellFormed = XMLValidator.validate(text);
  if (wellFormed !== true)
    return { errors: [`not well-formed XML: ${wellFormed.err.msg} (line ${wellFormed.err.line})`], schedule };
  const parsed = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
  }).parse(text) as Obj;
  const root = parsed.schedule;
  if (!c.object('schedule', root, { required: ['conference', 'day'] })) return { errors: c.errors, schedule };
  schedule.version = textOf(root.version);
  const conf = root.conference;
  if (c.object('conference', conf, { required: ['title', 'acronym'] })) {
    c.optional('conference', conf, 'start', isDate, 'is not a date');
    c.optional('conference', conf, 'end', isDate, 'is not a date');
    c.optional('conference', conf, 'days', (v) => /^\d+$/.test(String(v)), 'is not an integer');
    c.optional('conference', conf, 'timeslot_duration', (v) => /^[0-9]{1,2}:[0-9]{2}$/.test(String(v)), 'is not HH:MM');
    schedule.timezone = textOf(conf.time_zone_name);
  }
  const guids = new Set<string>();
  const ids = new Set<string>();
  const slugs = new Set<string>();
  asArray(root.day as Obj | Obj[]).forEach((day, d) => {
    const dp = `day[${d}]`;
    const index = Number(day['@index']);
    c.check(`${dp}@index`, Number.isInteger(index) && index >= 1, 'is not a positive integer');
    c.check(`${dp}@date`, isDate(day['@date']), 'is not a date');
    c.check(`${dp}@start`, isDateTime(day['@start']), 'is not a date-time');
    c.check(`${dp}@end`, isDateTime(day['@end']), 'is not a date-time');
    const rooms: FrabSchedule['days'][number]['rooms'] = [];
    asArray(day.room as Obj | Obj[]).forEach((room, r) => {
      const rp = `${dp}.room[${r}]`;
      c.check(`${rp}@name`, str(room['@name']), 'has no name');
      if ('@guid' in room) c.check(`${rp}@guid`, UUID.test(String(room['@guid'])), 'is not a UUID');
      const events: FrabEvent[] = [];
      asArray(room.event as Obj | Obj[]).forEach((event, i) => {
        const ep = `${rp}.event[${i}]`;
        if (
          !c.object(ep, event, {
            required: ['room', 'title', 'type', 'date', 'start', 'duration', 'abstract', 'slug', 'subtitle', 'track'],
          })
        )
          return;
        c.check(`${ep}@id`, /^[1-9]\d*$/.test(String(event['@id'])), 'is not a positive integer');
        c.check(`${ep}@guid`, UUID.test(String(event['@guid'])), 'is not a UUID');
        c.check(`${ep}.date`, isDateTime(event.date), 'is not a date-time with an offset');
        c.check(`${ep}.start`, START.test(String(event.start)), 'is not HH:MM');
        c.check(`${ep}.duration`, /^([0-9]{1,2}:[0-9]{2})$/.test(String(event.duration)), 'is not HH:MM');
        c.check(
          `${ep}.room`,
          event.room === room['@name'],
          `is "${String(event.room)}" in room "${String(room['@name'])}"`,
        );
        for (const [seen, value, what] of [
          [guids, String(event['@guid']), 'guid'],
          [ids, String(event['@id']), 'id'],
          [slugs, String(event.slug), 'slug'],
        ] as const) {
          c.check(`${ep} ${what}`, !seen.has(value), `${value} is not unique`);
          seen.add(value);
        }
        const persons = asArray(
          (isObj(event.persons) ? event.persons.person : undefined) as Obj | Obj[] | string | undefined,
        ).map((person, k) => {
          const p = typeof person === 'string' ? { '#text': person } : person;
          if ('@id' in p)
            c.check(`${ep}.persons[${k}]@id`, /^[1-9]\d*$/.test(String(p['@id'])), 'is not a positive integer');
          return { id: Number(p['@id']), guid: p['@guid'] as string | undefined, name: textOf(p['#text']) };
        });
        events.push({
          id: Number(event['@id']),
          guid: String(event['@guid']),
          date: String(event.date),
          start: String(event.start),
          duration: String(event.duration),
          room: String(event.room),
          title: String(event.title),
          track: String(event.track),
          persons,
        });
      });
      rooms.push({ name: String(room['@name']), guid: room['@guid'] as string | undefined, events });
    });
    schedule.days.push({ index, date: String(day['@date']), rooms });
  });
  return { errors: c.errors, schedule };
}
