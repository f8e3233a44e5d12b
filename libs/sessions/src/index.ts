export * from './session.entity';
export * from './session.inputs';
export * from './sessions.module';
export * from './sessions.service';
export * from './schedule-change.entity';
export * from './schedule-change';
export * from './programme-export';
export * from './programme-export.service';
