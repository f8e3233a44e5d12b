import { MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AttendeesModule } from '@app/attendees';
import { EditionsModule } from '@app/editions';
import { SessionsModule } from '@app/sessions';
import { CalendarController } from './calendar.controller';
import { CalendarService } from './calendar.service';
import { MyScheduleCacheMiddleware } from './my-schedule-cache';
import { ScheduleEntry } from './schedule-entry.entity';
import { ScheduleResolver, SessionAttendanceResolver } from './schedule.resolver';
import { ScheduleProcessor } from './schedule.processor';
import { ScheduleService } from './schedule.service';

@Module({
  imports: [TypeOrmModule.forFeature([ScheduleEntry]), AttendeesModule, EditionsModule, SessionsModule],
  controllers: [CalendarController],
  providers: [ScheduleService, ScheduleResolver, SessionAttendanceResolver, CalendarService, MyScheduleCacheMiddleware],
  exports: [ScheduleService],
})
export class ScheduleModule implements NestModule {
  /** mySchedule reads answered from kept answers while the schedule's rows are unchanged (MyScheduleCache). */
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(MyScheduleCacheMiddleware).forRoutes({ path: 'graphql', method: RequestMethod.POST });
  }
}

/** The worker's part: filling seats from the waitlist (ScheduleService needs only the database and AttendeesService). */
@Module({
  imports: [AttendeesModule],
  providers: [ScheduleService, ScheduleProcessor],
})
export class ScheduleWorkerModule {}
