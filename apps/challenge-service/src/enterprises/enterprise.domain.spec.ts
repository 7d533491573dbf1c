import { DomainError } from '@jiebang/contracts';
import {
  checkCreditCode,
  creditCodeCheckCharacter,
  register,
  reject,
  replace,
  requireVerified,
  verify,
  type EnterpriseProfile,
  type EnterpriseState,
} from './enterprise.domain';

const now = new Date('2026-03-02T01:10:00Z');
const later = new Date('2026-03-03T07:20:00Z');
const owner = { id: 'u-ent-1', role: 'enterprise' as const, orgId: 'org-ent-yujiang-alu' };
const office = { id: 'u-dist-1', role: 'district' as const, orgId: 'org-district-500112' };
const profile: EnterpriseProfile = {
  name: '重庆渝江铝业压铸有限公司',
  creditCode: '91500112MA5U7K3L79',
  districtCode: '500112',
  type: 'private',
  qualifications: ['tech-sme'],
  contacts: [{ name: '周建华', title: '技术部经理', phone: '138-0236-0101' }],
  relatedOrgIds: ['org-ent-yujiang-holding'],
};

function refusal(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
}

const registered = () => register('org-ent-yujiang-alu', profile, owner, now).state;
const verified = () => verify(registered(), office, later).state;

describe('统一社会信用代码 (GB 32100-2015)', () => {
  // Computed for this test: 登记管理部门 9 (市场监管) + 类别 1 (企业) + 行政区划码 + 主体标识码 + check character.
  it.each([
    '91500112MA5U7K3L79', // 渝北区
    '91500153MA60B2QX91', // 荣昌区
    '91500106MA5YRW4T4A', // 沙坪坝区: a letter as the check character
    '91500112MA5U7K3T20', // Σ mod 31 = 0: the check value 31 is written '0'
  ])('accepts %s', (code) => {
    expect(() => checkCreditCode(code)).not.toThrow();
    expect(creditCodeCheckCharacter(code.slice(0, 17))).toBe(code[17]);
  });

  it.each([
    ['9150011MA5U7K3L79', 'length', '17 位'],
    ['91500112MA5U7K3L790', 'length', '19 位'],
    ['', 'length', '0 位'],
    ['91500112MA5U7K3I79', 'character', '第 16 位「I」'],
    ['91500112MA5U7K3O79', 'character', '第 16 位「O」'],
    ['91500112MA5U7K3Z79', 'character', '第 16 位「Z」'],
    ['91500112MA5U7K3S79', 'character', '第 16 位「S」'],
    ['91500112MA5U7V3L79', 'character', '第 14 位「V」'],
    ['91500112ma5u7k3l79', 'character', '第 9 位「m」'],
    ['91500112MA5U7K3L78', 'check', '校验位'],
    ['91500112MA5U7K3L7A', 'check', '校验位'],
    ['91500113MA5U7K3L79', 'check', '校验位'], // one digit of the district changed, the check character kept
  ])('refuses %s (%s) naming creditCode', (code, reason, words) => {
    const error = refusal(() => checkCreditCode(code));
    expect(error).toMatchObject({ kind: 'validation', code: 'ENTERPRISE_CREDIT_CODE_INVALID', details: { field: 'creditCode', reason } });
    expect(error.message).toContain(words);
  });
});

