import {
  buildClientSchema,
  getIntrospectionQuery,
  getNamedType,
  GraphQLArgument,
  GraphQLField,
  GraphQLInputType,
  GraphQLObjectType,
  GraphQLSchema,
  IntrospectionQuery,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
} from 'graphql';
import { GqlError, TestApp } from './test-app';

/**
 * Schema-driven fuzzing: every query and mutation of the introspected schema is called with hostile
 * values in every argument (NUL bytes, a megabyte, invalid and extreme dates, 1e308, huge and deep
 * lists), anonymously, as a plain user and as an organizer. Whatever arrives, the API answers with a
 * coded error or data, never an INTERNAL_SERVER_ERROR, within a bounded time, and /health keeps
 * answering throughout.
 */

type Variant =
  'nul' | 'controls' | 'megabyte' | 'bad-ids' | 'numbers' | 'bad-dates' | 'extreme-dates' | 'deep' | 'deep-variables';
const VARIANTS: Variant[] = [
  'nul',
  'controls',
  'megabyte',
  'bad-ids',
  'numbers',
  'bad-dates',
  'extreme-dates',
  'deep',
  'deep-variables',
];

/** What one call may take at most, however hostile (the API's own request budget is well under it). */
const MAX_CALL_MS = 10_000;
const MEGABYTE = 'x'.repeat(1 << 20);

