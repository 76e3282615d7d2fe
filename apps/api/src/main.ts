// First, before any dependency is loaded: an older Node would fail inside one with a misleading message.
import '@app/platform/runtime/exit-on-unsupported-node';
import { type AppConfig, APP_CONFIG, configureHttpApplication, createHttpAdapter, exitOnStartUpFailure } from '@app/platform';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { API_DOCUMENT, AppModule } from './app.module';
import { serveConsole } from './console/serve-console';

async function bootstrap(): Promise<void> {
  // Log lines wait for pino, and a failed start-up throws here instead of aborting, so that a bad
  // setting is reported as the one sentence of its ConfigurationError.
  const app = await NestFactory.create<NestFastifyApplication>(AppModule, createHttpAdapter(), {
    bufferLogs: true,
    autoFlushLogs: false,
    abortOnError: false,
  });
  await configureHttpApplication(app, API_DOCUMENT);
  await serveConsole(app);
  const { port } = app.get<AppConfig>(APP_CONFIG);
  try {
    await app.listen(port, '0.0.0.0');
  } catch (error) {
    exitOnStartUpFailure(error, port);
  }
  app.get(Logger).log(`Plan tracking API listening on http://localhost:${port} (documentation at /docs)`, 'Main');
}

bootstrap().catch((error: unknown) => exitOnStartUpFailure(error));
