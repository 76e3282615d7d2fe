import { ExecutionContext, HttpException, HttpStatus, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { ThrottlerGuard, ThrottlerLimitDetail, ThrottlerModuleOptions } from '@nestjs/throttler';
import { authConfig } from './auth-config';
import type { AuthenticatedRequest } from './auth.guard';

const MINUTE_MS = 60_000;

/**
 * One budget of requests per minute per caller. It runs after `AuthGuard`, so an authenticated
 * caller is counted by the verified token subject wherever they connect from; open routes count by
 * IP address. The counts are per process.
 */
export function rateLimitOptions(config: ConfigType<typeof authConfig>): ThrottlerModuleOptions {
  return {
    throttlers: [{ ttl: MINUTE_MS, limit: config.rateLimitPerMinute }],
    getTracker: (request) => {
      const { caller, ip } = request as AuthenticatedRequest & { ip?: string };
      return caller ? `caller:${caller.id}` : `ip:${ip ?? 'unknown'}`;
    },
  };
}

@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
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
