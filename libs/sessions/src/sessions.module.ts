import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EditionsModule } from '@app/editions';
import { SpeakersModule } from '@app/speakers';
import { ProgrammeExportController } from './programme-export.controller';
import { ProgrammeExportService } from './programme-export.service';
import { ScheduleChange } from './schedule-change.entity';
import { SeatRepository } from './seat.repository';
import { SESSION_ENTITIES } from './session.entity';
import { SessionRepository } from './session.repository';
import { SessionsLoaders } from './sessions.loaders';
import { ScheduleChangesResolver, SessionsResolver, SpeakerSessionsResolver } from './sessions.resolver';
import { SessionsService } from './sessions.service';

@Module({
  imports: [TypeOrmModule.forFeature([...SESSION_ENTITIES, ScheduleChange]), EditionsModule, SpeakersModule],
  controllers: [ProgrammeExportController],
  providers: [
    SessionRepository,
    SeatRepository,
    SessionsService,
    SessionsResolver,
    SpeakerSessionsResolver,
    ScheduleChangesResolver,
    SessionsLoaders,
    ProgrammeExportService,
  ],
  exports: [SessionsService],
})
export class SessionsModule {}
