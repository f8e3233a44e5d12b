import { Injectable, OnModuleInit } from '@nestjs/common';
import { LoaderFactory, manyLoader, oneLoader } from '@app/core';
import { Speaker } from '@app/speakers';
import DataLoader from 'dataloader';
import { ScheduleChange } from './schedule-change.entity';
import { Session } from './session.entity';
import { SessionsService } from './sessions.service';

declare module '@app/core' {
  interface LoaderMap {
    /** A session by id. */
    session: DataLoader<string, Session | null>;
    /** The speakers of a session, by session id. */
    sessionSpeakers: DataLoader<string, Speaker[]>;
    /** The sessions of a speaker, by speaker id. */
    speakerSessions: DataLoader<string, Session[]>;
    /** A schedule change by id. */
    scheduleChange: DataLoader<string, ScheduleChange | null>;
  }
}

/** Builds the sessions lib's loaders for every request (see LoaderMap in core). */
@Injectable()
export class SessionsLoaders implements OnModuleInit {
  constructor(
    private readonly factory: LoaderFactory,
    private readonly sessions: SessionsService,
  ) {}

  onModuleInit(): void {
    this.factory.register({
      session: () =>
        oneLoader(
          (ids) => this.sessions.byIds(ids),
          (s) => s.id,
        ),
      sessionSpeakers: () =>
        manyLoader(
          (ids) => this.sessions.speakersOf(ids),
          (l) => l.sessionId,
          (l) => l.speaker,
        ),
      speakerSessions: () =>
        manyLoader(
          (ids) => this.sessions.sessionsOfSpeakers(ids),
          (l) => l.speakerId,
          (l) => l.session,
        ),
      scheduleChange: () =>
        oneLoader(
          (ids) => this.sessions.changesByIds(ids),
          (c) => c.id,
        ),
    });
  }
}
