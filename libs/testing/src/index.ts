export * from './test-db';
export * from './mail-catcher';
export * from './qr';
export * from './pdf';
export * from './schedule-formats';
export * from './test-config';
export * from './service-tier';
