export * from './exhibitor.entity';
export * from './exhibitor.inputs';
export * from './exhibitors.module';
export * from './exhibitors.service';
export * from './floor-plan';
