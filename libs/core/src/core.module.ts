import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { LoadersModule } from './graphql/loaders';
import { loggerOptions, prettyLogStream } from './logging';
import { PubSubModule } from './graphql/pubsub';
import { RedisModule } from './redis/redis.module';

/** What both apps need: validated config, structured logs, PostgreSQL, Redis, the events PubSub and the request loaders' factory. */
@Module({
  imports: [
    ConfigModule,
    LoggerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => {
        const perRequest = config.logLevel === 'debug' || config.logLevel === 'trace';
        const options = { ...loggerOptions(config.logLevel), autoLogging: perRequest };
        // Readable lines outside production, JSON lines in production (logging.ts); nothing to format when silent (tests).
        const pretty = config.logLevel === 'silent' ? undefined : prettyLogStream(config.isProduction);
        return {
          pinoHttp: pretty ? [options, pretty] : options,
          // Request-bound loggers (every line with its request) only when requests are logged: binding
          // them runs each request in an AsyncLocalStorage, which on Node 20 hooks every promise.
          forRoutes: perRequest ? undefined : [],
        };
      },
    }),
    DatabaseModule,
    RedisModule,
    PubSubModule,
    LoadersModule,
  ],
})
export class CoreModule {}
