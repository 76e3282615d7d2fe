import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { IncomingMessage } from 'node:http';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/platform-config.module';
import { requestIdOf } from '../http/request-id';

/**
 * JSON log lines on stdout through pino. Every line written while answering a request carries its
 * `requestId`; one line per request says how it ended. Headers and bodies are never logged: they hold
 * tokens and officers' data.
 */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        pinoHttp: {
          level: config.logLevel,
          genReqId: (request: IncomingMessage) => requestIdOf(request),
          quietReqLogger: true,
          customAttributeKeys: { reqId: 'requestId' },
          serializers: {
            // Given pino's standard form of the request, whose `url` is the path asked for.
            req: (request: { method?: string; url?: string }) => ({ method: request.method, url: request.url }),
            res: (response: { statusCode?: number }) => ({ statusCode: response.statusCode }),
          },
          // Probes and scrapes would drown the useful lines. Fastify's middleware layer rewrites `url`
          // relative to where the middleware is mounted; `originalUrl` keeps the path asked for.
          autoLogging: {
            ignore: (request: IncomingMessage & { originalUrl?: string }) =>
              /^\/(health|metrics)(\?|$)/.test(request.originalUrl ?? request.url ?? ''),
          },
        },
      }),
    }),
  ],
})
export class LoggingModule {}
