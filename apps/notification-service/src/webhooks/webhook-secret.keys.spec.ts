import { randomBytes } from 'node:crypto';
import { ConfigError } from '@jiebang/service-kit';
import { allowPrivateTargets, loadConfig } from '../config';
import { DEV_WEBHOOK_SECRET_KEY } from '../webhook-keys.config';
import { webhookSecretBox } from './webhook-secret.keys';

const realKey = randomBytes(32).toString('base64');
const productionEnv = { NODE_ENV: 'production', SMTP_URL: 'smtp://mail.example.cn:587' };

function problems(run: () => unknown): string[] {
  try {
    run();
  } catch (e) {
    if (e instanceof ConfigError) return e.problems;
    throw e;
  }
  return [];
}

describe('webhook secret keys from configuration', () => {
  it('outside production, works without configuration on the committed dev key', () => {
    const box = webhookSecretBox(loadConfig({ NODE_ENV: 'development' }));
    const devOnly = webhookSecretBox({ NODE_ENV: 'test', WEBHOOK_SECRET_KEY: DEV_WEBHOOK_SECRET_KEY, WEBHOOK_SECRET_PREVIOUS_KEYS: [] });
    expect(box.currentPrefix).toBe(devOnly.currentPrefix);
  });

  it('in production, requires a key and refuses the dev key', () => {
    expect(problems(() => loadConfig(productionEnv))).toEqual(['WEBHOOK_SECRET_KEY: required in production (not set)']);
    expect(problems(() => loadConfig({ ...productionEnv, WEBHOOK_SECRET_KEY: DEV_WEBHOOK_SECRET_KEY }))).toEqual([
      'WEBHOOK_SECRET_KEY: is the committed development key; refused in production',
    ]);
    expect(problems(() => loadConfig({ ...productionEnv, WEBHOOK_SECRET_KEY: realKey, WEBHOOK_SECRET_PREVIOUS_KEYS: DEV_WEBHOOK_SECRET_KEY }))).toEqual([
      'WEBHOOK_SECRET_PREVIOUS_KEYS[0]: is the committed development key; refused in production',
    ]);
    expect(problems(() => loadConfig({ ...productionEnv, WEBHOOK_SECRET_KEY: realKey }))).toEqual([]);
  });

  it('refuses a key that is not 32 bytes of base64, without printing it', () => {
    const truncated = realKey.slice(0, 40);
    const found = problems(() => loadConfig({ NODE_ENV: 'development', WEBHOOK_SECRET_KEY: truncated }));
    expect(found).toEqual(['WEBHOOK_SECRET_KEY: must be 32 random bytes in base64 (openssl rand -base64 32); the value is not shown']);
    expect(found.join()).not.toContain(truncated);
  });

  it('opens values sealed under a previous key after a rotation', () => {
    const old = webhookSecretBox(loadConfig({ NODE_ENV: 'development', WEBHOOK_SECRET_KEY: realKey }));
    const sealed = old.seal('whsec_x', 'e1');
    const next = randomBytes(32).toString('base64');
    const rotated = webhookSecretBox(loadConfig({ NODE_ENV: 'development', WEBHOOK_SECRET_KEY: next, WEBHOOK_SECRET_PREVIOUS_KEYS: ` ${realKey} ,` }));
    expect(rotated.open(sealed, 'e1')).toBe('whsec_x');
    expect(rotated.currentPrefix).not.toBe(old.currentPrefix);
  });
});

describe('WEBHOOK_ALLOW_PRIVATE_TARGETS', () => {
  it('defaults to refusing private targets in production only, and can be set either way', () => {
    const allowed = (env: Record<string, string>) => allowPrivateTargets(loadConfig({ ...productionEnv, WEBHOOK_SECRET_KEY: realKey, ...env }));
    expect(allowed({})).toBe(false);
    expect(allowed({ NODE_ENV: 'development' })).toBe(true);
    expect(allowed({ NODE_ENV: 'test' })).toBe(true);
    expect(allowed({ NODE_ENV: 'test', WEBHOOK_ALLOW_PRIVATE_TARGETS: 'false' })).toBe(false);
    expect(allowed({ WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true' })).toBe(true);
    expect(problems(() => allowed({ WEBHOOK_ALLOW_PRIVATE_TARGETS: 'yes' }))[0]).toMatch(/^WEBHOOK_ALLOW_PRIVATE_TARGETS: /);
  });
});
