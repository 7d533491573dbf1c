import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** Every sealed value starts with this; anything else in the column is a secret still in clear (before migration). */
export const SEALED_PREFIX = `${ALGORITHM}:`;

export interface SecretKey {
  id: string;
  key: Buffer;
}

/**
 * A key's id is derived from the key, so one id can never name two keys (a sealed value would then be unreadable)
 * and rotating needs no second variable. Eight base64url characters of a hash say nothing useful about the key.
 */
export function secretKey(key: Buffer): SecretKey {
  if (key.length !== 32) throw new Error('an AES-256 key is 32 bytes');
  return { id: createHash('sha256').update('jiebang webhook secret key id\0').update(key).digest('base64url').slice(0, 8), key };
}

/** A sealed value that cannot be opened: malformed, under an unknown key, or failing authentication. */
export class SecretBoxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SecretBoxError';
  }
}

/**
 * AES-256-GCM for secrets at rest: `aes-256-gcm:<key id>:<iv>:<tag>:<ciphertext>` (base64url). The context — the
 * endpoint id — is authenticated data, so a sealed value copied onto another row does not open there. Values sealed
 * under previous keys still open; new ones are always sealed under the current key.
 */
export class SecretBox {
  private readonly keys: Map<string, Buffer>;

  constructor(
    private readonly current: SecretKey,
    previous: SecretKey[] = [],
  ) {
    this.keys = new Map([...previous, current].map((k) => [k.id, k.key]));
  }

  /** Every value sealed under the current key starts with this. */
  get currentPrefix(): string {
    return `${SEALED_PREFIX}${this.current.id}:`;
  }

  seal(plain: string, context: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, this.current.key, iv, { authTagLength: TAG_BYTES }).setAAD(Buffer.from(context));
    const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    const fields = [iv, cipher.getAuthTag(), ciphertext].map((b) => b.toString('base64url'));
    return `${this.currentPrefix}${fields.join(':')}`;
  }

  open(sealed: string, context: string): string {
    const parts = sealed.startsWith(SEALED_PREFIX) ? sealed.slice(SEALED_PREFIX.length).split(':') : [];
    if (parts.length !== 4) throw new SecretBoxError('not a sealed secret');
    const [keyId, ...encoded] = parts;
    const key = this.keys.get(keyId);
    if (!key) throw new SecretBoxError(`sealed under key ${keyId}, which is not configured (WEBHOOK_SECRET_PREVIOUS_KEYS?)`);
    const [iv, tag, ciphertext] = encoded.map((p) => Buffer.from(p, 'base64url'));
    if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw new SecretBoxError('not a sealed secret');
    const decipher = createDecipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES }).setAAD(Buffer.from(context));
    decipher.setAuthTag(tag);
    try {
      return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
    } catch {
      throw new SecretBoxError('sealed secret failed authentication: altered, or sealed for another endpoint');
    }
  }
}
