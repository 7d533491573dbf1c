import {
  projectAcceptanceFailedV1,
  projectAcceptanceStartedV1,
  projectAcceptedV1,
  projectClosedV1,
  projectContinuedV1,
  projectEliminatedV1,
  projectMilestoneApprovedV1,
  projectMilestoneChangesRequestedV1,
  projectMilestoneReviewOverdueV1,
  projectMilestoneSubmittedV1,
  projectResumedV1,
  projectStartedV1,
  projectSuspendedV1,
  projectTerminatedV1,
  projectTranchePaidV1,
  projectTranchesReallocatedV1,
  type ActiveMilestone,
  type ProjectParties,
  type TerminationCause,
} from '@jiebang/contracts';
import { audience } from './audience';
import { overdue, said, wan, zhDeadline, zhTime } from './format';
import { notice, type NoticeSpec } from './notice';
import { applicantsOf, EVERY_CHANNEL } from './parties';

type Parties = { data: ProjectParties };
const enterprise = audience.org<Parties>('enterprise', (e) => e.data.enterpriseOrgId);
/** The 揭榜方 running the project, in the role it applied in (a solver or a team). */
const solver = applicantsOf<Parties>((e) => [{ orgId: e.data.solverOrgId, role: e.data.solverRole }]);
const link = '/projects/{{projectId}}';
const base = { category: 'project', channels: EVERY_CHANNEL } as const;

const nextMilestone = (next: ActiveMilestone | null, otherwise: string) =>
  next ? `下一里程碑“${next.title}”请于 ${zhDeadline(next.dueAt)} 前提交成果。` : otherwise;
const CAUSE_LABELS: Record<TerminationCause, string> = { bureau: '市科技局决定', 'acceptance-failed': '整改后验收仍未通过', forfeited: '揭榜方未签约且无递补' };

