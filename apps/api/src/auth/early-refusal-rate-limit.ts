import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { checkEarlyRefusals } from '@app/platform';
import type { FastifyInstance } from 'fastify';
import { RateLimitGuard } from './rate-limit.guard';

/**
 * Fastify refuses some requests before Nest's guards run: bodies that are not JSON, too large, not
 * an object or nested too deep, unknown routes, addresses it cannot decode or whose path is too
 * long. Each such answer is counted against the caller's address, as the rate limit counts refused
 * tokens, so that bad requests cannot be sent without end; over the budget, the answer is the rate
 * limit's 429.
 */
@Injectable()
export class EarlyRefusalRateLimit implements OnApplicationBootstrap {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly rateLimit: RateLimitGuard,
  ) {}

  onApplicationBootstrap(): void {
    checkEarlyRefusals(this.adapterHost.httpAdapter.getInstance<FastifyInstance>(), (request) =>
      this.rateLimit.chargeEarlyRefusal(request),
    );
  }
}
