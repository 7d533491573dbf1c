import type { ServiceOrderStatus } from './types';

/** ARCHITECTURE §3: the order's states as the enterprise sees them (the service's own labels), with a tag colour. */
export const ORDER_STATUS: Record<ServiceOrderStatus, { label: string; color: string }> = {
  DRAFT: { label: '草稿', color: 'default' },
  SUBMITTED: { label: '已下单', color: 'processing' },
  RETURNED: { label: '退回修改', color: '#ad4e00' },
  REJECTED: { label: '区县不予受理', color: 'error' },
  DISTRICT_ACCEPTED: { label: '区县已受理', color: 'processing' },
  RECOMMENDED: { label: '已推荐', color: 'processing' },
  OFFERED: { label: '待特派员团接单', color: 'processing' },
  TEAM_ACCEPTED: { label: '特派员团已接单', color: 'processing' },
  IN_SERVICE: { label: '服务中', color: 'processing' },
  WAITING_ENTERPRISE: { label: '等待企业', color: '#ad4e00' },
  DELIVERED: { label: '已交付', color: 'processing' },
  CONFIRMED: { label: '已确认', color: '#237804' },
  RATED: { label: '已评价', color: '#237804' },
  CLOSED: { label: '已关闭', color: 'default' },
  CANCELLED: { label: '已取消', color: 'default' },
};

export const orderStatusLabel = (s: string | null | undefined): string => (s ? (ORDER_STATUS[s as ServiceOrderStatus]?.label ?? s) : '—');

export const URGENCY_LABEL = { LOW: '一般', NORMAL: '较急', HIGH: '紧急' } as const;
export const SERVICE_MODE_LABEL = { ON_SITE: '现场服务', REMOTE: '远程服务' } as const;

/** 企业评价's four criteria, in the order the form and the statistics show them. */
export const RATING_DIMENSIONS = [
  { key: 'response', label: '响应速度' },
  { key: 'expertise', label: '专业能力' },
  { key: 'effect', label: '解决效果' },
  { key: 'attitude', label: '服务态度' },
] as const;

/** What each timeline entry was, in words: the enterprise's and district's commands, and the dispatch facts. */
export const ACTION_LABEL: Record<string, string> = {
  create: '创建草稿',
  edit: '修改订单',
  submit: '提交订单',
  cancel: '取消订单',
  confirm: '确认交付',
  dispute: '对交付提出争议',
  'resolve-dispute': '区县裁定争议',
  remind: '提醒企业确认',
  'auto-confirm': '逾期自动确认',
  rate: '企业评价',
  appeal: '特派员团申诉评价',
  'appeal-upheld': '申诉成立，评价作废',
  'appeal-dismissed': '申诉驳回',
  close: '订单关闭',
  'dispatch.accepted': '区县受理',
  'dispatch.returned': '区县退回补充',
  'dispatch.rejected': '区县不予受理',
  'dispatch.recommended': '区县推荐团队',
  'dispatch.offered': '向团队发出邀约',
  'dispatch.offer-declined': '团队婉拒邀约',
  'dispatch.offer-expired': '邀约超时',
  'dispatch.team-accepted': '团队接单',
  'dispatch.service-started': '开始服务',
  'dispatch.service-logged': '填写服务记录',
  'dispatch.paused': '等待企业（暂停计时）',
  'dispatch.resumed': '恢复服务',
  'dispatch.delivered': '团队交付',
  'dispatch.escalated': '超时督办',
};

export const actionLabel = (action: string): string => ACTION_LABEL[action] ?? action;
