export * from './badge-verifier';
export * from './leads.service';
export * from './scan.entity';
export * from './scanning.module';
export * from './scanning.service';
export * from './credits.service';
export * from './scan-retention';
