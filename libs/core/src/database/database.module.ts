import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../config/app-config';
import { OutboxMessage } from '../outbox/outbox.entity';
import { typeormOptions } from './typeorm-options';

@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        ...typeormOptions(config.databaseUrl, { poolSize: config.dbPoolSize }),
        migrations: [],
        autoLoadEntities: true,
      }),
    }),
    TypeOrmModule.forFeature([OutboxMessage]),
  ],
  exports: [TypeOrmModule],
})
export class DatabaseModule {}
