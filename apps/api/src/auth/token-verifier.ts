import { Inject, Injectable, Logger, ServiceUnavailableException, UnauthorizedException } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { createRemoteJWKSet, errors, jwtVerify, JWTPayload, JWTVerifyGetKey, JWTVerifyOptions, KeyLike } from 'jose';
import { APP_CONFIG } from '@app/platform/config/platform-config.module';
import type { AppConfig } from '@app/platform/config/app-config';
import { authConfig } from './auth-config';
import { CALLER_REQUEST_KEY, OPERATOR_ROLE, type Principal, type Role, ROLES } from './caller';
import { EMBEDDED_ALGORITHM, loadOrCreateEmbeddedSecret } from './embedded-token';
import { VerifiedTokenCache } from './verified-token-cache';

/**
 * How long a verified token is trusted without checking its signature again. This also bounds how
 * long a key withdrawn from the identity provider's JWKS (a rotation after a compromise) still
 * lets its tokens in: at most this long after their last full verification.
 */
const VERIFIED_TOKEN_MAX_AGE_MS = 60_000;
/** Distinct tokens remembered at once (about 1 KB each); the least recently used go first. */
const VERIFIED_TOKEN_CAPACITY = 10_000;

/** Faults of the token itself; anything else jose reports is our side's trouble (e.g. the key set). */
const TOKEN_FAULTS = new Set([
  'ERR_JOSE_ALG_NOT_ALLOWED',
  'ERR_JOSE_NOT_SUPPORTED',
  'ERR_JWS_INVALID',
  'ERR_JWS_SIGNATURE_VERIFICATION_FAILED',
  'ERR_JWT_INVALID',
  'ERR_JWT_EXPIRED',
  'ERR_JWT_CLAIM_VALIDATION_FAILED',
  'ERR_JWKS_NO_MATCHING_KEY',
  'ERR_JWKS_MULTIPLE_MATCHING_KEYS',
]);

export interface AuthenticatedRequest {
  url: string;
  headers: Record<string, string | string[] | undefined>;
  [CALLER_REQUEST_KEY]?: Principal;
}

function bearerToken(request: AuthenticatedRequest): string {
  const header = request.headers.authorization;
  if (header === undefined || header === '') throw new UnauthorizedException('A bearer token is required.');
  const match = typeof header === 'string' ? /^Bearer +(\S+)\s*$/i.exec(header) : null;
  if (match === null) throw new UnauthorizedException("The Authorization header must read 'Bearer <token>'.");
  return match[1];
}

/**
 * Turns a bearer token into a `Principal` (a council's user, or the operator), or refuses it with a 401 whose message says what is wrong
 * in general terms only. Algorithms are pinned per mode, so `alg: none` and algorithm confusion
 * (an HS256 token signed with a public key) are refused before any key is used. A token verified
 * in the last minute is answered from `VerifiedTokenCache`, which re-checks its `exp` and `nbf` on
 * every use; refusals are never remembered.
 */
@Injectable()
export class TokenVerifier {
  private readonly logger = new Logger(TokenVerifier.name);
  private readonly key: Uint8Array | KeyLike | JWTVerifyGetKey;
  private readonly options: JWTVerifyOptions;
  private readonly verified = new VerifiedTokenCache({ capacity: VERIFIED_TOKEN_CAPACITY, maxAgeMs: VERIFIED_TOKEN_MAX_AGE_MS });
  private readonly callers = new WeakMap<AuthenticatedRequest, Promise<Principal>>();

