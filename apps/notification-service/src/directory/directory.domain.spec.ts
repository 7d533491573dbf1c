import { recipientsOf, type DirectorySnapshot } from './directory.domain';

const dir: DirectorySnapshot = {
  desks: [
    { id: 'org-bureau', role: 'bureau', districtCode: null, emails: ['kjj@example.cn'] },
    { id: 'org-district-500112', role: 'district', districtCode: '500112', emails: ['yb@example.cn'] },
    { id: 'org-district-500106', role: 'district', districtCode: '500106', emails: [] },
  ],
  contacts: [
    { orgId: 'org-ent-1', role: 'enterprise', emails: ['ent@example.com'] },
    { orgId: 'org-team-casting', role: 'team', emails: ['team@example.org'] },
    { orgId: 'org-team-casting', role: 'expert', emails: ['expert-desk@example.org'] },
  ],
  members: [
    { userId: 'u-exp-1', orgId: 'org-expert-pool', email: 'zhang@example.edu.cn' },
    { userId: 'u-exp-li', orgId: 'org-team-casting', email: 'li@casting.example.org' },
  ],
  profiles: [
    { profileId: 'p-7', orgId: 'org-team-casting', role: 'team', ownerId: null, emails: ['team@example.org'] },
    // Experts employed by the team's organisation: one whose registration named its owner, one learnt before owners were.
    { profileId: 'p-li', orgId: 'org-team-casting', role: 'expert', ownerId: 'u-exp-li', emails: ['expert-desk@example.org'] },
    { profileId: 'p-old', orgId: 'org-team-casting', role: 'expert', ownerId: null, emails: ['expert-desk@example.org'] },
  ],
};

describe('directory resolution', () => {
  it('turns desks into the organisations holding them, district by district', () => {
    expect(recipientsOf([{ kind: 'desk', role: 'bureau' }, { kind: 'desk', role: 'district', district: '500112' }], dir)).toEqual([
      { orgId: 'org-bureau', userId: null, role: 'bureau', emails: ['kjj@example.cn'] },
      { orgId: 'org-district-500112', userId: null, role: 'district', emails: ['yb@example.cn'] },
    ]);
  });

  it('addresses an organisation it does not know yet (inbox only), and a person by their registered e-mail', () => {
    expect(recipientsOf([{ kind: 'org', orgId: 'org-ent-new', role: 'enterprise' }, { kind: 'user', userId: 'u-exp-1', role: 'expert' }], dir)).toEqual([
      { orgId: 'org-ent-new', userId: null, role: 'enterprise', emails: [] },
      { orgId: 'org-expert-pool', userId: 'u-exp-1', role: 'expert', emails: ['zhang@example.edu.cn'] },
    ]);
  });

  it('e-mails an organisation addressed in a role at the contacts of that role only', () => {
    expect(recipientsOf([{ kind: 'org', orgId: 'org-team-casting', role: 'team' }], dir)[0].emails).toEqual(['team@example.org']);
    expect(recipientsOf([{ kind: 'org', orgId: 'org-team-casting', role: 'expert' }], dir)[0].emails).toEqual(['expert-desk@example.org']);
    expect(recipientsOf([{ kind: 'org', orgId: 'org-ent-1', role: 'solver' }], dir)[0].emails).toEqual([]);
  });

  it('finds the owner of a known profile, and nobody for an unknown one', () => {
    expect(recipientsOf([{ kind: 'profile', profileId: 'p-7', ownerId: null }], dir)).toEqual([
      { orgId: 'org-team-casting', userId: null, role: 'team', emails: ['team@example.org'] },
    ]);
    expect(recipientsOf([{ kind: 'profile', profileId: 'p-unknown', ownerId: null }], dir)).toEqual([]);
  });

  it('addresses an expert\'s profile to the person owning it, not to the experts of the employing organisation', () => {
    const li = { orgId: 'org-team-casting', userId: 'u-exp-li', role: 'expert', emails: ['li@casting.example.org'] };
    // Named by the event…
    expect(recipientsOf([{ kind: 'profile', profileId: 'p-old', ownerId: 'u-exp-li' }], dir)).toEqual([li]);
    // …or by the profile's registration, when the event (published before the owner was) names nobody.
    expect(recipientsOf([{ kind: 'profile', profileId: 'p-li', ownerId: null }], dir)).toEqual([li]);
    // A profile the directory never saw still reaches the owner the event names: inbox only until they register an e-mail.
    expect(recipientsOf([{ kind: 'profile', profileId: 'p-unknown', ownerId: 'u-exp-9' }], dir)).toEqual([
      { orgId: null, userId: 'u-exp-9', role: 'expert', emails: [] },
    ]);
    // Nobody named the owner anywhere: the employer's expert audience, as before.
    expect(recipientsOf([{ kind: 'profile', profileId: 'p-old', ownerId: null }], dir)).toEqual([
      { orgId: 'org-team-casting', userId: null, role: 'expert', emails: ['expert-desk@example.org'] },
    ]);
  });

  it('tells each recipient once however many audiences name it, and one organisation in two roles twice', () => {
    const twice = recipientsOf([{ kind: 'org', orgId: 'org-bureau', role: 'bureau' }, { kind: 'desk', role: 'bureau' }], dir);
    expect(twice.map((r) => r.orgId)).toEqual(['org-bureau']);
    const roles = recipientsOf([{ kind: 'org', orgId: 'org-team-casting', role: 'team' }, { kind: 'org', orgId: 'org-team-casting', role: 'expert' }], dir);
    expect(roles.map((r) => r.role)).toEqual(['team', 'expert']);
  });
});
