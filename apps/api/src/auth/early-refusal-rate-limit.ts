import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { RateLimitGuard } from './rate-limit.guard';

/**
 * Fastify refuses some requests before Nest's guards run: bodies that are not JSON, too large, not
 * an object or nested too deep, and unknown routes. Each such answer is
 * counted against the caller's address here, as the rate limit counts refused tokens, so that bad
 * bodies cannot be sent without end; over the budget, the answer is the rate limit's 429.
 */
@Injectable()
export class EarlyRefusalRateLimit implements OnApplicationBootstrap {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly rateLimit: RateLimitGuard,
  ) {}

  onApplicationBootstrap(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    fastify.addHook('onSend', async (request, reply, payload) => {
      if (reply.statusCode < 400) return payload;
      const instead = await this.rateLimit.chargeEarlyRefusal(request);
      if (instead === null) return payload;
      void reply.code(instead.body.statusCode).header('Retry-After', String(instead.retryAfterSeconds));
      return JSON.stringify(instead.body);
    });
  }
}
