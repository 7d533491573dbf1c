import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { SecretBox, SecretBoxError, secretKey } from './secret-box';

const keyA = secretKey(randomBytes(32));
const keyB = secretKey(randomBytes(32));
const endpoint = '6f1c2b1e-8a4d-4c7e-9a51-0b6d3f2e1a90';
const secret = 'whsec_4q1fX9-clear-text-never-stored';

/** Replaces one `:`-separated field of a sealed value: 0 algorithm, 1 key id, 2 iv, 3 tag, 4 ciphertext. */
function withField(sealed: string, index: number, change: (field: string) => string): string {
  const fields = sealed.split(':');
  fields[index] = change(fields[index]);
  return fields.join(':');
}

const flipFirstByte = (b64: string) => {
  const bytes = Buffer.from(b64, 'base64url');
  bytes[0] ^= 1;
  return bytes.toString('base64url');
};

describe('SecretBox (AES-256-GCM)', () => {
  const box = new SecretBox(keyA);

  it('opens what it sealed, for any text', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (plain) => box.open(box.seal(plain, endpoint), endpoint) === plain));
  });

  it('stores algorithm, key id, iv, tag and ciphertext, never the secret', () => {
    const sealed = box.seal(secret, endpoint);
    expect(sealed).toMatch(new RegExp(`^aes-256-gcm:${keyA.id}:[\\w-]{16}:[\\w-]{22}:[\\w-]+$`));
    expect(sealed).not.toContain('whsec_');
    expect(sealed.startsWith(box.currentPrefix)).toBe(true);
  });

  it('uses a fresh iv each time, so equal secrets do not look equal at rest', () => {
    expect(box.seal(secret, endpoint)).not.toBe(box.seal(secret, endpoint));
  });

  it.each([
    ['the ciphertext', 4],
    ['the tag', 3],
    ['the iv', 2],
  ])('detects a change to %s', (_what, field) => {
    const tampered = withField(box.seal(secret, endpoint), field, flipFirstByte);
    expect(() => box.open(tampered, endpoint)).toThrow(new SecretBoxError('sealed secret failed authentication: altered, or sealed for another endpoint'));
  });

  it('does not open a value copied onto another endpoint (the endpoint id is authenticated)', () => {
    expect(() => box.open(box.seal(secret, endpoint), 'another-endpoint')).toThrow(SecretBoxError);
  });

  it('refuses malformed values and text in clear', () => {
    const sealed = box.seal(secret, endpoint);
    for (const bad of [secret, '', 'aes-256-gcm:', sealed.split(':').slice(0, 4).join(':'), withField(sealed, 3, (t) => t.slice(0, 10))]) {
      expect(() => box.open(bad, endpoint)).toThrow(new SecretBoxError('not a sealed secret'));
    }
  });

  it('after a rotation, opens values under the previous key and seals new ones under the current', () => {
    const before = new SecretBox(keyA).seal(secret, endpoint);
    const rotated = new SecretBox(keyB, [keyA]);
    expect(rotated.open(before, endpoint)).toBe(secret);
    expect(rotated.seal(secret, endpoint).startsWith(`aes-256-gcm:${keyB.id}:`)).toBe(true);
    // A key id naming a key that is not configured is reported as such, not as tampering.
    expect(() => new SecretBox(keyB).open(before, endpoint)).toThrow(/sealed under key .+, which is not configured/);
  });

  it('derives stable, distinct key ids from the keys', () => {
    expect(secretKey(Buffer.from(keyA.key)).id).toBe(keyA.id);
    expect(keyA.id).not.toBe(keyB.id);
    expect(keyA.id).toMatch(/^[\w-]{8}$/);
    expect(() => secretKey(randomBytes(16))).toThrow('32 bytes');
  });
});
