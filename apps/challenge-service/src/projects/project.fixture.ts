import type { Actor } from '@jiebang/contracts';
import * as domain from './project.domain';

/** A three-milestone plan with the midterm on the second, as a 赛马制 榜单 would have it. */
export const PLAN = [
  { title: '方案设计', deliverables: ['技术方案'], dueOffsetDays: 30, trancheYuan: 100_000, midterm: false },
  { title: '样机试制', deliverables: ['样机'], dueOffsetDays: 90, trancheYuan: 200_001, midterm: true },
  { title: '中试验证', deliverables: ['中试报告'], dueOffsetDays: 180, trancheYuan: 99_999, midterm: false },
];

export const ACTOR: Actor = { id: 'u-1', role: 'bureau' };
export const T0 = new Date('2027-01-04T02:00:00.000Z');

export function newProject(overrides: Partial<domain.NewProject> = {}): domain.Project {
  return domain.create(
    {
      id: 'p-1',
      challengeId: 'c-1',
      title: '压铸模具热裂纹',
      mode: 'HORSE_RACE',
      enterpriseOrgId: 'org-ent',
      enterpriseName: '重庆渝江铝业压铸有限公司',
      districtCode: '500112',
      applicationId: 'a-1',
      solverOrgId: 'org-sol',
      solverName: '重庆大学材料学院',
      solverRole: 'solver',
      profileId: 'pr-1',
      rank: 1,
      eliminationPolicy: 'REALLOCATE_TO_SURVIVORS',
      maxRectificationRounds: 1,
      milestones: PLAN,
      ...overrides,
    },
    ACTOR,
    T0,
  ).next;
}
