import { Inject } from '@nestjs/common';

/** Injection token of the shared ioredis client (commands only; subscribers get their own connection). */
export const REDIS = Symbol('REDIS');
export const InjectRedis = () => Inject(REDIS);
