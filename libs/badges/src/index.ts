export * from './badge-code';
export * from './badge-keys.service';
export * from './badge.entity';
export { BADGE_BATCH_PROGRESS, type BadgeBatchProgressEvent } from './badge-renderer';
export * from './badges.module';
export * from './badges.service';
export * from './signing-key.entity';
export * from './key-vault';
export * from './print-sheets';
