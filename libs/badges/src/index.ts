export * from './badge-code';
export * from './badge-keys.service';
export * from './badge.entity';
export * from './badges.module';
export * from './badges.service';
export * from './signing-key.entity';
export * from './key-vault';
export * from './print-sheets';
