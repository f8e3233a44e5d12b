export * from './attendee.columns';
export * from './attendee.entity';
export * from './attendee.inputs';
export * from './attendees.module';
export * from './attendees.service';
export { CHECK_IN_STATEMENT } from './attendee.repository';
