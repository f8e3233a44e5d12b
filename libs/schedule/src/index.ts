export * from './schedule-entry.entity';
export * from './schedule.module';
export * from './schedule.service';
export * from './my-schedule-cache';
