import { parse } from 'graphql';
import { cacheableEdition, MyScheduleCache } from './my-schedule-cache';

const E = '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b';
const of = (query: string, operationName?: string) => cacheableEdition(parse(query), operationName);

describe('which mySchedule reads MyScheduleCache may serve', () => {
  it('takes the edition from a variable or a literal, with __typename, aliases, fragments and @include', () => {
    expect(
      of(
        `query Mine($e: ID!) { mySchedule(editionId: $e) { __typename id status waitlistPosition session { id title seatsTaken room { name } track { name } speakers { name company } edition { timezone } } conflictsWith { id } } }`,
      ),
    ).toEqual({ variable: 'e' });
    expect(
      of(
        `{ mine: mySchedule(editionId: "${E}") { id ...E } } fragment E on ScheduleEntry { session { ...S } } fragment S on Session { title }`,
      ),
    ).toEqual({ literal: E });
    expect(
      of(
        `query($e: ID!, $more: Boolean!) { mySchedule(editionId: $e) { id ... on ScheduleEntry { status } session @include(if: $more) { id } } }`,
      ),
    ).toEqual({ variable: 'e' });
  });

  it('refuses anything the fingerprint does not cover, other roots, mutations, and unknown operations', () => {
    for (const query of [
      `query($e: ID!) { mySchedule(editionId: $e) { session { attendance { reserved } } } }`,
      `query($e: ID!) { mySchedule(editionId: $e) { session { speakers { sessions { id } } } } }`,
      `query($e: ID!) { mySchedule(editionId: $e) { session { edition { rooms { id } } } } }`,
      `query($e: ID!) { mySchedule(editionId: $e) { id constructor } }`,
      `query($e: ID!) { mySchedule(editionId: $e) { id } editions { id } }`,
      `query($e: ID!) { a: mySchedule(editionId: $e) { id } b: mySchedule(editionId: $e) { id } }`,
      `query($e: ID!) { mySchedule(editionId: $e) { id @cached } }`,
      `query($e: ID!) { mySchedule(editionId: $e) { ...F } } fragment F on Session { id }`,
      `query($e: ID!) { mySchedule(editionId: $e) { ...F } } fragment F on ScheduleEntry { ...F }`,
      `query($e: ID!) { mySchedule(editionId: $e) { session } }`,
      `mutation($s: ID!) { addToSchedule(sessionId: $s) { id } }`,
    ])
      expect(of(query)).toBeNull();
    const two = `query A($e: ID!) { mySchedule(editionId: $e) { id } } query B { editions { id } }`;
    expect(of(two)).toBeNull();
    expect(of(two, 'A')).toEqual({ variable: 'e' });
    expect(of(two, 'B')).toBeNull();
  });

  it('asks for a well-formed edition id only, and forgets the least recently used answers beyond its budget', () => {
    const cache = new MyScheduleCache(10);
    const query = `query($e: ID!) { mySchedule(editionId: $e) { id } }`;
    expect(cache.editionOf({ query, variables: { e: E } })).toBe(E);
    expect(cache.editionOf({ query, variables: { e: 'not-an-id' } })).toBeNull();
    expect(cache.editionOf({ query: '{ syntax error' })).toBeNull();
    cache.set('a', 'f1', Buffer.from('12345'));
    cache.set('b', 'f1', Buffer.from('12345'));
    expect(cache.get('a', 'f1')?.body.toString()).toBe('12345');
    expect(cache.get('a', 'f2')).toBeUndefined(); // another fingerprint: not served
    cache.set('c', 'f1', Buffer.from('12345')); // over budget: b (least recently used) goes
    expect(cache.get('b', 'f1')).toBeUndefined();
    expect(cache.get('a', 'f1')).toBeDefined();
    expect(cache.get('c', 'f1')).toBeDefined();
  });
});
