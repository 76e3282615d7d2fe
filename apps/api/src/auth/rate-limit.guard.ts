import { ExecutionContext, HttpException, HttpStatus, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { Reflector } from '@nestjs/core';
import {
  InjectThrottlerOptions,
  InjectThrottlerStorage,
  ThrottlerGuard,
  ThrottlerLimitDetail,
  type ThrottlerModuleOptions,
  type ThrottlerStorage,
} from '@nestjs/throttler';
import { errorBody, type ErrorBody } from '@app/platform';
import type { FastifyRequest } from 'fastify';
import { HEALTH_PATH, METRICS_PATH, normalPath } from './api-paths';
import { authConfig } from './auth-config';
import { RateLimitStorage } from './rate-limit-storage';
import { type AuthenticatedRequest, TokenVerifier } from './token-verifier';

const MINUTE_MS = 60_000;

/** Set on a request this guard has counted; any other refusal was made before the guards ran. */
const COUNTED = Symbol('counted by the rate limit');
type Countable = { [COUNTED]?: true };

/** Probes must answer however hard the API is being hit, or a flood takes the service out of rotation. */
const PROBE_PATHS = new Set([HEALTH_PATH, METRICS_PATH]);

/**
 * One budget of requests per minute for each caller, all routes together. It runs before
 * `AuthGuard`: a request with a valid token counts against its caller (council and token subject,
 * wherever they connect from); a request without one, or with a token that is refused, counts
 * against its address, so a flood of bad tokens is throttled too. A request refused before the
 * guards run (a body that cannot be parsed, is too large or too deep, an unknown route, an address
 * that cannot be decoded or is too long) counts against its address as well, by `chargeEarlyRefusal`. Probes are not
 * counted. The counts are per process, in `RateLimitStorage`.
 */
export function rateLimitOptions(config: ConfigType<typeof authConfig>): ThrottlerModuleOptions {
  return { throttlers: [{ ttl: MINUTE_MS, limit: config.rateLimitPerMinute }], storage: new RateLimitStorage() };
}

@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  constructor(
    @InjectThrottlerOptions() options: ThrottlerModuleOptions,
    @InjectThrottlerStorage() storage: ThrottlerStorage,
    reflector: Reflector,
    private readonly verifier: TokenVerifier,
  ) {
    super(options, storage, reflector);
  }

  protected override async shouldSkip(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    return PROBE_PATHS.has(normalPath(context.switchToHttp().getRequest<AuthenticatedRequest>().url));
  }

  protected override async getTracker(request: Record<string, unknown>): Promise<string> {
    (request as Countable)[COUNTED] = true;
    try {
      // Decided once per request: AuthGuard, after this guard, is given the same caller.
      const { council, id } = await this.verifier.callerOf(request as unknown as AuthenticatedRequest);
      return `caller:${JSON.stringify([council, id])}`;
    } catch {
      // The library's tracker: the address, IPv6 ones by subnet so that rotating addresses does not help.
      return `address:${await super.getTracker(request)}`;
    }
  }

  /** The tracker alone: one budget whichever route is called. */
  protected override generateKey(_context: ExecutionContext, tracker: string): string {
    return tracker;
  }

  protected override async throwThrottlingException(_: ExecutionContext, limit: ThrottlerLimitDetail): Promise<void> {
    throw new HttpException(tooManyRequests(limit.limit, limit.timeToBlockExpire), HttpStatus.TOO_MANY_REQUESTS);
  }

  /**
   * Counts a refusal this guard never saw against the address's budget, in the same store; over
   * budget, the answer the caller gets instead (429, and when to try again), else null.
   */
  async chargeEarlyRefusal(request: FastifyRequest): Promise<{ body: ErrorBody; retryAfterSeconds: number } | null> {
    const countable = request as Countable;
    if (countable[COUNTED] === true || PROBE_PATHS.has(normalPath(request.url))) return null;
    countable[COUNTED] = true;
    const key = `address:${await super.getTracker(request as unknown as Record<string, unknown>)}`;
    for (const throttler of this.throttlers) {
      const ttl = Number(throttler.ttl);
      const limit = Number(throttler.limit);
      const record = await this.storageService.increment(key, ttl, limit, Number(throttler.blockDuration ?? ttl), throttler.name ?? 'default');
      if (record.isBlocked) return { body: tooManyRequests(limit, record.timeToBlockExpire), retryAfterSeconds: record.timeToBlockExpire };
    }
    return null;
  }
}

function tooManyRequests(limit: number, retryAfterSeconds: number): ErrorBody {
  return errorBody(
    HttpStatus.TOO_MANY_REQUESTS,
    `Too many requests: at most ${limit} a minute. Try again in ${retryAfterSeconds} seconds.`,
  );
}
