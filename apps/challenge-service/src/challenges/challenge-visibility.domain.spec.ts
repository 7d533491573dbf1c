import { seesConfidential, withoutConfidential } from './challenge-visibility.domain';

describe('who sees the confidential fields of a 榜单', () => {
  it('opens them to solvers and teams that accepted the terms, to the enterprise and the offices, to nobody else', () => {
    expect(seesConfidential('solver', false)).toBe(false);
    expect(seesConfidential('solver', true)).toBe(true);
    expect(seesConfidential('team', true)).toBe(true);
    for (const role of ['enterprise', 'district', 'bureau', 'admin'] as const) expect(seesConfidential(role, false)).toBe(true);
    expect(seesConfidential('expert', true)).toBe(false);
  });

  it('removes exactly the marked fields, keys and all', () => {
    const challenge = { title: 't', description: 'd', researchContent: 'r', confidentialFields: ['description' as const] };
    expect(withoutConfidential(challenge)).toEqual({ title: 't', researchContent: 'r', confidentialFields: ['description'] });
  });
});
