import { readFileSync } from 'node:fs';
import { principalClaimsSchema, type Principal } from '@jiebang/contracts';
import { createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { createPublicKey, type KeyObject } from 'node:crypto';
import { ConfigError } from '../config/parse-config';
import type { CommonConfig } from '../config/common-config';
import { DEV_PUBLIC_KEY_FILE, isDevKey } from './dev-keys';

export class InvalidTokenError extends Error {
  constructor(
    readonly code: 'AUTH_TOKEN_INVALID' | 'AUTH_TOKEN_EXPIRED' | 'AUTH_CLAIMS_INVALID',
    message: string,
  ) {
    super(message);
  }
}

/** The identity provider's key set could not be fetched: not the caller's fault, so not a 401. */
export class IdentityProviderUnavailable extends Error {}

/** jose reports problems with the token itself with codes like ERR_JWT_EXPIRED, ERR_JWS_INVALID, ERR_JWKS_NO_MATCHING_KEY. */
const TOKEN_FAULT = /^ERR_(JWT|JWS|JWK|JOSE|JWKS_NO_MATCHING_KEY|JWKS_MULTIPLE_MATCHING_KEYS)/;

type VerifyKey = KeyObject | JWTVerifyGetKey;

/**
 * Verifies access tokens as a resource server: signature (pinned algorithms), issuer, audience, expiry, then the
 * claims schema. In production the key must come from the identity provider and may not be the committed dev key.
 */
export class JwtVerifier {
  private constructor(
    private readonly key: VerifyKey,
    private readonly config: Pick<CommonConfig, 'JWT_ISSUER' | 'JWT_AUDIENCE' | 'JWT_ALGORITHMS'>,
  ) {}

  static fromConfig(config: CommonConfig): JwtVerifier {
    const production = config.NODE_ENV === 'production';
    if (config.JWT_JWKS_URL) return new JwtVerifier(createRemoteJWKSet(new URL(config.JWT_JWKS_URL)), config);
    if (production && !config.JWT_PUBLIC_KEY_FILE) {
      throw new ConfigError(['JWT_JWKS_URL or JWT_PUBLIC_KEY_FILE: required in production (not set)']);
    }
    const file = config.JWT_PUBLIC_KEY_FILE ?? DEV_PUBLIC_KEY_FILE;
    let pem: string;
    try {
      pem = readFileSync(file, 'utf8');
    } catch (e) {
      throw new ConfigError([`JWT_PUBLIC_KEY_FILE: cannot read ${file}: ${(e as Error).message}`]);
    }
    if (production && isDevKey(pem)) {
      throw new ConfigError([`JWT_PUBLIC_KEY_FILE: ${file} is the committed development key; refused in production`]);
    }
    return new JwtVerifier(createPublicKey(pem), config);
  }

  async verify(token: string): Promise<Principal> {
    let payload: unknown;
    try {
      const options = {
        issuer: this.config.JWT_ISSUER,
        audience: this.config.JWT_AUDIENCE,
        algorithms: this.config.JWT_ALGORITHMS,
        clockTolerance: 5,
        // A token without an expiry would be valid for ever.
        requiredClaims: ['exp', 'sub'],
      };
      payload = (
        typeof this.key === 'function'
          ? await jwtVerify(token, this.key, options)
          : await jwtVerify(token, this.key, options)
      ).payload;
    } catch (e) {
      const code = (e as { code?: string }).code ?? '';
      if (typeof this.key === 'function' && !TOKEN_FAULT.test(code)) {
        throw new IdentityProviderUnavailable(`JWKS unavailable: ${(e as Error).message}`);
      }
      throw new InvalidTokenError(code === 'ERR_JWT_EXPIRED' ? 'AUTH_TOKEN_EXPIRED' : 'AUTH_TOKEN_INVALID', (e as Error).message);
    }
    const claims = principalClaimsSchema.safeParse(payload);
    if (!claims.success) {
      throw new InvalidTokenError('AUTH_CLAIMS_INVALID', claims.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
    }
    return claims.data;
  }
}
