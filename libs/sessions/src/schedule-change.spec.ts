import { ScheduleChangeKind, SessionSnapshot } from './schedule-change.entity';
import { changeKinds, describeChange } from './schedule-change';

const base: SessionSnapshot = {
  title: 'Opening keynote',
  startsAt: '2027-03-08T16:00:00.000Z',
  endsAt: '2027-03-08T17:00:00.000Z',
  roomId: 'r1',
  room: 'Hall A',
  speakerIds: ['s1'],
  speakers: ['Ana Ruiz'],
  status: 'PUBLISHED',
};

describe('schedule changes', () => {
  it('files a move of time and room under TIME_CHANGED and describes it in local time', () => {
    const after = {
      ...base,
      startsAt: '2027-03-08T17:30:00.000Z',
      endsAt: '2027-03-08T18:30:00.000Z',
      roomId: 'r2',
      room: 'Room 204',
    };
    expect(changeKinds(base, after)).toEqual([ScheduleChangeKind.TIME_CHANGED, ScheduleChangeKind.ROOM_CHANGED]);
    expect(describeChange(base, after, 'America/Chicago')).toBe(
      '"Opening keynote" moved from Hall A, Mon 8 Mar 10:00 to Room 204, Mon 8 Mar 11:30',
    );
  });

  it('describes cancellations with their reason, and speaker changes', () => {
    expect(describeChange(base, { ...base, status: 'CANCELLED' }, 'America/Chicago', 'Speaker ill')).toBe(
      '"Opening keynote" (Hall A, Mon 8 Mar 10:00) is cancelled: Speaker ill',
    );
    const swapped = { ...base, speakerIds: ['s2'], speakers: ['Ben Becker'] };
    expect(changeKinds(base, swapped)).toEqual([ScheduleChangeKind.SPEAKER_CHANGED]);
    expect(describeChange(base, swapped, 'UTC')).toBe('"Opening keynote" speakers changed from Ana Ruiz to Ben Becker');
  });

  it('sees no change when only the speakers order or nothing changed', () => {
    expect(changeKinds({ ...base, speakerIds: ['a', 'b'] }, { ...base, speakerIds: ['b', 'a'] })).toEqual([]);
    expect(changeKinds(base, { ...base })).toEqual([]);
  });
});