  constructor(
    @Inject(authConfig.KEY) config: ConfigType<typeof authConfig>,
    @Inject(APP_CONFIG) app: AppConfig,
  ) {
    const checks: JWTVerifyOptions = { requiredClaims: ['sub', 'exp'], clockTolerance: '30s' };
    const source = config.keys;
    switch (source.kind) {
      case 'embedded':
        this.key = loadOrCreateEmbeddedSecret(app.dataDir);
        this.options = { ...checks, algorithms: [EMBEDDED_ALGORITHM] };
        break;
      case 'jwks':
        this.key = createRemoteJWKSet(source.url);
        this.options = { ...checks, algorithms: ['RS256', 'ES256'], issuer: source.issuer, audience: source.audience };
        break;
      case 'public-key':
        this.key = source.key;
        this.options = { ...checks, algorithms: [source.algorithm], issuer: source.issuer, audience: source.audience };
        break;
    }
  }

  /**
   * The caller of the request's bearer token, or its refusal, decided once per request: the rate
   * limit needs it before `AuthGuard` does, and both get the same answer.
   */
  callerOf(request: AuthenticatedRequest): Promise<Principal> {
    let caller = this.callers.get(request);
    if (caller === undefined) {
      caller = this.verifyBearerToken(request);
      this.callers.set(request, caller);
    }
    return caller;
  }

  private async verifyBearerToken(request: AuthenticatedRequest): Promise<Principal> {
    return this.verify(bearerToken(request));
  }

  async verify(token: string): Promise<Principal> {
    const remembered = this.verified.get(token);
    if (remembered !== undefined) return remembered;
    const claims = await this.verifiedClaims(token);
    const caller = callerFromClaims(claims);
    // `exp` is a required claim, and jose has checked it is a number.
    this.verified.remember(token, caller, { exp: claims.exp as number, nbf: claims.nbf });
    return caller;
  }

  private async verifiedClaims(token: string): Promise<JWTPayload> {
    try {
      // jwtVerify is overloaded on the key's type; the union is resolved by the mode above.
      const { payload } = await jwtVerify(token, this.key as Uint8Array, this.options);
      return payload;
    } catch (error) {
      if (error instanceof errors.JOSEError && TOKEN_FAULTS.has(error.code)) {
        throw new UnauthorizedException(reasonFor(error));
      }
      this.logger.error('A bearer token could not be verified', error instanceof Error ? error.stack : String(error));
      throw new ServiceUnavailableException('Tokens cannot be verified at the moment; try again shortly.');
    }
  }
}

function reasonFor(error: errors.JOSEError): string {
  if (error instanceof errors.JWTExpired) return 'The token has expired.';
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'nbf') return 'The token is not valid yet.';
    if (error.claim === 'iss' || error.claim === 'aud') return 'The token was not issued for this service.';
    return invalidClaim(error.claim);
  }
  return 'The token is not valid.';
}

/**
 * The claims this API relies on, checked after the signature: a token lacking one is refused. The
 * operator's token holds the `operator` role alone and no `council` or `services`, so no council's
 * user can also be the operator.
 */
function callerFromClaims(claims: JWTPayload): Principal {
  const { sub, name, roles, council, services } = claims;
  const refuse = (claim: string) => new UnauthorizedException(invalidClaim(claim));
  if (!isName(sub)) throw refuse('sub');
  if (!isName(name)) throw refuse('name');
  if (!Array.isArray(roles) || !roles.every(isRole)) throw refuse('roles');
  if (roles.includes(OPERATOR_ROLE)) {
    if (roles.length !== 1 || council !== undefined || services !== undefined) {
      throw new UnauthorizedException(`An operator's token holds the '${OPERATOR_ROLE}' role alone and names no council or services.`);
    }
    return { id: sub, name, roles: [OPERATOR_ROLE], council: null, services: null };
  }
  if (!isName(council)) throw refuse('council');
  if (services !== undefined && services !== null && !(Array.isArray(services) && services.every(isName))) {
    throw refuse('services');
  }
  return { id: sub, name, roles, council, services: (services as string[] | null | undefined) ?? null };
}

function invalidClaim(claim: string): string {
  return `The token's '${claim}' claim is missing or not valid.`;
}

function isRole(value: unknown): value is Role {
  return (ROLES as readonly unknown[]).includes(value);
}

function isName(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}
