import { Global, Module } from '@nestjs/common';
import { ConfigModule, ConfigType } from '@nestjs/config';
import { APP_GUARD, DiscoveryModule } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { AccessCoverageCheck } from './access-coverage.check';
import { authConfig } from './auth-config';
import { AuthGuard } from './auth.guard';
import { EarlyRefusalRateLimit } from './early-refusal-rate-limit';
import { PlanAccessPolicy } from './plan-access.policy';
import { rateLimitOptions, RateLimitGuard } from './rate-limit.guard';
import { TokenVerifier } from './token-verifier';

/**
 * Identity and access for the HTTP API: bearer tokens, roles per operation and the rate limit, as
 * global guards. Import once in the application module, after `PlatformConfigModule` (it reads
 * `DATA_DIR` from the app config). Exports `PlanAccessPolicy` to every module.
 */
@Global()
@Module({
  imports: [
    DiscoveryModule,
    ConfigModule.forFeature(authConfig),
    ThrottlerModule.forRootAsync({
      imports: [ConfigModule.forFeature(authConfig)],
      inject: [authConfig.KEY],
      useFactory: (config: ConfigType<typeof authConfig>) => rateLimitOptions(config),
    }),
  ],
  providers: [
    TokenVerifier,
    AccessCoverageCheck,
    PlanAccessPolicy,
    RateLimitGuard,
    EarlyRefusalRateLimit,
    // Guards run in this order: the rate limit counts every request, refused ones too, before AuthGuard admits it.
    { provide: APP_GUARD, useExisting: RateLimitGuard },
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [PlanAccessPolicy],
})
export class AuthModule {}
