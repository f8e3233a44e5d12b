export * from './access.service';
export * from './edition.entity';
export * from './edition.inputs';
export * from './edition.repository';
export * from './editions.module';
export * from './editions.service';
export * from './exhibitor-staff.port';
export * from './timezones';
