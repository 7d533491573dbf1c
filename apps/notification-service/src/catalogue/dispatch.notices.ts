import {
  dispatchAcceptedV1,
  dispatchDeliveredV1,
  dispatchEscalatedV1,
  dispatchOfferDeclinedV1,
  dispatchOfferedV1,
  dispatchOfferExpiredV1,
  dispatchPausedV1,
  dispatchRecommendedV1,
  dispatchRejectedV1,
  dispatchResumedV1,
  dispatchReturnedV1,
  dispatchServiceLoggedV1,
  dispatchTeamAcceptedV1,
  type EscalationReason,
  type TeamRef,
} from '@jiebang/contracts';
import { audience } from './audience';
import { districtLabel, listed, said, SERVICE_MODE_LABELS, URGENCY_LABELS, zhDeadline } from './format';
import { notice, type NoticeSpec } from './notice';
import { EVERY_CHANNEL } from './parties';

const enterprise = audience.org<{ data: { enterpriseOrgId: string } }>('enterprise', (e) => e.data.enterpriseOrgId);
const team = audience.orgs<{ data: { team: TeamRef | null } }>('team', (e) => (e.data.team ? [e.data.team.orgId] : []));
const district = audience.districtOffice<{ data: { districtCode: string } }>((e) => e.data.districtCode);
const link = '/service-orders/{{orderId}}';
const base = { category: 'service-order', channels: EVERY_CHANNEL } as const;
const REASON_LABELS: Record<EscalationReason, string> = {
  'district-overdue': '区县推荐超时',
  'no-team-left': '推荐团队均未接单',
  'service-overdue': '服务超过时限',
};

