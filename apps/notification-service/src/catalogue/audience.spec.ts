import { addressesOf, audience } from './audience';

interface Fact {
  enterprise: string;
  applicants: string[];
  experts: string[];
  district: string;
}

describe('audiences', () => {
  const fact: Fact = { enterprise: 'org-ent-1', applicants: ['org-sol-1', 'org-sol-2'], experts: ['u-exp-1'], district: '500112' };

  it('turns each kind of audience into addresses of the fact at hand', () => {
    const addresses = addressesOf<Fact>(
      [
        audience.org('enterprise', (f) => f.enterprise),
        audience.orgs('solver', (f) => f.applicants),
        audience.users('expert', (f) => f.experts),
        audience.profileOwner(() => 'profile-7'),
        audience.districtOffice((f) => f.district),
        audience.bureau(),
      ],
      fact,
    );
    expect(addresses).toEqual([
      { kind: 'org', orgId: 'org-ent-1', role: 'enterprise' },
      { kind: 'org', orgId: 'org-sol-1', role: 'solver' },
      { kind: 'org', orgId: 'org-sol-2', role: 'solver' },
      { kind: 'user', userId: 'u-exp-1', role: 'expert' },
      { kind: 'profile', profileId: 'profile-7', ownerId: null },
      { kind: 'desk', role: 'district', district: '500112' },
      { kind: 'desk', role: 'bureau' },
    ]);
  });

  it('carries the owner a profile event names, and none when it names nobody (an event from before owners)', () => {
    const owned = audience.profileOwner<{ subject: string; data: { ownerId?: string } }>((e) => e.subject, (e) => e.data.ownerId);
    expect(addressesOf([owned], { subject: 'profile-7', data: { ownerId: 'u-exp-li' } })).toEqual([
      { kind: 'profile', profileId: 'profile-7', ownerId: 'u-exp-li' },
    ]);
    expect(addressesOf([owned], { subject: 'profile-7', data: {} })).toEqual([{ kind: 'profile', profileId: 'profile-7', ownerId: null }]);
  });

  it('addresses nobody when a list audience is empty', () => {
    expect(addressesOf<Fact>([audience.orgs('solver', (f) => f.applicants)], { ...fact, applicants: [] })).toEqual([]);
  });
});
