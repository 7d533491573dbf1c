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

  it('prints the token of a demo sign-in by its account name', async () => {
    const token = execFileSync(process.execPath, [TOOL, 'yubei'], { encoding: 'utf8' }).trim();
    await expect(verifier.verify(token)).resolves.toMatchObject({ role: 'district', districtCode: '500112', orgId: 'org-district-500112', name: '王建国' });
    const team = execFileSync(process.execPath, [TOOL, 'casting', '--ttl', '600'], { encoding: 'utf8' }).trim();
    await expect(verifier.verify(team)).resolves.toMatchObject({ role: 'team', orgId: 'org-team-casting' });
    const unknown = spawnSync(process.execPath, [TOOL, 'nobody'], { encoding: 'utf8' });
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toMatch(/no demo account "nobody"/);
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
