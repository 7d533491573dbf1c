import { ROLES } from '@jiebang/contracts';
import { loadDemoAccounts, passwordMatches } from './demo-accounts';

describe('demo accounts of the local OIDC provider', () => {
  const { accounts, password } = loadDemoAccounts();

  it('signs in at least one person of every role, with the claims the services verify', () => {
    expect(new Set(accounts.map((a) => a.claims.role))).toEqual(new Set(ROLES));
    const district = accounts.find((a) => a.username === 'yubei')!;
    expect(district.claims).toEqual({
      sub: 'demo-yubei',
      role: 'district',
      orgId: 'org-district-500112',
      districtCode: '500112',
      name: '王建国',
      orgName: '渝北区科学技术局',
    });
    expect(district.roleLabel).toBe('区县科技局');
  });

  it('checks the shared demo password exactly', () => {
    expect(passwordMatches(password, password)).toBe(true);
    expect(passwordMatches(`${password} `, password)).toBe(false);
    expect(passwordMatches('', password)).toBe(false);
  });
});
