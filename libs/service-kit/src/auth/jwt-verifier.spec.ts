import { readFileSync } from 'node:fs';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importPKCS8, SignJWT } from 'jose';
import { commonConfigSchema } from '../config/common-config';
import { ConfigError, parseConfig } from '../config/parse-config';
import { DEV_KEY_FINGERPRINT, DEV_PRIVATE_KEY_FILE, DEV_PUBLIC_KEY_FILE, fingerprint, signDevToken } from './dev-keys';
import { IdentityProviderUnavailable, InvalidTokenError, JwtVerifier } from './jwt-verifier';

const config = (env: Record<string, string> = {}) => parseConfig(commonConfigSchema, { PGDATABASE: 'x', NODE_ENV: 'test', ...env });

function sign(claims: Record<string, unknown>, opts: { issuer?: string; audience?: string; exp?: number } = {}) {
  const ttlSeconds = opts.exp === undefined ? 60 : opts.exp - Math.floor(Date.now() / 1000);
  return signDevToken(claims, { issuer: opts.issuer, audience: opts.audience, ttlSeconds });
}

describe('JwtVerifier', () => {
  it('keeps the dev key fingerprint in step with seeds/dev-keys', () => {
    expect(fingerprint(readFileSync(DEV_PUBLIC_KEY_FILE, 'utf8'))).toBe(DEV_KEY_FINGERPRINT);
  });

  it('turns a valid token into a principal', async () => {
    const verifier = JwtVerifier.fromConfig(config());
    const token = await sign({ sub: 'u1', role: 'district', orgId: 'o1', districtCode: '500106' });
    await expect(verifier.verify(token)).resolves.toMatchObject({ sub: 'u1', role: 'district', districtCode: '500106' });
  });

  it.each([
    ['expired', { sub: 'u', role: 'bureau', orgId: 'o' }, { exp: Math.floor(Date.now() / 1000) - 60 }, 'AUTH_TOKEN_EXPIRED'],
    ['wrong audience', { sub: 'u', role: 'bureau', orgId: 'o' }, { audience: 'other' }, 'AUTH_TOKEN_INVALID'],
    ['wrong issuer', { sub: 'u', role: 'bureau', orgId: 'o' }, { issuer: 'evil' }, 'AUTH_TOKEN_INVALID'],
    ['unknown role', { sub: 'u', role: 'root', orgId: 'o' }, {}, 'AUTH_CLAIMS_INVALID'],
    ['district without code', { sub: 'u', role: 'district', orgId: 'o' }, {}, 'AUTH_CLAIMS_INVALID'],
  ])('refuses a token that is %s', async (_, claims, opts, code) => {
    const verifier = JwtVerifier.fromConfig(config());
    await expect(verifier.verify(await sign(claims, opts))).rejects.toMatchObject({ code });
  });

  it('accepts a token of any issuer in a JWT_ISSUER list, and no other', async () => {
    const verifier = JwtVerifier.fromConfig(config({ JWT_ISSUER: 'jiebang-dev, http://127.0.0.1:3000/oidc' }));
    const claims = { sub: 'u', role: 'bureau', orgId: 'o' };
    await expect(verifier.verify(await sign(claims, { issuer: 'http://127.0.0.1:3000/oidc' }))).resolves.toMatchObject({ sub: 'u' });
    await expect(verifier.verify(await sign(claims, { issuer: 'jiebang-dev' }))).resolves.toMatchObject({ sub: 'u' });
    await expect(verifier.verify(await sign(claims, { issuer: 'http://127.0.0.1:3000' }))).rejects.toMatchObject({ code: 'AUTH_TOKEN_INVALID' });
  });

  it('refuses a token without an expiry, which would be valid for ever', async () => {
    const key = await importPKCS8(readFileSync(DEV_PRIVATE_KEY_FILE, 'utf8'), 'RS256');
    const eternal = await new SignJWT({ sub: 'u', role: 'bureau', orgId: 'o' })
      .setProtectedHeader({ alg: 'RS256' })
      .setIssuer('jiebang-dev')
      .setAudience('jiebang')
      .sign(key);
    await expect(JwtVerifier.fromConfig(config()).verify(eternal)).rejects.toMatchObject({ code: 'AUTH_TOKEN_INVALID' });
  });

  it('says the identity provider is unavailable (not that the token is bad) when its JWKS cannot be fetched', async () => {
    const verifier = JwtVerifier.fromConfig(config({ JWT_JWKS_URL: 'http://127.0.0.1:9/jwks.json' }));
    await expect(verifier.verify(await sign({ sub: 'u', role: 'bureau', orgId: 'o' }))).rejects.toBeInstanceOf(
      IdentityProviderUnavailable,
    );
  });

  it('refuses a token signed by another key', async () => {
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const dir = mkdtempSync(join(tmpdir(), 'jwt-'));
    writeFileSync(join(dir, 'pub.pem'), other.publicKey.export({ type: 'spki', format: 'pem' }));
    const verifier = JwtVerifier.fromConfig(config({ JWT_PUBLIC_KEY_FILE: join(dir, 'pub.pem') }));
    await expect(verifier.verify(await sign({ sub: 'u', role: 'bureau', orgId: 'o' }))).rejects.toBeInstanceOf(InvalidTokenError);
  });

  it('refuses the committed dev key, or no key at all, in production', () => {
    expect(() => JwtVerifier.fromConfig(config({ NODE_ENV: 'production', JWT_PUBLIC_KEY_FILE: DEV_PUBLIC_KEY_FILE }))).toThrow(ConfigError);
    expect(() => JwtVerifier.fromConfig(config({ NODE_ENV: 'production' }))).toThrow(/required in production/);
  });
});
