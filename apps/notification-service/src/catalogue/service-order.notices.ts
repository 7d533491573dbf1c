import {
  serviceOrderAppealDismissedV1,
  serviceOrderCancelledV1,
  serviceOrderConfirmationRemindedV1,
  serviceOrderConfirmedV1,
  serviceOrderDeliveryDisputedV1,
  serviceOrderDisputeResolvedV1,
  serviceOrderRatedV1,
  serviceOrderRatingAppealedV1,
  serviceOrderRatingVoidedV1,
  serviceOrderSubmittedV1,
  type TeamRef,
} from '@jiebang/contracts';
import { audience } from './audience';
import { said, SERVICE_MODE_LABELS, URGENCY_LABELS, zhDeadline, zhTime } from './format';
import { notice, type NoticeSpec } from './notice';
import { EVERY_CHANNEL } from './parties';

const enterprise = audience.org<{ data: { enterpriseOrgId: string } }>('enterprise', (e) => e.data.enterpriseOrgId);
const team = audience.orgs<{ data: { team: TeamRef | null } }>('team', (e) => (e.data.team ? [e.data.team.orgId] : []));
const district = audience.districtOffice<{ data: { districtCode: string } }>((e) => e.data.districtCode);
const link = '/service-orders/{{orderId}}';
const base = { category: 'service-order', channels: EVERY_CHANNEL } as const;