/** Notices of the project stream: milestones, money, the mid-term review and acceptance. */
export const PROJECT_NOTICES: NoticeSpec[] = [
  // A deadline: the first milestone's due date.
  notice(projectStartedV1, 'solver', {
    ...base,
    mandatory: true,
    priority: 'normal',
    audiences: solver,
    template: { title: '项目启动：{{title}}', body: '榜单《{{title}}》的项目已签约启动。第一个里程碑“{{milestoneTitle}}”请于 {{dueAt}} 前提交成果。', link },
    vars: (e) => ({ projectId: e.subject, title: e.data.title, milestoneTitle: e.data.milestone.title, dueAt: zhDeadline(e.data.milestone.dueAt) }),
  }),
  // A work item with a time limit; silence is escalated.
  notice(projectMilestoneSubmittedV1, 'enterprise', {
    ...base,
    mandatory: true,
    priority: 'normal',
    audiences: [enterprise],
    template: {
      title: '里程碑成果待审核：{{title}}',
      body: '{{solverName}}提交了项目《{{title}}》里程碑 {{index}}“{{milestoneTitle}}”的成果，请于 {{reviewDueAt}} 前审核（通过或提出修改意见）。',
      link,
    },
    vars: (e) => ({
      projectId: e.subject,
      title: e.data.title,
      solverName: e.data.solverName,
      index: e.data.milestone.index,
      milestoneTitle: e.data.milestone.title,
      reviewDueAt: zhDeadline(e.data.reviewDueAt),
    }),
  }),
  notice(projectMilestoneApprovedV1, 'solver', {
    ...base,
    mandatory: false,
    priority: 'normal',
    audiences: solver,
    template: {
      title: '里程碑已通过：{{milestoneTitle}}',
      body: '企业已通过项目《{{title}}》里程碑 {{index}}“{{milestoneTitle}}”，核定拨付 {{approvedWan}} 万元。{{next}}',
      link,
    },
    vars: (e) => ({
      projectId: e.subject,
      title: e.data.title,
      index: e.data.milestone.index,
      milestoneTitle: e.data.milestone.title,
      approvedWan: wan(e.data.approvedYuan),
      next:
        e.data.status === 'MIDTERM_REVIEW'
          ? '项目进入中期评估，结果另行通知。'
          : e.data.status === 'PENDING_ACCEPTANCE'
            ? '全部里程碑已完成，项目进入待验收。'
            : nextMilestone(e.data.next, '请按计划推进后续工作。'),
    }),
  }),
  // Work items for the bureau: the mid-term review, then acceptance.
  notice(projectMilestoneApprovedV1, 'bureau-midterm', {
    ...base,
    mandatory: true,
    priority: 'normal',
    isNews: (e) => e.data.status === 'MIDTERM_REVIEW',
    audiences: [audience.bureau()],
    template: { title: '项目待中期评估：{{title}}', body: '{{solverName}}承担的项目《{{title}}》已完成中期里程碑“{{milestoneTitle}}”，请组织中期评估。', link },
    vars: (e) => ({ projectId: e.subject, title: e.data.title, solverName: e.data.solverName, milestoneTitle: e.data.milestone.title }),
  }),
  notice(projectMilestoneApprovedV1, 'bureau-acceptance', {
    ...base,
    mandatory: true,
    priority: 'normal',
    isNews: (e) => e.data.status === 'PENDING_ACCEPTANCE',
    audiences: [audience.bureau()],
    template: { title: '项目待验收：{{title}}', body: '{{solverName}}承担的项目《{{title}}》全部里程碑已通过企业审核，请组织验收。', link },
    vars: (e) => ({ projectId: e.subject, title: e.data.title, solverName: e.data.solverName }),
  }),
  notice(projectMilestoneChangesRequestedV1, 'solver', {
    ...base,
    mandatory: true,
    priority: 'normal',
    audiences: solver,
    template: {
      title: '里程碑需修改：{{milestoneTitle}}',
      body: '企业对项目《{{title}}》里程碑 {{index}}“{{milestoneTitle}}”提出修改意见：{{comments}}。里程碑截止时间仍为 {{dueAt}}。',
      link,
    },
    vars: (e) => ({
      projectId: e.subject,
      title: e.data.title,
      index: e.data.milestone.index,
      milestoneTitle: e.data.milestone.title,
      comments: said(e.data.comments),
      dueAt: zhDeadline(e.data.milestone.dueAt),
    }),
  }),
  notice(projectTranchePaidV1, 'solver', {
    ...base,
    mandatory: false,
    priority: 'normal',
    audiences: solver,
    template: {
      title: '收到里程碑拨款：{{amountWan}} 万元',
      body: '企业已就项目《{{title}}》里程碑 {{index}}“{{milestoneTitle}}”拨付 {{amountWan}} 万元（凭证号 {{reference}}），该里程碑累计已付 {{paidWan}} 万元，核定 {{approvedWan}} 万元。',
      link,
    },
    vars: (e) => ({
      projectId: e.subject,
      title: e.data.title,
      index: e.data.milestone.index,
      milestoneTitle: e.data.milestone.title,
      amountWan: wan(e.data.amountYuan),
      reference: e.data.reference,
      paidWan: wan(e.data.paidYuan),
      approvedWan: wan(e.data.approvedYuan),
    }),
  }),
  // An escalation: the bureau and the enterprise, mandatory.
  notice(projectMilestoneReviewOverdueV1, 'bureau', {
    ...base,
    mandatory: true,
    priority: 'normal',
    audiences: [audience.bureau()],
    template: {
      title: '里程碑审核超期：{{title}}',
      body: '{{enterpriseName}}应于 {{dueAt}} 前审核项目《{{title}}》里程碑 {{index}}“{{milestoneTitle}}”（{{solverName}}于 {{submittedAt}} 提交），至今未审核，{{overdue}}。请督促企业处理。',
      link,
    },
    vars: (e) => ({
      projectId: e.subject,
      title: e.data.title,
      enterpriseName: e.data.enterpriseName,
      solverName: e.data.solverName,
      index: e.data.milestone.index,
      milestoneTitle: e.data.milestone.title,
      submittedAt: zhTime(e.data.submittedAt),
      dueAt: zhDeadline(e.data.dueAt),
      overdue: overdue(e.data.overdueSeconds),
    }),
  }),
  notice(projectMilestoneReviewOverdueV1, 'enterprise', {
    ...base,
    mandatory: true,
    priority: 'normal',
    audiences: [enterprise],
    template: {
      title: '里程碑审核已超期：{{title}}',
      body: '{{solverName}}于 {{submittedAt}} 提交的项目《{{title}}》里程碑 {{index}}“{{milestoneTitle}}”应于 {{dueAt}} 前审核，现已超期并报市科技局。请尽快审核。',
      link,
    },
    vars: (e) => ({
      projectId: e.subject,
      title: e.data.title,
      solverName: e.data.solverName,
      index: e.data.milestone.index,
      milestoneTitle: e.data.milestone.title,
      submittedAt: zhTime(e.data.submittedAt),
      dueAt: zhDeadline(e.data.dueAt),
    }),
  }),
  // Mid-term decisions are rulings on the solver's project.
  notice(projectContinuedV1, 'solver', {
    ...base,
    mandatory: true,
    priority: 'normal',
    audiences: solver,
    template: { title: '中期评估通过：{{title}}', body: '项目《{{title}}》通过中期评估，意见：{{reason}}。{{next}}', link },
    vars: (e) => ({ projectId: e.subject, title: e.data.title, reason: said(e.data.reason), next: nextMilestone(e.data.next, '项目继续实施。') }),
  }),
  notice(projectContinuedV1, 'enterprise', {
    ...base,
    mandatory: false,
    priority: 'normal',
    audiences: [enterprise],
    template: { title: '项目通过中期评估：{{title}}', body: '{{solverName}}承担的项目《{{title}}》通过中期评估，继续实施。意见：{{reason}}。', link },
    vars: (e) => ({ projectId: e.subject, title: e.data.title, solverName: e.data.solverName, reason: said(e.data.reason) }),
  }),
  notice(projectEliminatedV1, 'solver', {
    ...base,
    mandatory: true,
    priority: 'normal',
    audiences: solver,
    template: {
      title: '中期评估结果：项目淘汰（{{title}}）',
      body: '项目《{{title}}》在赛马制中期评估中被淘汰，理由：{{reason}}。已核定的里程碑款项照常结算，项目不再继续实施。',
      link,
    },
    vars: (e) => ({ projectId: e.subject, title: e.data.title, reason: said(e.data.reason) }),
  }),
  notice(projectEliminatedV1, 'enterprise', {
    ...base,
    mandatory: false,
    priority: 'normal',
    audiences: [enterprise],
    template: {
      title: '赛马项目淘汰：{{title}}',
      body: '{{solverName}}承担的项目《{{title}}》在中期评估中被淘汰，理由：{{reason}}。其未核定的 {{releasedWan}} 万元{{destination}}。',
      link,
    },
    vars: (e) => ({
      projectId: e.subject,
      title: e.data.title,
      solverName: e.data.solverName,
      reason: said(e.data.reason),
      releasedWan: wan(e.data.releasedYuan),
      destination: e.data.eliminationPolicy === 'REALLOCATE_TO_SURVIVORS' ? '按规则分配给继续实施的揭榜方' : '留存于榜单，不再拨付',
    }),
  }),
  notice(projectTranchesReallocatedV1, 'solver', {
    ...base,
    mandatory: false,
    priority: 'normal',
    audiences: solver,
    template: {
      title: '项目计划经费增加 {{addedWan}} 万元：{{title}}',
      body: '因并行项目在中期评估中被淘汰，您承担的项目《{{title}}》后续里程碑计划经费增加 {{addedWan}} 万元（{{changes}}）。',
      link,
    },
    vars: (e) => ({
      projectId: e.subject,
      title: e.data.title,
      addedWan: wan(e.data.addedYuan),
      changes: e.data.changes.map((c) => `里程碑 ${c.milestoneIndex} 增加 ${wan(c.addedYuan)} 万元`).join('，'),
    }),
  }),
  notice(projectTranchesReallocatedV1, 'enterprise', {
    ...base,
    mandatory: false,
    priority: 'low',
    audiences: [enterprise],
    template: {
      title: '项目经费重新分配：{{title}}',
      body: '{{solverName}}承担的项目《{{title}}》后续里程碑计划经费增加 {{addedWan}} 万元，来自被淘汰项目的重新分配。',
      link,
    },
    vars: (e) => ({ projectId: e.subject, title: e.data.title, solverName: e.data.solverName, addedWan: wan(e.data.addedYuan) }),
  }),
  notice(projectSuspendedV1, 'solver', {
    ...base,
    mandatory: true,
    priority: 'normal',
    audiences: solver,
    template: { title: '项目暂停：{{title}}', body: '市科技局已暂停项目《{{title}}》，原因：{{reason}}。恢复实施时将另行通知。', link },
    vars: (e) => ({ projectId: e.subject, title: e.data.title, reason: said(e.data.reason) }),
  }),
  notice(projectSuspendedV1, 'enterprise', {
    ...base,
    mandatory: false,
    priority: 'normal',
    audiences: [enterprise],
    template: { title: '项目暂停：{{title}}', body: '市科技局已暂停{{solverName}}承担的项目《{{title}}》，原因：{{reason}}。', link },
    vars: (e) => ({ projectId: e.subject, title: e.data.title, solverName: e.data.solverName, reason: said(e.data.reason) }),
  }),
  notice(projectResumedV1, 'solver', {
    ...base,
    mandatory: false,
    priority: 'normal',
    audiences: solver,
    template: { title: '项目恢复实施：{{title}}', body: '市科技局已恢复项目《{{title}}》，说明：{{reason}}。请按里程碑计划继续实施。', link },
    vars: (e) => ({ projectId: e.subject, title: e.data.title, reason: said(e.data.reason) }),
  }),
  notice(projectResumedV1, 'enterprise', {
    ...base,
    mandatory: false,
    priority: 'normal',
    audiences: [enterprise],
    template: { title: '项目恢复实施：{{title}}', body: '市科技局已恢复{{solverName}}承担的项目《{{title}}》，说明：{{reason}}。', link },
    vars: (e) => ({ projectId: e.subject, title: e.data.title, solverName: e.data.solverName, reason: said(e.data.reason) }),
  }),
  notice(projectAcceptanceStartedV1, 'solver', {
    ...base,
    mandatory: false,
    priority: 'normal',
    audiences: solver,
    template: { title: '项目验收启动：{{title}}', body: '市科技局已启动项目《{{title}}》的{{round}}，请按要求准备并提交验收材料。', link },
    vars: (e) => ({
      projectId: e.subject,
      title: e.data.title,
      round: e.data.rectificationRound === 0 ? '验收' : `第 ${e.data.rectificationRound} 轮整改后的重新验收`,
    }),
  }),
  notice(projectAcceptanceStartedV1, 'enterprise', {
    ...base,
    mandatory: false,
    priority: 'low',
    audiences: [enterprise],
    template: { title: '项目验收启动：{{title}}', body: '市科技局已启动{{solverName}}承担的项目《{{title}}》的验收。', link },
    vars: (e) => ({ projectId: e.subject, title: e.data.title, solverName: e.data.solverName }),
  }),
  notice(projectAcceptedV1, 'solver', {
    ...base,
    mandatory: true,
    priority: 'normal',
    audiences: solver,
    template: { title: '项目验收通过：{{title}}', body: '项目《{{title}}》通过验收，意见：{{opinion}}。{{payment}}', link },
    vars: (e) => ({
      projectId: e.subject,
      title: e.data.title,
      opinion: said(e.data.opinion),
      payment:
        e.data.approvedYuan > e.data.paidYuan
          ? `尚有 ${wan(e.data.approvedYuan - e.data.paidYuan)} 万元已核定款项待企业拨付，付清后项目结项。`
          : '款项已全部付清，项目即将结项。',
    }),
  }),
  // A work item only while money is owed; fully paid, the project closes at once and that is notified.
  notice(projectAcceptedV1, 'enterprise-payment-due', {
    ...base,
    mandatory: true,
    priority: 'normal',
    isNews: (e) => e.data.approvedYuan > e.data.paidYuan,
    audiences: [enterprise],
    template: {
      title: '项目验收通过，请付清余款：{{title}}',
      body: '{{solverName}}承担的项目《{{title}}》已通过验收。已核定 {{approvedWan}} 万元，已付 {{paidWan}} 万元，请尽快拨付剩余 {{unpaidWan}} 万元，付清后项目结项。',
      link,
    },
    vars: (e) => ({
      projectId: e.subject,
      title: e.data.title,
      solverName: e.data.solverName,
      approvedWan: wan(e.data.approvedYuan),
      paidWan: wan(e.data.paidYuan),
      unpaidWan: wan(e.data.approvedYuan - e.data.paidYuan),
    }),
  }),
  // A work item (rectification) or the end of the project.
  notice(projectAcceptanceFailedV1, 'solver', {
    ...base,
    mandatory: true,
    priority: 'normal',
    audiences: solver,
    template: { title: '项目验收未通过：{{title}}', body: '项目《{{title}}》验收未通过，意见：{{opinion}}。{{next}}', link },
    vars: (e) => ({
      projectId: e.subject,
      title: e.data.title,
      opinion: said(e.data.opinion),
      next: e.data.terminated
        ? `已超过最多 ${e.data.maxRectificationRounds} 轮整改，项目将终止。`
        : `请进行第 ${e.data.rectificationRound} 轮整改（最多 ${e.data.maxRectificationRounds} 轮），完成后申请重新验收。`,
    }),
  }),
  notice(projectAcceptanceFailedV1, 'enterprise', {
    ...base,
    mandatory: false,
    priority: 'normal',
    audiences: [enterprise],
    template: { title: '项目验收未通过：{{title}}', body: '{{solverName}}承担的项目《{{title}}》验收未通过，意见：{{opinion}}。{{next}}', link },
    vars: (e) => ({
      projectId: e.subject,
      title: e.data.title,
      solverName: e.data.solverName,
      opinion: said(e.data.opinion),
      next: e.data.terminated ? '整改轮次已用完，项目将终止。' : `揭榜方将进行第 ${e.data.rectificationRound} 轮整改。`,
    }),
  }),
  notice(projectClosedV1, 'solver', {
    ...base,
    mandatory: false,
    priority: 'low',
    audiences: solver,
    template: { title: '项目结项：{{title}}', body: '项目《{{title}}》已通过验收并付清全部款项（{{paidWan}} 万元），正式结项。', link },
    vars: (e) => ({ projectId: e.subject, title: e.data.title, paidWan: wan(e.data.paidYuan) }),
  }),
  notice(projectClosedV1, 'enterprise', {
    ...base,
    mandatory: false,
    priority: 'low',
    audiences: [enterprise],
    template: { title: '项目结项：{{title}}', body: '{{solverName}}承担的项目《{{title}}》已验收并付清全部款项（{{paidWan}} 万元），正式结项。', link },
    vars: (e) => ({ projectId: e.subject, title: e.data.title, solverName: e.data.solverName, paidWan: wan(e.data.paidYuan) }),
  }),
  notice(projectTerminatedV1, 'solver', {
    ...base,
    mandatory: true,
    priority: 'normal',
    audiences: solver,
    template: { title: '项目终止：{{title}}', body: '项目《{{title}}》已终止（{{cause}}），说明：{{reason}}。', link },
    vars: (e) => ({ projectId: e.subject, title: e.data.title, cause: CAUSE_LABELS[e.data.cause], reason: said(e.data.reason) }),
  }),
  notice(projectTerminatedV1, 'enterprise', {
    ...base,
    mandatory: true,
    priority: 'normal',
    audiences: [enterprise],
    template: {
      title: '项目终止：{{title}}',
      body: '{{solverName}}承担的项目《{{title}}》已终止（{{cause}}），说明：{{reason}}。未核定的 {{retainedWan}} 万元留存于榜单，不再拨付。',
      link,
    },
    vars: (e) => ({
      projectId: e.subject,
      title: e.data.title,
      solverName: e.data.solverName,
      cause: CAUSE_LABELS[e.data.cause],
      reason: said(e.data.reason),
      retainedWan: wan(e.data.retainedYuan),
    }),
  }),
];
