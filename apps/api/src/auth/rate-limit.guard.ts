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
import { HEALTH_PATH, METRICS_PATH, normalPath } from './api-paths';
import { authConfig } from './auth-config';
import { bearerToken, type AuthenticatedRequest } from './auth.guard';
import { TokenVerifier } from './token-verifier';

const MINUTE_MS = 60_000;

/** Probes must answer however hard the API is being hit, or a flood takes the service out of rotation. */
const PROBE_PATHS = new Set([HEALTH_PATH, METRICS_PATH]);

/**
 * One budget of requests per minute for each caller, all routes together. It runs before
 * `AuthGuard`: a request with a valid token counts against its caller (council and token subject,
 * wherever they connect from); a request without one, or with a token that is refused, counts
 * against its address, so a flood of bad tokens is throttled too. Probes are not counted. The
 * counts are per process.
 */
export function rateLimitOptions(config: ConfigType<typeof authConfig>): ThrottlerModuleOptions {
  return { throttlers: [{ ttl: MINUTE_MS, limit: config.rateLimitPerMinute }] };
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
    try {
      // The verifier remembers tokens it has verified, so AuthGuard's check after this one is cheap.
      const { council, id } = await this.verifier.verify(bearerToken(request as unknown as AuthenticatedRequest));
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
    throw new HttpException(
      {
        statusCode: HttpStatus.TOO_MANY_REQUESTS,
        error: 'Too Many Requests',
        message: `Too many requests: at most ${limit.limit} a minute. Try again in ${limit.timeToBlockExpire} seconds.`,
      },
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }
}
