import { Injectable, OnModuleInit } from '@nestjs/common';
import { batchLoader, LoaderFactory, manyLoader } from '@app/core';
import { Session } from '@app/sessions';
import DataLoader from 'dataloader';
import { ScheduleEntry, SessionAttendance } from './schedule-entry.entity';
import { ScheduleService } from './schedule.service';

declare module '@app/core' {
  interface LoaderMap {
    /** The caller's other entries that overlap an entry in time, by entry id. */
    entryConflicts: DataLoader<string, Session[]>;
    /** An attendee's entries in published sessions, by attendee id (see scheduleVisibleTo). */
    attendeeSchedule: DataLoader<string, ScheduleEntry[]>;
    /** A session's reservation, waitlist and bookmark counts, by session id (organizers only: see attendanceFor). */
    sessionAttendance: DataLoader<string, SessionAttendance>;
  }
}

/** Builds the schedule lib's loaders for every request (see LoaderMap in core). */
@Injectable()
export class ScheduleLoaders implements OnModuleInit {
  constructor(
    private readonly factory: LoaderFactory,
    private readonly schedule: ScheduleService,
  ) {}

  onModuleInit(): void {
    this.factory.register({
      entryConflicts: () =>
        manyLoader(
          (ids) => this.schedule.conflictsOf(ids),
          (l) => l.entryId,
          (l) => l.session,
        ),
      sessionAttendance: () => batchLoader((ids) => this.schedule.attendanceOf(ids)),
      attendeeSchedule: () =>
        manyLoader(
          (ids) => this.schedule.entriesOfAttendees(ids),
          (e) => e.attendeeId,
        ),
    });
  }
}
