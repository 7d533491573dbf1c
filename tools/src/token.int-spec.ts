import { execFileSync, spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { commonConfigSchema, JwtVerifier, parseConfig } from '@jiebang/service-kit';

const TOOL = resolve(__dirname, '../dist/token.js'); // compiled by `npm test` before jest runs

describe('token tool (compiled command)', () => {
  const verifier = JwtVerifier.fromConfig(parseConfig(commonConfigSchema, { PGDATABASE: 'x', NODE_ENV: 'test' }));

  it('prints a token the services accept, for a demo district office', async () => {
    const token = execFileSync(process.execPath, [TOOL, '--role', 'district', '--district', '500106'], { encoding: 'utf8' }).trim();
    await expect(verifier.verify(token)).resolves.toMatchObject({
      role: 'district',
      districtCode: '500106',
      orgId: 'org-district-500106',
      orgName: '沙坪坝区科学技术局',
    });
  });

  it('refuses to run when NODE_ENV=production', () => {
    const run = spawnSync(process.execPath, [TOOL, '--role', 'bureau'], { env: { ...process.env, NODE_ENV: 'production' }, encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/disabled when NODE_ENV=production/);
  });

  it('explains bad input instead of printing a token', () => {
    const run = spawnSync(process.execPath, [TOOL, '--role', 'district', '--org', 'x'], { encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/districtCode/);
  });
});
