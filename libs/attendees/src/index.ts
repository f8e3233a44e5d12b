export * from './attendee.entity';
export * from './attendee.inputs';
export * from './attendees.module';
export * from './attendees.service';