/** Notices of the service-order stream: the enterprise's side of 企业下单 and 企业评价. */
export const SERVICE_ORDER_NOTICES: NoticeSpec[] = [
  // A work item for the district office (区县推荐), under DISTRICT_SLA.
  notice(serviceOrderSubmittedV1, 'district-office', {
    ...base,
    mandatory: true,
    priority: 'normal',
    audiences: [district],
    template: {
      title: '服务需求待受理：{{title}}',
      body: '{{enterpriseName}}{{action}}服务需求《{{title}}》（{{urgency}}，{{serviceMode}}，期望服务时间 {{from}} 至 {{to}}）。请受理并推荐科技特派员团，或退回、不予受理。',
      link,
    },
    vars: (e) => ({
      orderId: e.subject,
      title: e.data.title,
      enterpriseName: e.data.enterpriseName,
      action: e.data.resubmission ? '修改后重新提交了' : '提交了',
      urgency: URGENCY_LABELS[e.data.urgency],
      serviceMode: SERVICE_MODE_LABELS[e.data.serviceMode],
      from: e.data.window.from,
      to: e.data.window.to,
    }),
  }),
  notice(serviceOrderCancelledV1, 'district-office', {
    ...base,
    mandatory: false,
    priority: 'normal',
    audiences: [district],
    template: { title: '服务需求已取消：{{title}}', body: '{{enterpriseName}}的服务需求《{{title}}》已由{{by}}取消，原因：{{reason}}。', link },
    vars: (e) => ({
      orderId: e.subject,
      title: e.data.title,
      enterpriseName: e.data.enterpriseName,
      by: e.data.cancelledBy === 'enterprise' ? '企业' : '区县科技局',
      reason: said(e.data.reason),
    }),
  }),
  // A ruling on the enterprise's order; its own cancellation it knows of.
  notice(serviceOrderCancelledV1, 'enterprise', {
    ...base,
    mandatory: true,
    priority: 'normal',
    isNews: (e) => e.data.cancelledBy === 'district',
    audiences: [enterprise],
    template: { title: '服务需求已被取消：{{title}}', body: '区县科技局取消了您的服务需求《{{title}}》，原因：{{reason}}。', link },
    vars: (e) => ({ orderId: e.subject, title: e.data.title, reason: said(e.data.reason) }),
  }),
  // The team stops work it had accepted.
  notice(serviceOrderCancelledV1, 'team', {
    ...base,
    mandatory: true,
    priority: 'normal',
    isNews: (e) => e.data.team !== null,
    audiences: [team],
    template: {
      title: '服务已取消：{{title}}',
      body: '{{enterpriseName}}的服务需求《{{title}}》已由{{by}}取消，原因：{{reason}}。请停止相关服务。',
      link,
    },
    vars: (e) => ({
      orderId: e.subject,
      title: e.data.title,
      enterpriseName: e.data.enterpriseName,
      by: e.data.cancelledBy === 'enterprise' ? '企业' : '区县科技局',
      reason: said(e.data.reason),
    }),
  }),
  // A work item: the district rules on the dispute.
  notice(serviceOrderDeliveryDisputedV1, 'district-office', {
    ...base,
    mandatory: true,
    priority: 'normal',
    audiences: [district],
    template: {
      title: '交付异议待裁定：{{title}}',
      body: '{{enterpriseName}}对{{teamName}}交付的服务《{{title}}》提出异议：{{reason}}。请核实后裁定确认交付或要求继续服务。',
      link,
    },
    vars: (e) => ({ orderId: e.subject, title: e.data.title, enterpriseName: e.data.enterpriseName, teamName: e.data.team.name, reason: said(e.data.reason) }),
  }),
  notice(serviceOrderDeliveryDisputedV1, 'team', {
    ...base,
    mandatory: false,
    priority: 'normal',
    audiences: [team],
    template: { title: '企业对交付提出异议：{{title}}', body: '{{enterpriseName}}对您交付的服务《{{title}}》提出异议：{{reason}}。区县科技局将核实裁定。', link },
    vars: (e) => ({ orderId: e.subject, title: e.data.title, enterpriseName: e.data.enterpriseName, reason: said(e.data.reason) }),
  }),
  notice(serviceOrderDisputeResolvedV1, 'enterprise', {
    ...base,
    mandatory: true,
    priority: 'normal',
    audiences: [enterprise],
    template: { title: '交付异议已裁定：{{title}}', body: '区县科技局对服务《{{title}}》的交付异议作出裁定：{{outcome}}。说明：{{reason}}。', link },
    vars: (e) => ({
      orderId: e.subject,
      title: e.data.title,
      outcome: e.data.outcome === 'CONFIRM' ? '确认交付，您可对本次服务进行评价' : `${e.data.team.name}继续服务，完成后重新交付`,
      reason: said(e.data.reason),
    }),
  }),
  notice(serviceOrderDisputeResolvedV1, 'team', {
    ...base,
    mandatory: true,
    priority: 'normal',
    audiences: [team],
    template: { title: '交付异议已裁定：{{title}}', body: '区县科技局对服务《{{title}}》的交付异议作出裁定：{{outcome}}。说明：{{reason}}。', link },
    vars: (e) => ({
      orderId: e.subject,
      title: e.data.title,
      outcome: e.data.outcome === 'CONFIRM' ? '确认交付' : '请继续服务，完成后重新交付',
      reason: said(e.data.reason),
    }),
  }),
  // A deadline: silence confirms the delivery.
  notice(serviceOrderConfirmationRemindedV1, 'enterprise', {
    ...base,
    mandatory: true,
    priority: 'normal',
    audiences: [enterprise],
    template: {
      title: '请确认服务交付：{{title}}',
      body: '{{teamName}}已于 {{deliveredAt}} 交付服务《{{title}}》，请确认交付或提出异议；{{dueAt}} 前未处理将自动确认。',
      link,
    },
    vars: (e) => ({
      orderId: e.subject,
      title: e.data.title,
      teamName: e.data.team.name,
      deliveredAt: zhTime(e.data.deliveredAt),
      dueAt: zhDeadline(e.data.dueAt),
    }),
  }),
  notice(serviceOrderConfirmedV1, 'team', {
    ...base,
    mandatory: false,
    priority: 'low',
    audiences: [team],
    template: { title: '服务交付已确认：{{title}}', body: '您交付的服务《{{title}}》{{how}}，等待企业评价。', link },
    vars: (e) => ({ orderId: e.subject, title: e.data.title, how: e.data.auto ? '因企业逾期未处理已自动确认' : '已经企业确认' }),
  }),
  notice(serviceOrderConfirmedV1, 'enterprise-auto', {
    ...base,
    mandatory: false,
    priority: 'normal',
    isNews: (e) => e.data.auto,
    audiences: [enterprise],
    template: {
      title: '服务已自动确认：{{title}}',
      body: '您未在期限内处理{{teamName}}交付的服务《{{title}}》，已自动确认交付。欢迎对本次服务进行评价。',
      link,
    },
    vars: (e) => ({ orderId: e.subject, title: e.data.title, teamName: e.data.team.name }),
  }),
  // It opens the appeal window, a deadline.
  notice(serviceOrderRatedV1, 'team', {
    ...base,
    mandatory: true,
    priority: 'normal',
    audiences: [team],
    template: {
      title: '收到企业评价：{{title}}',
      body: '{{enterpriseName}}对服务《{{title}}》作出评价：响应 {{response}} 星、专业 {{expertise}} 星、效果 {{effect}} 星、态度 {{attitude}} 星；评语：{{comment}}。如有异议，可在 {{appealDueAt}} 前申诉。',
      link,
    },
    vars: (e) => ({
      orderId: e.subject,
      title: e.data.title,
      enterpriseName: e.data.enterpriseName,
      ...e.data.scores,
      comment: said(e.data.comment ?? '无'),
      appealDueAt: zhDeadline(e.data.appealDueAt),
    }),
  }),
  notice(serviceOrderRatingAppealedV1, 'district-office', {
    ...base,
    mandatory: true,
    priority: 'normal',
    audiences: [district],
    template: {
      title: '评价申诉待裁定：{{title}}',
      body: '{{teamName}}对{{enterpriseName}}就服务《{{title}}》的评价提出申诉：{{reason}}。请核实后裁定。',
      link,
    },
    vars: (e) => ({ orderId: e.subject, title: e.data.title, teamName: e.data.team.name, enterpriseName: e.data.enterpriseName, reason: said(e.data.reason) }),
  }),
  notice(serviceOrderRatingAppealedV1, 'enterprise', {
    ...base,
    mandatory: false,
    priority: 'low',
    audiences: [enterprise],
    template: { title: '服务评价被申诉：{{title}}', body: '{{teamName}}对您就服务《{{title}}》的评价提出申诉，区县科技局将核实裁定。', link },
    vars: (e) => ({ orderId: e.subject, title: e.data.title, teamName: e.data.team.name }),
  }),
  // Appeal outcomes: mandatory for the party the ruling goes against.
  notice(serviceOrderRatingVoidedV1, 'team', {
    ...base,
    mandatory: false,
    priority: 'normal',
    audiences: [team],
    template: {
      title: '评价申诉成立：{{title}}',
      body: '区县科技局认定您对服务《{{title}}》评价的申诉成立，该评价已作废，不再计入信誉分。说明：{{reason}}。',
      link,
    },
    vars: (e) => ({ orderId: e.subject, title: e.data.title, reason: said(e.data.reason) }),
  }),
  notice(serviceOrderRatingVoidedV1, 'enterprise', {
    ...base,
    mandatory: true,
    priority: 'normal',
    audiences: [enterprise],
    template: {
      title: '服务评价已作废：{{title}}',
      body: '{{teamName}}对服务《{{title}}》评价的申诉经区县科技局核实成立，您的评价已作废。说明：{{reason}}。',
      link,
    },
    vars: (e) => ({ orderId: e.subject, title: e.data.title, teamName: e.data.team.name, reason: said(e.data.reason) }),
  }),
  notice(serviceOrderAppealDismissedV1, 'team', {
    ...base,
    mandatory: true,
    priority: 'normal',
    audiences: [team],
    template: { title: '评价申诉不成立：{{title}}', body: '区县科技局认定您对服务《{{title}}》评价的申诉不成立，评价维持。说明：{{reason}}。', link },
    vars: (e) => ({ orderId: e.subject, title: e.data.title, reason: said(e.data.reason) }),
  }),
  notice(serviceOrderAppealDismissedV1, 'enterprise', {
    ...base,
    mandatory: false,
    priority: 'normal',
    audiences: [enterprise],
    template: { title: '评价申诉已驳回：{{title}}', body: '{{teamName}}对服务《{{title}}》评价的申诉经区县科技局核实不成立，您的评价维持。说明：{{reason}}。', link },
    vars: (e) => ({ orderId: e.subject, title: e.data.title, teamName: e.data.team.name, reason: said(e.data.reason) }),
  }),
];