/** Nested arrays `depth` deep, built without recursion. */
function nested(depth: number): unknown {
  let value: unknown = 'deep';
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

/** The same as JSON text: JSON.stringify itself would overflow the stack at this depth. */
const nestedJson = (depth: number) => `${'['.repeat(depth)}"deep"${']'.repeat(depth)}`;

interface Ids {
  [name: string]: string;
}

class ValueMaker {
  constructor(
    private readonly schema: GraphQLSchema,
    private readonly ids: Ids,
    private readonly variant: Variant,
  ) {}

  /** A value for an argument or input field, hostile where the variant says. */
  value(type: GraphQLInputType, name: string, owner: string, depth = 0): unknown {
    if (isNonNullType(type)) return this.value(type.ofType, name, owner, depth);
    if (isListType(type)) {
      const item = this.value(type.ofType, name, owner, depth + 1);
      if (this.variant === 'deep' && depth === 0)
        return isInputObjectType(getNamedType(type)) ? Array.from({ length: 5_000 }, () => item) : nested(2_000);
      return [item, item];
    }
    if (isInputObjectType(type)) {
      if (depth > 4) return {};
      return Object.fromEntries(
        Object.values(type.getFields()).map((f) => [f.name, this.value(f.type, f.name, type.name, depth + 1)]),
      );
    }
    if (isEnumType(type)) return type.getValues()[0].value;
    switch (type.name) {
      case 'ID':
        return this.id(name, owner);
      case 'String':
        return this.string(name);
      case 'Int':
        return this.variant === 'numbers'
          ? name === 'first'
            ? -2_147_483_648
            : 2_147_483_647
          : name === 'first'
            ? 5
            : 1;
      case 'Float':
        return this.variant === 'numbers' ? 1e308 : 1;
      case 'Boolean':
        return true;
      case 'DateTime':
        return this.variant === 'bad-dates'
          ? '2027-02-30T10:00:00Z'
          : this.variant === 'extreme-dates'
            ? name.startsWith('end') || name === 'until' || name === 'closesAt'
              ? '9999-12-31T23:59:59Z'
              : '1970-01-01T00:00:00Z'
            : '2027-03-08T16:00:00Z';
      default:
        return this.string(name);
    }
  }

  private string(name: string): string {
    const plain = /email/i.test(name)
      ? 'fuzz@test.example'
      : /url/i.test(name)
        ? 'https://fuzz.example/hook'
        : /day|On$/.test(name)
          ? '2027-03-08'
          : /color|colour/i.test(name)
            ? '#123456'
            : 'fuzz text';
    switch (this.variant) {
      case 'nul':
        return `${plain}\u0000`;
      case 'controls':
        return `\u202e${plain}\u0007\u001b[2J\ud800`;
      case 'megabyte':
        return MEGABYTE;
      case 'bad-dates':
        return /day|On$|date/i.test(name) ? '2027-02-30' : plain;
      default:
        return plain;
    }
  }

  private id(name: string, owner: string): string {
    if (this.variant === 'bad-ids') return name.length % 2 ? '\u0000' : 'x'.repeat(100_000);
    const key =
      name === 'id' || name === 'ids'
        ? owner.replace(/^(update|publish|cancel|delete|reissue|issue|release)/, '').toLowerCase()
        : name.replace(/Ids?$/, '').toLowerCase();
    return this.ids[key] ?? this.ids.session;
  }
}

/** A document calling one root field with every argument as a variable, selecting only __typename. */
function operationFor(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>): string {
  const vars = field.args.map((a: GraphQLArgument, i: number) => `$a${i}: ${String(a.type)}`).join(', ');
  const args = field.args.map((a: GraphQLArgument, i: number) => `${a.name}: $a${i}`).join(', ');
  const selection = isLeafType(getNamedType(field.type)) ? '' : ' { __typename }';
  return `${kind} Fuzz${vars ? `(${vars})` : ''} { ${field.name}${args ? `(${args})` : ''}${selection} }`;
}

describe('schema-driven fuzzing', () => {
  let t: TestApp;
  let schema: GraphQLSchema;
  const ids: Ids = {};
  const callers: Record<string, string | undefined> = {};

  beforeAll(async () => {
    t = await TestApp.create();
    const f = t.factory;
    const admin = await f.admin();
    const edition = await f.edition();
    ids.edition = edition.id;
    ids.room = (await f.room(edition.id)).id;
    ids.track = (await f.track(edition.id)).id;
    ids.speaker = (await f.speaker(edition.id)).id;
    ids.session = (await f.session(edition.id)).id;
    const attendee = await f.attendee(edition.id);
    ids.attendee = attendee.id;
    ids.hall = (
      await t.ok(
        `mutation($e: ID!) { createHall(editionId: $e, input: { name: "Hall", widthM: 100, depthM: 60 }) { id } }`,
        { e: edition.id },
        admin,
      )
    ).createHall.id;
    ids.booth = (
      await t.ok(
        `mutation($e: ID!, $h: ID!) { createBooth(editionId: $e, input: { code: "F1", hallId: $h, xM: 1, yM: 1, widthM: 3, depthM: 3 }) { id } }`,
        { e: edition.id, h: ids.hall },
        admin,
      )
    ).createBooth.id;
    ids.toboothid = ids.booth;
    ids.tobooth = ids.booth;
    ids.exhibitor = (
      await t.ok(
        `mutation($e: ID!) { createExhibitor(editionId: $e, input: { name: "Fuzz Corp" }) { id } }`,
        { e: edition.id },
        admin,
      )
    ).createExhibitor.id;
    ids.checkpoint = (
      await t.ok(
        `mutation($e: ID!) { createCheckpoint(editionId: $e, input: { name: "Door", kind: ENTRANCE, allowed: [FULL_CONFERENCE] }) { id } }`,
        { e: edition.id },
        admin,
      )
    ).createCheckpoint.id;
    ids.badge = (
      await t.ok(`mutation($a: ID!) { issueBadge(attendeeId: $a) { id } }`, { a: attendee.id }, admin)
    ).issueBadge.id;
    ids.batch = ids.badge;
    ids.webhook = ids.edition;
    ids.lead = ids.attendee;
    ids.notification = ids.session;
    callers.anonymous = undefined;
    callers.user = (await f.user('Fuzz User')).token;
    callers.organizer = admin;
    // The schema as any client learns it: the standard introspection query over HTTP.
    const introspection = await t.ok<IntrospectionQuery>(getIntrospectionQuery(), {}, admin);
    schema = buildClientSchema(introspection);
  });
  afterAll(() => t.close());

  it('answers every operation with every hostile value without a 500, in bounded time, while /health answers', async () => {
    const health: { status: number; ms: number }[] = [];
    let running = true;
    const poller = (async () => {
      while (running) {
        const started = Date.now();
        const res = await t.http.get('/health');
        health.push({ status: res.status, ms: Date.now() - started });
        await new Promise((r) => setTimeout(r, 250));
      }
    })();

    const calls: { name: string; body: string; token?: string }[] = [];
    const roots: ['query' | 'mutation', GraphQLObjectType | null | undefined][] = [
      ['query', schema.getQueryType()],
      ['mutation', schema.getMutationType()],
    ];
    for (const [kind, root] of roots) {
      for (const field of Object.values(root!.getFields())) {
        const query = operationFor(kind, field);
        for (const variant of VARIANTS) {
          const maker = new ValueMaker(schema, ids, variant);
          const variables: Record<string, unknown> = Object.fromEntries(
            field.args.map((a, i) => [`a${i}`, maker.value(a.type, a.name, field.name)]),
          );
          let body = JSON.stringify({ query, variables });
          // An undeclared variable nested far deeper than any input: nothing may walk it recursively.
          if (variant === 'deep-variables')
            body = `${body.slice(0, -2)}${field.args.length ? ',' : ''}"junk":${nestedJson(100_000)}}}`;
          for (const [caller, token] of Object.entries(callers))
            calls.push({ name: `${kind} ${field.name} [${variant}] as ${caller}`, body, token });
        }
      }
    }

    const failures: string[] = [];
    let next = 0;
    const worker = async () => {
      while (next < calls.length) {
        const call = calls[next++];
        const started = Date.now();
        let req = t.http.post('/graphql').set('Content-Type', 'application/json');
        if (call.token) req = req.set('Authorization', `Bearer ${call.token}`);
        const res = await req.send(call.body);
        const ms = Date.now() - started;
        const errors: GqlError[] = res.body?.errors ?? [];
        const internal = errors.find((e) => e.extensions?.code === 'INTERNAL_SERVER_ERROR' || !e.extensions?.code);
        if (res.status >= 500) failures.push(`${call.name}: HTTP ${res.status} ${res.text.slice(0, 200)}`);
        else if (internal) failures.push(`${call.name}: ${JSON.stringify(internal).slice(0, 200)}`);
        if (ms > MAX_CALL_MS) failures.push(`${call.name}: took ${ms} ms`);
      }
    };
    try {
      await Promise.all([worker(), worker(), worker()]);
    } finally {
      running = false;
      await poller;
    }

    expect(calls.length).toBeGreaterThan(1_000);
    expect(failures).toEqual([]);
    expect(health.length).toBeGreaterThan(0);
    expect(health.filter((h) => h.status !== 200 || h.ms > 2_000)).toEqual([]);
  }, 600_000);
});
