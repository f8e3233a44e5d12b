import { MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AttendeesModule } from '@app/attendees';
import { EditionsModule } from '@app/editions';
import { SessionsModule } from '@app/sessions';
import { CalendarController } from './calendar.controller';
import { CalendarRepository } from './calendar.repository';
import { CalendarService } from './calendar.service';
import { MyScheduleCacheMiddleware } from './my-schedule-cache';
import { ScheduleEntry } from './schedule-entry.entity';
import { ScheduleLoaders } from './schedule.loaders';
import { AttendeeScheduleResolver, ScheduleResolver, SessionAttendanceResolver } from './schedule.resolver';
import { ScheduleProcessor } from './schedule.processor';
import { ScheduleRepository } from './schedule.repository';
import { ScheduleService } from './schedule.service';

@Module({
  imports: [TypeOrmModule.forFeature([ScheduleEntry]), AttendeesModule, EditionsModule, SessionsModule],
  controllers: [CalendarController],
  providers: [
    ScheduleRepository,
    ScheduleService,
    ScheduleResolver,
    SessionAttendanceResolver,
    AttendeeScheduleResolver,
    ScheduleLoaders,
    CalendarRepository,
    CalendarService,
    MyScheduleCacheMiddleware,
  ],
  exports: [ScheduleService],
})
export class ScheduleModule implements NestModule {
  /** mySchedule reads answered from kept answers while the schedule's rows are unchanged (MyScheduleCache). */
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(MyScheduleCacheMiddleware).forRoutes({ path: 'graphql', method: RequestMethod.POST });
  }
}

/** The worker's part: filling seats from the waitlist (ScheduleService with its repository, AttendeesService and SessionsService). */
@Module({
  imports: [AttendeesModule, SessionsModule],
  providers: [ScheduleRepository, ScheduleService, ScheduleProcessor],
})
export class ScheduleWorkerModule {}
