import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppConfig, ConfigError, loadConfig } from '@app/core';
import { AppModule } from './app.module';
import { APP_OPTIONS, configureApp, exitWithinAfterSignal } from './configure-app';

async function bootstrap(): Promise<void> {
  loadConfig(); // fail fast, before anything connects, with the names of bad settings
  const app = await NestFactory.create(AppModule, { ...APP_OPTIONS, bufferLogs: true });
  configureApp(app);
  exitWithinAfterSignal();
  const config = app.get(AppConfig);
  await app.listen(config.port);
  console.log(`API ready: ${config.publicUrl}/graphql (health: ${config.publicUrl}/health)`);
}

bootstrap().catch((error) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
