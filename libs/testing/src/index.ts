export * from './factory';
export * from './test-app';
export * from './test-db';
export * from './mail-catcher';
export * from './qr';
export * from './pdf';
export * from './schedule-formats';
