export * from './booth.repository';
export * from './exhibitor.entity';
export * from './exhibitor.inputs';
export * from './exhibitor.repository';
export * from './exhibitors.module';
export * from './exhibitors.service';
export * from './floor-plan';
export * from './logo';
