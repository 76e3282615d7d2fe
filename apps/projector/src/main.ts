// First, before any dependency is loaded: an older Node would fail inside one with a misleading message.
import '@app/platform/runtime/exit-on-unsupported-node';
import { type AppConfig, APP_CONFIG, configureHttpApplication, createHttpAdapter, exitOnStartUpFailure } from '@app/platform';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { ProjectorAppModule } from './projector-app.module';

async function bootstrap(): Promise<void> {
  const app = await NestFactory.create<NestFastifyApplication>(ProjectorAppModule, createHttpAdapter(), {
    bufferLogs: true,
    autoFlushLogs: false,
    abortOnError: false,
  });
  await configureHttpApplication(app);
  const { projectorPort } = app.get<AppConfig>(APP_CONFIG);
  try {
    await app.listen(projectorPort, '0.0.0.0');
  } catch (error) {
    exitOnStartUpFailure(error, projectorPort);
  }
  app.get(Logger).log(`Projector running; /health and /metrics on http://localhost:${projectorPort}`, 'Main');
}

bootstrap().catch((error: unknown) => exitOnStartUpFailure(error));
