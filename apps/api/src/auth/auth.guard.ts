import {
  CanActivate,
  ExecutionContext,
  Inject,
  Injectable,
  InternalServerErrorException,
} from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { Reflector } from '@nestjs/core';
import { ACCESS_METADATA_KEY, ACCESS_TABLE, assertHoldsOneOf, Operation } from './access-table';
import { isApiPath, METRICS_PATH, normalPath } from './api-paths';
import { authConfig } from './auth-config';
import { CALLER_REQUEST_KEY, type Role } from './caller';
import { type AuthenticatedRequest, TokenVerifier } from './token-verifier';

/**
 * Every `/v1` route needs a valid bearer token and a caller holding one of the roles its `@Access`
 * operation allows. `/health`, `/docs` and, unless `METRICS_PUBLIC=false` (then the operator's), `/metrics` stay open.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
    @Inject(authConfig.KEY) private readonly config: ConfigType<typeof authConfig>,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const operation = this.reflector.get<Operation | undefined>(ACCESS_METADATA_KEY, context.getHandler());
    const path = normalPath(request.url);
    if (operation !== undefined) {
      await this.admit(request, ACCESS_TABLE[operation]);
    } else if (isApiPath(path)) {
      // Start-up refuses such routes (AccessCoverageCheck); this keeps one that slipped through closed.
      throw new InternalServerErrorException('This route declares no access rule.');
    } else if (path === METRICS_PATH && !this.config.metricsPublic) {
      // The metrics count every council's requests and events, so they are no one council's to read.
      await this.admit(request, ['operator']);
    }
    return true;
  }

  private async admit(request: AuthenticatedRequest, roles: readonly Role[]): Promise<void> {
    const caller = await this.verifier.callerOf(request);
    request[CALLER_REQUEST_KEY] = caller;
    assertHoldsOneOf(caller, roles);
  }
}
