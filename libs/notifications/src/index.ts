export * from './notification.entity';
export * from './notifications.module';
export * from './schedule-fanout';
export * from './unsubscribe-token';
export * from './webhook-signature';
export * from './webhook.entity';
export * from './notification-events';
