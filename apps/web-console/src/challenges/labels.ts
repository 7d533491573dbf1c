import type { ChallengeStatus } from '../api/responses';

/** ARCHITECTURE §3: the 榜单's states as people call them, with the colour of their tag. */
export const STATUS: Record<ChallengeStatus, { label: string; color: string }> = {
  DRAFT: { label: '草稿', color: 'default' },
  SUBMITTED: { label: '已提交', color: 'processing' },
  UNDER_VETTING: { label: '专家论证', color: 'processing' },
  RETURNED: { label: '退回修改', color: 'warning' },
  REJECTED: { label: '论证驳回', color: 'error' },
  APPROVED: { label: '待发榜', color: 'geekblue' },
  PUBLISHED: { label: '揭榜中', color: 'success' },
  CLOSED: { label: '截止', color: 'default' },
  UNDER_REVIEW: { label: '评审中', color: 'purple' },
  IN_PUBLIC_NOTICE: { label: '公示中', color: 'warning' },
  AWARDED: { label: '已定榜', color: 'success' },
  FAILED: { label: '流标', color: 'error' },
  WITHDRAWN: { label: '撤榜', color: 'default' },
};

// A 409 on an objection names the objection's own state (OBJECTION_ALREADY_DECIDED); no 榜单 state shares these names.
const OBJECTION_STATE: Record<string, string> = { OPEN: '异议待裁定', UPHELD: '异议成立', DISMISSED: '异议不予采纳' };

export const statusLabel = (status: string | null | undefined): string => (status ? (STATUS[status as ChallengeStatus]?.label ?? OBJECTION_STATE[status] ?? status) : '—');

export const MODE_LABEL = { SINGLE: '单一揭榜', HORSE_RACE: '赛马制' } as const;
