// What the applications pages read of matching-service's responses (its document declares requests only).

export type ApplicationStatus =
  | 'DRAFT'
  | 'SUBMITTED'
  | 'RETURNED'
  | 'QUALIFIED'
  | 'INELIGIBLE'
  | 'WITHDRAWN'
  | 'IN_REVIEW'
  | 'PROPOSED'
  | 'SHORTLISTED'
  | 'NOT_SELECTED'
  | 'SELECTED'
  | 'CONTRACTED'
  | 'FORFEITED';

export interface Proposal {
  approach: string;
  members: { name: string; role: string; title?: string }[];
  budget: { item: string; amountYuan: number }[];
  timeline: { milestoneIndex: number; plan: string }[];
  consortium: { orgId: string; orgName: string; role: string }[];
}

export interface Application {
  id: string;
  version: number;
  challengeId: string;
  applicantOrgId: string;
  applicantName: string;
  applicantRole: 'solver' | 'team';
  profileId: string;
  status: ApplicationStatus;
  proposal: Proposal;
  submittedAt: string | null;
  checkReason: string | null;
  projectId: string | null;
  signDueAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface ApplicationPage {
  items: Application[];
  total: number;
}

export interface Profile {
  id: string;
  kind: 'team' | 'solver' | 'expert';
  name: string;
  orgId: string;
  orgName: string;
  orgType?: string | null;
  withdrawnAt: string | null;
}

export const APPLICATION_STATUS: Record<ApplicationStatus, { label: string; color: string }> = {
  DRAFT: { label: '草稿', color: 'default' },
  SUBMITTED: { label: '已提交', color: 'processing' },
  RETURNED: { label: '退回补正', color: 'warning' },
  QUALIFIED: { label: '形式审查合格', color: 'geekblue' },
  INELIGIBLE: { label: '形式审查不合格', color: 'error' },
  WITHDRAWN: { label: '已撤回', color: 'default' },
  IN_REVIEW: { label: '专家评审中', color: 'purple' },
  PROPOSED: { label: '拟入选', color: 'warning' },
  SHORTLISTED: { label: '候补', color: 'blue' },
  NOT_SELECTED: { label: '未入选', color: 'default' },
  SELECTED: { label: '已入选待签约', color: 'success' },
  CONTRACTED: { label: '已签约', color: 'success' },
  FORFEITED: { label: '已放弃', color: 'error' },
};

export const applicationStatusLabel = (s: string) => APPLICATION_STATUS[s as ApplicationStatus]?.label ?? s;