describe('enterprise profile and its verification', () => {
  it('registers PENDING at version 1, with the audit entry of the registration', () => {
    const { state, transition } = register('org-ent-yujiang-alu', profile, owner, now);
    expect(state).toMatchObject({ orgId: 'org-ent-yujiang-alu', status: 'PENDING', version: 1, verifiedAt: null, ...profile });
    expect(transition).toMatchObject({ action: 'register', from: null, to: 'PENDING', actor: owner });
  });

  it('refuses a profile whose credit code is wrong, or that names itself as a related organisation', () => {
    expect(refusal(() => register('org-1', { ...profile, creditCode: '91500112MA5U7K3L78' }, owner, now)).details?.field).toBe('creditCode');
    expect(refusal(() => register('org-1', { ...profile, relatedOrgIds: ['org-1'] }, owner, now)).details?.field).toBe('relatedOrgIds');
  });

  it('verifies and rejects a pending profile only, answering another state with 409 semantics', () => {
    expect(verified()).toMatchObject({ status: 'VERIFIED', version: 2, verifiedAt: later });
    const rejected = reject(registered(), '营业执照名称不符', office, later);
    expect(rejected.state).toMatchObject({ status: 'REJECTED', version: 2, rejectionReason: '营业执照名称不符' });
    expect(rejected.transition).toMatchObject({ action: 'reject', reason: '营业执照名称不符', changes: { status: { from: 'PENDING', to: 'REJECTED' } } });
    const again = refusal(() => verify(verified(), office, later));
    expect(again).toMatchObject({ kind: 'conflict', code: 'ENTERPRISE_INVALID_STATE', details: { currentState: 'VERIFIED' } });
    expect(again.message).toContain('已认证');
    expect(refusal(() => reject(rejected.state, '再退一次', office, later)).details?.currentState).toBe('REJECTED');
  });

  it.each<[keyof EnterpriseProfile, unknown]>([
    ['name', '重庆渝江铝业压铸科技股份有限公司'],
    ['creditCode', '91500112MA5U7K3T20'],
    ['districtCode', '500106'],
  ])('sends a verified profile back to PENDING when its %s changes', (field, value) => {
    const updated = replace(verified(), { ...profile, [field]: value }, owner, later)!;
    expect(updated.verificationReset).toBe(true);
    expect(updated.state).toMatchObject({ status: 'PENDING', version: 3, verifiedAt: null, [field]: value });
    expect(updated.transition.changes).toEqual({ [field]: { from: profile[field], to: value }, status: { from: 'VERIFIED', to: 'PENDING' } });
  });

  it.each<[keyof EnterpriseProfile, unknown]>([
    ['contacts', [{ name: '陈晓雯', phone: '139-2300-0102', email: 'chen@yujiang-alu.example.com' }]],
    ['type', 'joint'],
    ['qualifications', ['tech-sme', 'high-tech']],
    ['relatedOrgIds', []],
  ])('keeps a verified profile VERIFIED when only its %s changes', (field, value) => {
    const updated = replace(verified(), { ...profile, [field]: value }, owner, later)!;
    expect(updated.verificationReset).toBe(false);
    expect(updated.state).toMatchObject({ status: 'VERIFIED', version: 3, verifiedAt: later });
    expect(updated.transition).toMatchObject({ action: 'update', from: 'VERIFIED', to: 'VERIFIED', changes: { [field]: { to: value } } });
  });

  it('takes any change of a rejected profile as the correction that asks for verification again', () => {
    const rejected = reject(registered(), '未取得高新技术企业证书', office, later).state;
    const corrected = replace(rejected, { ...profile, qualifications: [] }, owner, later)!;
    expect(corrected).toMatchObject({ verificationReset: true, state: { status: 'PENDING', rejectionReason: null } });
  });

  it('keeps a pending profile pending whatever changes, and changes nothing when nothing differs', () => {
    const renamed = replace(registered(), { ...profile, name: '新名称' }, owner, later)!;
    expect(renamed).toMatchObject({ verificationReset: false, state: { status: 'PENDING', version: 2 } });
    expect(replace(verified(), { ...profile, qualifications: ['tech-sme', 'tech-sme'] }, owner, later)).toBeNull();
    // As jsonb hands a contact back: the same keys in another order.
    const readBack = { ...verified(), contacts: [{ phone: '138-0236-0101', name: '周建华', title: '技术部经理' }] };
    expect(replace(readBack, profile, owner, later)).toBeNull();
  });

  it('lets only a verified enterprise through the submission gate, naming the state it is in', () => {
    const state: EnterpriseState = verified();
    expect(requireVerified(state)).toBe(state);
    expect(refusal(() => requireVerified(null))).toMatchObject({ kind: 'conflict', code: 'ENTERPRISE_NOT_VERIFIED', details: { currentState: 'MISSING' } });
    expect(refusal(() => requireVerified(registered())).details?.currentState).toBe('PENDING');
    const rejected = refusal(() => requireVerified(reject(registered(), '材料不全', office, later).state));
    expect(rejected.details?.currentState).toBe('REJECTED');
    expect(rejected.message).toContain('认证未通过');
  });
});
