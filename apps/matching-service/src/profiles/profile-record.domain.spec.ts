import { recordLine, withRecords } from './profile-record.domain';

const text = { name: '材料学院', keywords: ['压铸'], capabilities: '铝合金压铸', pastWork: ['某车企壳体压铸工艺优化'] };

describe('profile records as past work (profile-record.domain)', () => {
  it('says which 榜单, how it ended and when (China date)', () => {
    expect(recordLine({ challengeTitle: '压铸模具热裂纹寿命提升', outcome: 'CLOSED', endedAt: new Date('2027-05-02T17:00:00Z') })).toBe(
      '揭榜挂帅项目《压铸模具热裂纹寿命提升》：验收通过并结题（2027-05-03）',
    );
    expect(recordLine({ challengeTitle: '齿轮箱异响诊断', outcome: 'TERMINATED', endedAt: new Date('2027-01-10T02:00:00Z') })).toContain('项目终止');
  });

  it('appends the records, oldest first, after the declared past work', () => {
    const later = { challengeTitle: 'B', outcome: 'CLOSED' as const, endedAt: new Date('2027-06-01T02:00:00Z') };
    const earlier = { challengeTitle: 'A', outcome: 'TERMINATED' as const, endedAt: new Date('2027-01-01T02:00:00Z') };
    const out = withRecords(text, [later, earlier]);
    expect(out.pastWork).toEqual(['某车企壳体压铸工艺优化', recordLine(earlier), recordLine(later)]);
    expect(withRecords(text, [])).toBe(text);
  });
});
