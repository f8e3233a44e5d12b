import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { PubSubModule } from './graphql/pubsub';
import { RedisModule } from './redis/redis.module';

/** What both apps need: validated config, structured logs, PostgreSQL, Redis and the events PubSub. */
@Module({
  imports: [
    ConfigModule,
    LoggerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        pinoHttp: {
          level: config.logLevel,
          autoLogging: config.logLevel === 'debug' || config.logLevel === 'trace',
          redact: ['req.headers.authorization', 'req.headers.cookie'],
          transport: undefined,
        },
      }),
    }),
    DatabaseModule,
    RedisModule,
    PubSubModule,
  ],
})
export class CoreModule {}
