import type { ApolloClient } from '@apollo/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EditionChoiceDocument, ProgrammeDayDocument, ProgrammeDaySeatsDocument } from '../gql/graphql';
import { answerKey, heldAnswer, refreshAnswers, seedAnswer, watchAnswer } from './answer-store';

/** A client that answers from `answer` (a value, a promise of one, or an Error) and records what it was asked (the store only uses query and the reset hooks). */
function fakeClient(answer: (operation: string, variables: Record<string, unknown>) => unknown) {
  const asked: string[] = [];
  const resets: (() => Promise<unknown>)[] = [];
  const client = {
    query: vi.fn(
      ({
        query,
        variables,
      }: {
        query: { definitions: { name?: { value: string } }[] };
        variables: Record<string, unknown>;
      }) => {
        const operation = query.definitions[0].name!.value;
        asked.push(typeof variables.day === 'string' ? `${operation} ${variables.day}` : operation);
        const data = answer(operation, variables);
        return data instanceof Error ? Promise.reject(data) : Promise.resolve(data).then((d) => ({ data: d }));
      },
    ),
    onResetStore: (callback: () => Promise<unknown>) => resets.push(callback),
    onClearStore: (callback: () => Promise<unknown>) => resets.push(callback),
  } as unknown as ApolloClient;
  return { client, asked, reset: () => Promise.all(resets.map((r) => r())) };
}

let edition = 0;
const day = (d = '2027-03-08') => ({ editionId: `e${++edition}`, day: d, search: null });
const sessions = (n: number) => ({ sessions: { totalCount: n, edges: [] } });
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

afterEach(() => vi.useRealTimers());

describe('the answer store', () => {
  it('keys an answer by operation and variables, whatever their order, a missing variable as null', () => {
    expect(answerKey('ProgrammeDay', { search: undefined, day: 'd', editionId: 'e' })).toBe(
      answerKey('ProgrammeDay', { editionId: 'e', day: 'd', search: null }),
    );
    expect(answerKey('ProgrammeDay', { editionId: 'e' })).not.toBe(answerKey('ProgrammeDaySeats', { editionId: 'e' }));
  });

  it('shows an answer the page came with at once and does not ask again while it is fresh; asks once it is not', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const { client, asked } = fakeClient(() => sessions(2));
    const v = day();
    seedAnswer('ProgrammeDay', v, sessions(1));
    const stop = watchAnswer(client, ProgrammeDayDocument, v);
    expect(heldAnswer(ProgrammeDayDocument, v).data).toEqual(sessions(1));
    expect(asked).toEqual([]);
    stop();

    vi.setSystemTime(Date.now() + 11_000);
    watchAnswer(client, ProgrammeDayDocument, v)();
    await settle();
    expect(asked).toEqual(['ProgrammeDay 2027-03-08']);
    expect(heldAnswer(ProgrammeDayDocument, v)).toMatchObject({ data: sessions(2), loading: false });
  });

  it('asks once for an answer two components show, loading only until it comes', async () => {
    const { client, asked } = fakeClient(() => sessions(3));
    const v = day();
    const stops = [watchAnswer(client, ProgrammeDayDocument, v), watchAnswer(client, ProgrammeDayDocument, v)];
    expect(heldAnswer(ProgrammeDayDocument, v).loading).toBe(true);
    await settle();
    expect(asked).toHaveLength(1);
    expect(heldAnswer(ProgrammeDayDocument, v)).toMatchObject({ data: sessions(3), loading: false });
    stops.forEach((stop) => stop());
  });

  it('keeps the answer it holds when the API cannot be reached, with the error', async () => {
    const down = new Error('offline');
    const { client } = fakeClient(() => down);
    const v = day();
    seedAnswer('ProgrammeDay', v, sessions(4));
    await refreshAnswers(client); // not shown: only marked stale
    watchAnswer(client, ProgrammeDayDocument, v)();
    await settle();
    expect(heldAnswer(ProgrammeDayDocument, v)).toMatchObject({ data: sessions(4), error: down, loading: false });
  });

  it('asks again, after a schedule change, for the seat counts shown, not the days', async () => {
    let seats = 5;
    const { client, asked } = fakeClient((operation) =>
      operation === 'ProgrammeDaySeats'
        ? { sessions: { totalCount: 1, edges: [{ node: { id: 's', seatsTaken: seats } }] } }
        : sessions(1),
    );
    const v = day('2027-03-09');
    seedAnswer('ProgrammeDay', v, sessions(1));
    seedAnswer('ProgrammeDaySeats', v, { sessions: { totalCount: 1, edges: [{ node: { id: 's', seatsTaken: 4 } }] } });
    const stops = [watchAnswer(client, ProgrammeDayDocument, v), watchAnswer(client, ProgrammeDaySeatsDocument, v)];
    expect(asked).toEqual([]);

    await refreshAnswers(client, ['ProgrammeDaySeats']);
    expect(asked).toEqual(['ProgrammeDaySeats 2027-03-09']);
    expect(heldAnswer(ProgrammeDaySeatsDocument, v).data?.sessions.edges[0].node.seatsTaken).toBe(5);
    stops.forEach((stop) => stop());

    // Not shown any more: marked stale, asked for when next shown.
    seats = 6;
    await refreshAnswers(client, ['ProgrammeDaySeats']);
    expect(asked).toHaveLength(1);
    watchAnswer(client, ProgrammeDaySeatsDocument, v)();
    await settle();
    expect(heldAnswer(ProgrammeDaySeatsDocument, v).data?.sessions.edges[0].node.seatsTaken).toBe(6);
  });

  it('asks again for what is shown when the client is reset (signing in or out)', async () => {
    let name = 'Before';
    const { client, asked, reset } = fakeClient(() => ({ editions: [{ id: 'e', name }] }));
    const stop = watchAnswer(client, EditionChoiceDocument, {});
    await settle();
    name = 'After';
    await reset();
    await settle();
    expect(asked.filter((a) => a === 'EditionChoice').length).toBeGreaterThanOrEqual(2);
    expect(heldAnswer(EditionChoiceDocument, {}).data?.editions[0].name).toBe('After');
    stop();
  });

  it('drops an answer asked for before a reset: it was asked with the person before’s token', async () => {
    let answer!: (data: unknown) => void;
    const late = new Promise((resolve) => (answer = resolve));
    let calls = 0;
    const { client, reset } = fakeClient(() => (++calls === 1 ? late : sessions(2)));
    const v = day();
    const stop = watchAnswer(client, ProgrammeDayDocument, v);
    await reset();
    answer(sessions(7)); // the organizer's answer, arriving after the sign-out
    await settle();
    expect(heldAnswer(ProgrammeDayDocument, v).data).toEqual(sessions(2));
    stop();
  });

  it('drops, at a reset, the answers no component shows: they were the person before’s (an organizer sees drafts)', async () => {
    const { client, reset } = fakeClient(() => sessions(1));
    const shown = day();
    const hidden = day();
    seedAnswer('ProgrammeDay', hidden, sessions(9));
    const stop = watchAnswer(client, ProgrammeDayDocument, shown);
    await settle();
    await reset();
    await settle();
    expect(heldAnswer(ProgrammeDayDocument, hidden).data).toBeUndefined();
    expect(heldAnswer(ProgrammeDayDocument, shown).data).toEqual(sessions(1));
    stop();
  });
});
