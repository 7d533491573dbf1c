import { createHash, createPublicKey, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { importPKCS8, SignJWT } from 'jose';

/** SHA-256 of the SubjectPublicKeyInfo of `seeds/dev-keys/jwt-public.pem`; a test keeps it in step with the file. */
export const DEV_KEY_FINGERPRINT = '069c9b89b9f96c3f79eda45257e3a64336dc7c11217a165a826a3c86114ce8b2';

/** The committed dev key pair, found from this file whether it runs from src (tests) or dist. */
export const DEV_KEYS_DIR = resolve(__dirname, '../../../../seeds/dev-keys');
export const DEV_PUBLIC_KEY_FILE = resolve(DEV_KEYS_DIR, 'jwt-public.pem');
export const DEV_PRIVATE_KEY_FILE = resolve(DEV_KEYS_DIR, 'jwt-private.pem');

export function fingerprint(key: KeyObject | string): string {
  const object = typeof key === 'string' ? createPublicKey(key) : key;
  return createHash('sha256').update(object.export({ type: 'spki', format: 'der' })).digest('hex');
}

export function isDevKey(publicKeyPem: string): boolean {
  return fingerprint(publicKeyPem) === DEV_KEY_FINGERPRINT;
}

export interface DevTokenOptions {
  ttlSeconds?: number;
  issuer?: string;
  audience?: string;
}

/**
 * Signs a token with the committed dev key, for the token tool, the seed loader and tests. Refused in
 * production, like the key itself.
 */
export async function signDevToken(claims: Record<string, unknown>, options: DevTokenOptions = {}): Promise<string> {
  if (process.env.NODE_ENV === 'production') throw new Error('dev tokens are refused when NODE_ENV=production');
  const key = await importPKCS8(readFileSync(DEV_PRIVATE_KEY_FILE, 'utf8'), 'RS256');
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT' })
    .setIssuer(options.issuer ?? process.env.JWT_ISSUER?.split(',')[0].trim() ?? 'jiebang-dev')
    .setAudience(options.audience ?? process.env.JWT_AUDIENCE ?? 'jiebang')
    .setIssuedAt(now)
    .setExpirationTime(now + (options.ttlSeconds ?? 3600))
    .sign(key);
}
