export * from './notifications.module';
export * from './schedule-fanout';
export * from './webhook-signature';
export * from './webhook.entity';
