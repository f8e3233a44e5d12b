import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EditionsModule } from '@app/editions';
import { SpeakersModule } from '@app/speakers';
import { ScheduleChange } from './schedule-change.entity';
import { SESSION_ENTITIES } from './session.entity';
import { ScheduleChangesResolver, SessionsResolver, SpeakerSessionsResolver } from './sessions.resolver';
import { SessionsService } from './sessions.service';

@Module({
  imports: [TypeOrmModule.forFeature([...SESSION_ENTITIES, ScheduleChange]), EditionsModule, SpeakersModule],
  providers: [SessionsService, SessionsResolver, SpeakerSessionsResolver, ScheduleChangesResolver],
  exports: [SessionsService],
})
export class SessionsModule {}
