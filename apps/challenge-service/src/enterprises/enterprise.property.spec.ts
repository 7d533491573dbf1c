import { DomainError } from '@jiebang/contracts';
import fc from 'fast-check';
import { register, reject, replace, verify, type EnterpriseProfile, type EnterpriseState } from './enterprise.domain';

/**
 * The 企业档案 machine over random sequences of edits (identity fields or not), verifications and rejections: only
 * PENDING is decided, a VERIFIED profile stays verified until its name, credit code or district changes, a REJECTED one
 * goes back to PENDING on any edit, and every change bumps the version by one.
 */
const owner = { id: 'u-ent-1', role: 'enterprise' as const, orgId: 'org-ent-1' };
const office = { id: 'u-dist-1', role: 'district' as const, orgId: 'org-district-500112' };
const base: EnterpriseProfile = {
  name: '重庆渝江铝业压铸有限公司',
  creditCode: '91500112MA5U7K3L79',
  districtCode: '500112',
  type: 'private',
  qualifications: ['tech-sme'],
  contacts: [{ name: '周建华', title: '技术部经理', phone: '138-0236-0101' }],
  relatedOrgIds: [],
};
const IDENTITY = ['name', 'creditCode', 'districtCode'] as const;

const edit = fc.oneof(
  fc.constantFrom('重庆渝江铝业压铸有限公司', '重庆渝江精密压铸有限公司').map((name) => ({ name })),
  fc.constantFrom('500112', '500106').map((districtCode) => ({ districtCode })),
  fc.constantFrom<EnterpriseProfile['qualifications']>(['tech-sme'], ['tech-sme', 'high-tech']).map((qualifications) => ({ qualifications })),
  fc.constantFrom('138-0236-0101', '139-2301-4417').map((phone) => ({ contacts: [{ name: '周建华', title: '技术部经理', phone }] })),
);
const command = fc.oneof(edit.map((change) => ({ kind: 'edit' as const, change })), fc.constant({ kind: 'verify' as const }), fc.constant({ kind: 'reject' as const }));

describe('企业档案 state machine (property)', () => {
  it('decides only PENDING, keeps a verification until an identity field changes, and versions every change', () => {
    const reached = new Set<string>();
    fc.assert(
      fc.property(fc.array(command, { maxLength: 30 }), (commands) => {
        let state: EnterpriseState = register('org-ent-1', base, owner, new Date(0)).state;
        let t = 1;
        for (const c of commands) {
          const now = new Date(++t * 60_000);
          const before = state;
          try {
            if (c.kind === 'verify') state = verify(state, office, now).state;
            else if (c.kind === 'reject') state = reject(state, '材料不全', office, now).state;
            else {
              const input = { ...before, ...c.change } as EnterpriseProfile;
              const result = replace(state, input, owner, now);
              if (!result) {
                continue; // nothing changed: no new version
              }
              state = result.state;
              const identityChanged = IDENTITY.some((k) => input[k] !== before[k]);
              const expected = before.status === 'REJECTED' || (before.status === 'VERIFIED' && identityChanged) ? 'PENDING' : before.status;
              expect(state.status).toBe(expected);
            }
          } catch (e) {
            if (!(e instanceof DomainError)) throw e;
            expect(before.status).not.toBe('PENDING'); // only an undecided profile may be verified or rejected
            expect(c.kind).not.toBe('edit');
            state = before;
            continue;
          }
          expect(state.version).toBe(before.version + 1);
          if (c.kind !== 'edit') expect(before.status).toBe('PENDING');
          if (state.status === 'VERIFIED') expect(state.verifiedAt).not.toBeNull();
          reached.add(state.status);
        }
      }),
      { numRuns: 600, seed: 5 },
    );
    expect([...reached].sort()).toEqual(['PENDING', 'REJECTED', 'VERIFIED']);
  });
});