/** Notices of the dispatch stream: 区县推荐 and 特派员团服务, told to the enterprise, the team and the desks. */
export const DISPATCH_NOTICES: NoticeSpec[] = [
  notice(dispatchAcceptedV1, 'enterprise', {
    ...base,
    mandatory: false,
    priority: 'low',
    audiences: [enterprise],
    template: { title: '服务需求已受理：{{title}}', body: '{{districtName}}科技局已受理您的服务需求《{{title}}》，正在为您推荐科技特派员团。', link },
    vars: (e) => ({ orderId: e.subject, title: e.data.title, districtName: districtLabel(e.data.districtCode) }),
  }),
  // A work item: the enterprise revises and resubmits.
  notice(dispatchReturnedV1, 'enterprise', {
    ...base,
    mandatory: true,
    priority: 'normal',
    audiences: [enterprise],
    template: { title: '服务需求被退回：{{title}}', body: '{{districtName}}科技局退回了您的服务需求《{{title}}》，意见：{{reason}}。请修改后重新提交。', link },
    vars: (e) => ({ orderId: e.subject, title: e.data.title, districtName: districtLabel(e.data.districtCode), reason: said(e.data.reason) }),
  }),
  notice(dispatchRejectedV1, 'enterprise', {
    ...base,
    mandatory: true,
    priority: 'normal',
    audiences: [enterprise],
    template: { title: '服务需求不予受理：{{title}}', body: '{{districtName}}科技局对您的服务需求《{{title}}》不予受理，理由：{{reason}}。', link },
    vars: (e) => ({ orderId: e.subject, title: e.data.title, districtName: districtLabel(e.data.districtCode), reason: said(e.data.reason) }),
  }),
  notice(dispatchRecommendedV1, 'enterprise', {
    ...base,
    mandatory: false,
    priority: 'low',
    audiences: [enterprise],
    template: {
      title: '已为您推荐科技特派员团：{{title}}',
      body: '{{districtName}}科技局为您的服务需求《{{title}}》推荐了 {{teamCount}} 支科技特派员团（{{teams}}），正依次邀请接单。',
      link,
    },
    vars: (e) => ({
      orderId: e.subject,
      title: e.data.title,
      districtName: districtLabel(e.data.districtCode),
      teamCount: e.data.teams.length,
      teams: listed(e.data.teams.map((t) => t.name)),
    }),
  }),
  // A work item with a deadline: unanswered, the offer goes to the next team.
  notice(dispatchOfferedV1, 'team', {
    ...base,
    mandatory: true,
    priority: 'normal',
    audiences: [team],
    template: {
      title: '新的服务邀请：{{title}}',
      body: '{{districtName}}科技局邀请贵团为{{enterpriseName}}提供服务《{{title}}》（{{urgency}}，{{serviceMode}}）。请于 {{dueAt}} 前接受或婉拒，逾期将转邀其他团队。',
      link,
    },
    vars: (e) => ({
      orderId: e.subject,
      title: e.data.title,
      districtName: districtLabel(e.data.districtCode),
      enterpriseName: e.data.enterpriseName,
      urgency: URGENCY_LABELS[e.data.urgency],
      serviceMode: SERVICE_MODE_LABELS[e.data.serviceMode],
      dueAt: zhDeadline(e.data.dueAt),
    }),
  }),
  notice(dispatchOfferDeclinedV1, 'district-office', {
    ...base,
    mandatory: false,
    priority: 'low',
    audiences: [district],
    template: {
      title: '团队婉拒服务邀请：{{title}}',
      body: '{{teamName}}婉拒了{{enterpriseName}}的服务需求《{{title}}》，原因：{{reason}}。平台将邀请下一支推荐团队。',
      link,
    },
    vars: (e) => ({ orderId: e.subject, title: e.data.title, teamName: e.data.team.name, enterpriseName: e.data.enterpriseName, reason: said(e.data.reason) }),
  }),
  notice(dispatchOfferExpiredV1, 'team', {
    ...base,
    mandatory: false,
    priority: 'normal',
    audiences: [team],
    template: {
      title: '服务邀请已过期：{{title}}',
      body: '贵团未在 {{dueAt}} 前答复{{enterpriseName}}的服务邀请《{{title}}》，邀请已过期并转给其他团队。',
      link,
    },
    vars: (e) => ({ orderId: e.subject, title: e.data.title, enterpriseName: e.data.enterpriseName, dueAt: zhDeadline(e.data.dueAt) }),
  }),
  notice(dispatchOfferExpiredV1, 'district-office', {
    ...base,
    mandatory: false,
    priority: 'low',
    audiences: [district],
    template: {
      title: '服务邀请过期未答复：{{title}}',
      body: '{{teamName}}未在 {{dueAt}} 前答复服务需求《{{title}}》的邀请，邀请已过期，平台将邀请下一支推荐团队。',
      link,
    },
    vars: (e) => ({ orderId: e.subject, title: e.data.title, teamName: e.data.team.name, dueAt: zhDeadline(e.data.dueAt) }),
  }),
  notice(dispatchTeamAcceptedV1, 'enterprise', {
    ...base,
    mandatory: false,
    priority: 'normal',
    audiences: [enterprise],
    template: {
      title: '科技特派员团已接单：{{title}}',
      body: '{{teamName}}已接受您的服务需求《{{title}}》，将于 {{slaDueAt}} 前完成服务交付，请保持联系人电话畅通。',
      link,
    },
    vars: (e) => ({ orderId: e.subject, title: e.data.title, teamName: e.data.team.name, slaDueAt: zhDeadline(e.data.slaDueAt) }),
  }),
  notice(dispatchTeamAcceptedV1, 'district-office', {
    ...base,
    mandatory: false,
    priority: 'low',
    audiences: [district],
    template: { title: '服务需求已接单：{{title}}', body: '{{teamName}}已接受{{enterpriseName}}的服务需求《{{title}}》，服务时限至 {{slaDueAt}}。', link },
    vars: (e) => ({
      orderId: e.subject,
      title: e.data.title,
      teamName: e.data.team.name,
      enterpriseName: e.data.enterpriseName,
      slaDueAt: zhDeadline(e.data.slaDueAt),
    }),
  }),
  // Awareness of the work done, digest-able.
  notice(dispatchServiceLoggedV1, 'enterprise', {
    ...base,
    mandatory: false,
    priority: 'low',
    audiences: [enterprise],
    template: {
      title: '新的服务记录：{{title}}',
      body: '{{teamName}}记录了 {{date}} 的{{mode}}（{{hours}} 小时）：{{work}}。成效：{{outcome}}。',
      link,
    },
    vars: (e) => ({
      orderId: e.subject,
      title: e.data.title,
      teamName: e.data.team.name,
      date: e.data.record.date,
      mode: SERVICE_MODE_LABELS[e.data.record.mode],
      hours: e.data.record.hours,
      work: said(e.data.record.work),
      outcome: said(e.data.record.outcome),
    }),
  }),
  // A work item: the service waits for the enterprise.
  notice(dispatchPausedV1, 'enterprise', {
    ...base,
    mandatory: true,
    priority: 'normal',
    audiences: [enterprise],
    template: {
      title: '服务等待您的配合：{{title}}',
      body: '{{teamName}}暂停了服务《{{title}}》，需要贵企业配合：{{reason}}。服务时限暂停计时，请尽快处理。',
      link,
    },
    vars: (e) => ({ orderId: e.subject, title: e.data.title, teamName: e.data.team.name, reason: said(e.data.reason) }),
  }),
  notice(dispatchResumedV1, 'enterprise', {
    ...base,
    mandatory: false,
    priority: 'low',
    audiences: [enterprise],
    template: { title: '服务已恢复：{{title}}', body: '{{teamName}}已恢复服务《{{title}}》，预计于 {{slaDueAt}} 前交付。', link },
    vars: (e) => ({ orderId: e.subject, title: e.data.title, teamName: e.data.team.name, slaDueAt: zhDeadline(e.data.slaDueAt) }),
  }),
  // A work item: confirm or dispute, before the reminder and the automatic confirmation.
  notice(dispatchDeliveredV1, 'enterprise', {
    ...base,
    mandatory: true,
    priority: 'normal',
    audiences: [enterprise],
    template: {
      title: '服务已交付，请确认：{{title}}',
      body: '{{teamName}}已交付服务《{{title}}》：{{summary}}。请确认交付或提出异议，确认后可对服务进行评价。',
      link,
    },
    vars: (e) => ({ orderId: e.subject, title: e.data.title, teamName: e.data.team.name, summary: said(e.data.summary) }),
  }),
  // Escalations: mandatory, each to the desk of its level; the late team is told too.
  notice(dispatchEscalatedV1, 'district-office', {
    ...base,
    mandatory: true,
    priority: 'normal',
    isNews: (e) => e.data.level === 'district',
    audiences: [district],
    template: { title: '服务需求督办（{{reason}}）：{{title}}', body: '{{enterpriseName}}的服务需求《{{title}}》需要处理：{{message}}', link },
    vars: (e) => ({ orderId: e.subject, title: e.data.title, reason: REASON_LABELS[e.data.reason], enterpriseName: e.data.enterpriseName, message: e.data.message }),
  }),
  notice(dispatchEscalatedV1, 'bureau', {
    ...base,
    mandatory: true,
    priority: 'normal',
    isNews: (e) => e.data.level === 'bureau',
    audiences: [audience.bureau()],
    template: {
      title: '服务需求升级督办（{{reason}}）：{{title}}',
      body: '{{districtName}}企业{{enterpriseName}}的服务需求《{{title}}》已升级至市科技局：{{message}}',
      link,
    },
    vars: (e) => ({
      orderId: e.subject,
      title: e.data.title,
      reason: REASON_LABELS[e.data.reason],
      districtName: districtLabel(e.data.districtCode),
      enterpriseName: e.data.enterpriseName,
      message: e.data.message,
    }),
  }),
  notice(dispatchEscalatedV1, 'team', {
    ...base,
    mandatory: true,
    priority: 'normal',
    isNews: (e) => e.data.reason === 'service-overdue' && e.data.level === 'district',
    audiences: [team],
    template: {
      title: '服务超过时限：{{title}}',
      body: '您为{{enterpriseName}}提供的服务《{{title}}》已超过服务时限（{{dueAt}}），已报区县科技局督办，请尽快交付。',
      link,
    },
    vars: (e) => ({
      orderId: e.subject,
      title: e.data.title,
      enterpriseName: e.data.enterpriseName,
      dueAt: e.data.dueAt ? zhDeadline(e.data.dueAt) : '约定时限',
    }),
  }),
];
