// What the project pages read of challenge-service's responses (its document declares requests only).

export type ProjectStatus =
  | 'PENDING_CONTRACT' | 'CONTRACTED' | 'IN_PROGRESS' | 'SUSPENDED' | 'MIDTERM_REVIEW' | 'ELIMINATED' | 'PENDING_ACCEPTANCE'
  | 'UNDER_ACCEPTANCE' | 'ACCEPTED' | 'ACCEPTANCE_FAILED' | 'RECTIFICATION' | 'CLOSED' | 'TERMINATED';
export type MilestoneStatus = 'PLANNED' | 'ACTIVE' | 'SUBMITTED' | 'CHANGES_REQUESTED' | 'APPROVED' | 'PAID';

export interface Project {
  id: string;
  challengeId: string;
  /** The winning application the project was created for (after a 递补, the promoted one's). */
  applicationId: string;
  status: ProjectStatus;
  title: string;
  mode: 'SINGLE' | 'HORSE_RACE';
  enterpriseOrgId: string;
  enterpriseName: string;
  solverOrgId: string;
  solverName: string;
  rank: number;
  rectificationRound: number;
  maxRectificationRounds: number;
  contractedAt: string | null;
  createdAt: string;
}

export interface Milestone {
  index: number;
  title: string;
  deliverables: string[];
  dueOffsetDays: number;
  midterm: boolean;
  status: MilestoneStatus;
  dueAt: string | null;
  submittedAt: string | null;
  reviewOverdueAt: string | null;
  submission: { deliverables: string[]; attachments: { name: string; url: string }[] } | null;
  plannedYuan: number;
  approvedYuan: number;
  paidYuan: number;
}

export interface ProjectDetail extends Project {
  milestones: Milestone[];
}

export interface ChallengeLedger {
  challengeId: string;
  projects: { id: string; status: ProjectStatus; rank: number; solverName: string }[];
  tranches: { milestoneIndex: number; trancheYuan: number; retainedYuan: number; shares: { projectId: string; plannedYuan: number; approvedYuan: number; paidYuan: number }[] }[];
}

export interface ProjectTransition {
  id: string;
  fromStatus: string | null;
  toStatus: string;
  actorRole: string;
  reason: string | null;
  at: string;
  milestoneIndex?: number | null;
}

export const PROJECT_STATUS: Record<ProjectStatus, { label: string; color: string }> = {
  PENDING_CONTRACT: { label: '待签约', color: 'default' },
  CONTRACTED: { label: '已签约', color: 'geekblue' },
  IN_PROGRESS: { label: '实施中', color: 'processing' },
  SUSPENDED: { label: '已暂停', color: 'warning' },
  MIDTERM_REVIEW: { label: '中期评估', color: 'purple' },
  ELIMINATED: { label: '已淘汰', color: 'default' },
  PENDING_ACCEPTANCE: { label: '待验收', color: 'warning' },
  UNDER_ACCEPTANCE: { label: '验收中', color: 'warning' },
  ACCEPTED: { label: '验收通过', color: 'success' },
  ACCEPTANCE_FAILED: { label: '验收未通过', color: 'error' },
  RECTIFICATION: { label: '整改中', color: 'warning' },
  CLOSED: { label: '已结项', color: 'success' },
  TERMINATED: { label: '已终止', color: 'error' },
};

export const MILESTONE_STATUS: Record<MilestoneStatus, { label: string; color: string }> = {
  PLANNED: { label: '未开始', color: 'default' },
  ACTIVE: { label: '进行中', color: 'processing' },
  SUBMITTED: { label: '已提交待审', color: 'warning' },
  CHANGES_REQUESTED: { label: '需修改', color: 'warning' },
  APPROVED: { label: '已通过', color: 'success' },
  PAID: { label: '已付款', color: 'success' },
};
