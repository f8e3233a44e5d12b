import { describe, expect, it } from 'vitest';
import {
  type DeviceEntry,
  mergeInto,
  mergePlan,
  type MergeOutcome,
  outcomeOfError,
  remainingAfterMerge,
} from './device-schedule';

const e = (sessionId: string, addedAt: number, editionId = 'ed'): DeviceEntry => ({
  sessionId,
  editionId,
  title: sessionId,
  startsAt: '2027-03-08T15:00:00Z',
  endsAt: '2027-03-08T16:00:00Z',
  addedAt,
});

describe('merging the additions kept on the device at sign-in', () => {
  it('sends each session once, oldest addition first (the first added gets a seat first)', () => {
    expect(mergePlan([e('b', 3), e('a', 1), e('b', 2), e('c', 5)]).map((x) => [x.sessionId, x.addedAt])).toEqual([
      ['a', 1],
      ['b', 2],
      ['c', 5],
    ]);
    expect(mergePlan([])).toEqual([]);
  });

  it('forgets what was added or refused for good, keeps what could not be sent', () => {
    const outcomes = new Map<string, MergeOutcome>([
      ['added', { kind: 'added' }],
      ['gone', { kind: 'refused', code: 'NOT_FOUND' }],
      ['offline', { kind: 'later' }],
    ]);
    const left = remainingAfterMerge([e('added', 1), e('gone', 2), e('offline', 3), e('unsent', 4)], outcomes);
    expect(left.map((x) => x.sessionId)).toEqual(['offline', 'unsent']);
  });

  it('takes the API errors: gone or cancelled sessions are dropped; not registered yet, or offline, wait for the next sign-in', () => {
    expect(outcomeOfError('NOT_FOUND').kind).toBe('refused');
    expect(outcomeOfError('CONFLICT').kind).toBe('refused');
    expect(outcomeOfError('FORBIDDEN').kind).toBe('later');
    expect(outcomeOfError(undefined).kind).toBe('later');
  });

  it('sends in order through the given mutation, and a throwing send counts as offline', async () => {
    const sent: string[] = [];
    const result = await mergeInto([e('s2', 2), e('s1', 1), e('s3', 3), e('s1', 4)], (id) => {
      sent.push(id);
      if (id === 's2') return Promise.reject(new Error('network'));
      return Promise.resolve(id === 's3' ? outcomeOfError('CONFLICT') : { kind: 'added' });
    });
    expect(sent).toEqual(['s1', 's2', 's3']);
    expect(result.added.map((x) => x.sessionId)).toEqual(['s1']);
    expect(result.refused.map((x) => x.sessionId)).toEqual(['s3']);
    expect(result.keep.map((x) => x.sessionId)).toEqual(['s2']);
  });
});
