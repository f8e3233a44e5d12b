export * from './badge-code';
export * from './badge-keys.service';
export * from './badges.module';
export * from './signing-key.entity';
