export * from './speaker.entity';
export * from './speaker.inputs';
export * from './speaker.repository';
export * from './speakers.module';
export * from './speakers.service';
