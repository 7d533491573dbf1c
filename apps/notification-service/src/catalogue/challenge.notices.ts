import {
  challengeApprovedV1,
  challengeAwardedV1,
  challengeClosedV1,
  challengeDeadlineExtendedV1,
  challengeFailedV1,
  challengeObjectionDismissedV1,
  challengeObjectionLodgedV1,
  challengeObjectionUpheldV1,
  challengePublicNoticeOpenedV1,
  challengePublishedV1,
  challengeQuestionAnsweredV1,
  challengeQuestionAskedV1,
  challengeRejectedV1,
  challengeReturnedV1,
  challengeReviewStartedV1,
  challengeSubmittedV1,
  challengeVettingOverdueV1,
  challengeVettingStartedV1,
  challengeWithdrawalDeniedV1,
  challengeWithdrawalRequestedV1,
  challengeWithdrawnV1,
  ROLE_LABELS,
  type ChallengeMode,
  type RankedApplication,
} from '@jiebang/contracts';
import { audience } from './audience';
import { districtLabel, listed, overdue, said, wan, zhDeadline, zhTime } from './format';
import { notice, type NoticeSpec } from './notice';
import { applicantsAnd, applicantsOf, EVERY_CHANNEL } from './parties';

const MODE_LABELS: Record<ChallengeMode, string> = { SINGLE: '单一揭榜', HORSE_RACE: '赛马制' };
const enterprise = audience.org<{ data: { enterpriseOrgId: string } }>('enterprise', (e) => e.data.enterpriseOrgId);
const withScores = (proposed: RankedApplication[]) => listed(proposed.map((p) => `${p.applicantName}（${p.score} 分）`));
const base = { category: 'challenge', channels: EVERY_CHANNEL, template: { link: '/challenges/{{challengeId}}' } } as const;
const link = base.template.link;

/** Notices of the challenge (榜单) stream. */
export const CHALLENGE_NOTICES: NoticeSpec[] = [
  // A work item: the bureau must organise 专家论证, so muting it would stall the challenge.
  notice(challengeSubmittedV1, 'bureau', {
    category: 'challenge',
    mandatory: true,
    priority: 'normal',
    audiences: [audience.bureau()],
    channels: EVERY_CHANNEL,
    template: {
      title: '新榜单待论证：{{title}}',
      body: '{{enterpriseName}}（{{districtName}}）提交了榜单《{{title}}》，悬赏 {{bountyWan}} 万元，揭榜截止 {{deadline}}，请组织专家论证。',
      link,
    },
    vars: (e) => ({
      challengeId: e.subject,
      title: e.data.title,
      enterpriseName: e.data.enterpriseName,
      districtName: districtLabel(e.data.districtCode),
      bountyWan: wan(e.data.bountyYuan),
      deadline: e.data.deadline,
    }),
  }),
  // For the district office's awareness only (it does not act before publication): low priority, digest-able.
  notice(challengeSubmittedV1, 'district-office', {
    category: 'challenge',
    mandatory: false,
    priority: 'low',
    audiences: [audience.districtOffice((e) => e.data.districtCode)],
    channels: EVERY_CHANNEL,
    template: {
      title: '辖区企业提交榜单：{{title}}',
      body: '辖区企业{{enterpriseName}}向市科技局提交了榜单《{{title}}》（悬赏 {{bountyWan}} 万元），目前等待专家论证。',
      link,
    },
    vars: (e) => ({ challengeId: e.subject, title: e.data.title, enterpriseName: e.data.enterpriseName, bountyWan: wan(e.data.bountyYuan) }),
  }),
  // An escalation: mandatory, so no preference can silence it.
  notice(challengeVettingOverdueV1, 'bureau', {
    category: 'challenge',
    mandatory: true,
    priority: 'normal',
    audiences: [audience.bureau()],
    channels: EVERY_CHANNEL,
    template: {
      title: '榜单论证超期：{{title}}',
      body: '{{enterpriseName}}（{{districtName}}）于 {{submittedAt}} 提交的榜单《{{title}}》应于 {{dueAt}} 前启动专家论证，至今未启动，{{overdue}}。请尽快组织专家论证。',
      link,
    },
    vars: (e) => ({
      challengeId: e.subject,
      title: e.data.title,
      enterpriseName: e.data.enterpriseName,
      districtName: districtLabel(e.data.districtCode),
      submittedAt: zhTime(e.data.submittedAt),
      dueAt: zhTime(e.data.dueAt),
      overdue: overdue(e.data.overdueSeconds),
    }),
  }),
  notice(challengeVettingStartedV1, 'enterprise', {
    ...base,
    mandatory: false,
    priority: 'low',
    audiences: [enterprise],
    template: { title: '榜单进入专家论证：{{title}}', body: '您提交的榜单《{{title}}》已于 {{startedAt}} 由市科技局启动专家论证，论证结果将另行通知。', link },
    vars: (e) => ({ challengeId: e.subject, title: e.data.title, startedAt: zhTime(e.data.startedAt) }),
  }),
  notice(challengeApprovedV1, 'enterprise', {
    ...base,
    mandatory: false,
    priority: 'normal',
    audiences: [enterprise],
    template: { title: '榜单论证通过：{{title}}', body: '您的榜单《{{title}}》已通过专家论证，待市科技局发榜后即面向社会公开征集揭榜方。', link },
    vars: (e) => ({ challengeId: e.subject, title: e.data.title }),
  }),
  // A work item: the enterprise revises and resubmits.
  notice(challengeReturnedV1, 'enterprise', {
    ...base,
    mandatory: true,
    priority: 'normal',
    audiences: [enterprise],
    template: { title: '榜单退回修改：{{title}}', body: '市科技局在专家论证后退回了您的榜单《{{title}}》，意见：{{comments}}。请按意见修改后重新提交。', link },
    vars: (e) => ({ challengeId: e.subject, title: e.data.title, comments: said(e.data.comments) }),
  }),
  // A final ruling against the enterprise.
  notice(challengeRejectedV1, 'enterprise', {
    ...base,
    mandatory: true,
    priority: 'normal',
    audiences: [enterprise],
    template: { title: '榜单论证未通过：{{title}}', body: '您的榜单《{{title}}》经专家论证未予通过，理由：{{reason}}。', link },
    vars: (e) => ({ challengeId: e.subject, title: e.data.title, reason: said(e.data.reason) }),
  }),
  notice(challengePublishedV1, 'enterprise', {
    ...base,
    mandatory: false,
    priority: 'normal',
    audiences: [enterprise],
    template: {
      title: '榜单已发布：{{title}}',
      body: '您的榜单《{{title}}》已正式发榜（{{mode}}），悬赏 {{bountyWan}} 万元，揭榜截止 {{deadlineAt}}。收到揭榜申请和答疑提问时将通知您。',
      link,
    },
    vars: (e) => ({
      challengeId: e.subject,
      title: e.data.title,
      mode: MODE_LABELS[e.data.mode],
      bountyWan: wan(e.data.bountyYuan),
      deadlineAt: zhDeadline(e.data.deadlineAt),
    }),
  }),
  notice(challengePublishedV1, 'district-office', {
    ...base,
    mandatory: false,
    priority: 'low',
    audiences: [audience.districtOffice((e) => e.data.districtCode)],
    template: {
      title: '辖区企业榜单发布：{{title}}',
      body: '辖区企业{{enterpriseName}}的榜单《{{title}}》已由市科技局发布，悬赏 {{bountyWan}} 万元，揭榜截止 {{deadlineAt}}。',
      link,
    },
    vars: (e) => ({
      challengeId: e.subject,
      title: e.data.title,
      enterpriseName: e.data.enterpriseName,
      bountyWan: wan(e.data.bountyYuan),
      deadlineAt: zhDeadline(e.data.deadlineAt),
    }),
  }),
  // A deadline: every applicant must know it moved.
  notice(challengeDeadlineExtendedV1, 'applicants', {
    ...base,
    mandatory: true,
    priority: 'normal',
    audiences: applicantsOf((e) => e.data.applicants),
    template: {
      title: '揭榜截止时间延长：{{title}}',
      body: '榜单《{{title}}》的揭榜截止时间由 {{previousDeadlineAt}} 延长至 {{deadlineAt}}，原因：{{reason}}。截止前您仍可修改或撤回申请。',
      link,
    },
    vars: (e) => ({
      challengeId: e.subject,
      title: e.data.title,
      previousDeadlineAt: zhDeadline(e.data.previousDeadlineAt),
      deadlineAt: zhDeadline(e.data.deadlineAt),
      reason: said(e.data.reason),
    }),
  }),
  notice(challengeDeadlineExtendedV1, 'enterprise', {
    ...base,
    mandatory: false,
    priority: 'normal',
    audiences: [enterprise],
    template: {
      title: '榜单截止时间已延长：{{title}}',
      body: '市科技局将您的榜单《{{title}}》的揭榜截止时间由 {{previousDeadlineAt}} 延长至 {{deadlineAt}}，原因：{{reason}}。',
      link,
    },
    vars: (e) => ({
      challengeId: e.subject,
      title: e.data.title,
      previousDeadlineAt: zhDeadline(e.data.previousDeadlineAt),
      deadlineAt: zhDeadline(e.data.deadlineAt),
      reason: said(e.data.reason),
    }),
  }),
  // A work item: the formal check of what came in. With nothing in, the 榜单 fails at once and that is notified.
  notice(challengeClosedV1, 'bureau', {
    ...base,
    mandatory: true,
    priority: 'normal',
    isNews: (e) => e.data.applicationCount > 0,
    audiences: [audience.bureau()],
    template: {
      title: '榜单揭榜截止，待形式审查：{{title}}',
      body: '{{enterpriseName}}的榜单《{{title}}》已于 {{closedAt}} 截止揭榜，共收到有效申请 {{applicationCount}} 份，请组织形式审查。',
      link,
    },
    vars: (e) => ({
      challengeId: e.subject,
      title: e.data.title,
      enterpriseName: e.data.enterpriseName,
      closedAt: zhTime(e.data.closedAt),
      applicationCount: e.data.applicationCount,
    }),
  }),
  notice(challengeClosedV1, 'enterprise', {
    ...base,
    mandatory: false,
    priority: 'low',
    audiences: [enterprise],
    template: {
      title: '榜单揭榜截止：{{title}}',
      body: '您的榜单《{{title}}》已于 {{closedAt}} {{closedBy}}，共收到申请 {{applicationCount}} 份，下一步将进行形式审查和专家评审。',
      link,
    },
    vars: (e) => ({
      challengeId: e.subject,
      title: e.data.title,
      closedAt: zhTime(e.data.closedAt),
      closedBy: e.data.by === 'deadline' ? '到期截止揭榜' : `由市科技局提前截止揭榜（原因：${said(e.data.reason ?? '未说明')}）`,
      applicationCount: e.data.applicationCount,
    }),
  }),
  // A work item: the bureau approves or denies.
  notice(challengeWithdrawalRequestedV1, 'bureau', {
    ...base,
    mandatory: true,
    priority: 'normal',
    audiences: [audience.bureau()],
    template: { title: '撤榜申请待审批：{{title}}', body: '{{enterpriseName}}申请撤回已发布的榜单《{{title}}》，理由：{{reason}}。请审批。', link },
    vars: (e) => ({ challengeId: e.subject, title: e.data.title, enterpriseName: e.data.enterpriseName, reason: said(e.data.reason) }),
  }),
  // It ends every application to the 榜单.
  notice(challengeWithdrawnV1, 'applicants', {
    ...base,
    mandatory: true,
    priority: 'normal',
    audiences: applicantsOf((e) => e.data.applicants),
    template: { title: '榜单已撤榜：{{title}}', body: '您申请揭榜的榜单《{{title}}》已撤榜，原因：{{reason}}。您的揭榜申请随之终止。', link },
    vars: (e) => ({ challengeId: e.subject, title: e.data.title, reason: said(e.data.reason) }),
  }),
  // The bureau's decision on the enterprise's request; a withdrawal before publication is the enterprise's own act.
  notice(challengeWithdrawnV1, 'enterprise', {
    ...base,
    mandatory: false,
    priority: 'normal',
    isNews: (e) => e.data.viaRequest,
    audiences: [enterprise],
    template: { title: '撤榜申请已同意：{{title}}', body: '市科技局已同意撤回您的榜单《{{title}}》，意见：{{decisionReason}}。榜单已撤榜。', link },
    vars: (e) => ({ challengeId: e.subject, title: e.data.title, decisionReason: said(e.data.decisionReason ?? '同意') }),
  }),
  notice(challengeWithdrawnV1, 'bureau', {
    ...base,
    mandatory: false,
    priority: 'low',
    isNews: (e) => !e.data.viaRequest,
    audiences: [audience.bureau()],
    template: { title: '企业撤回榜单：{{title}}', body: '{{enterpriseName}}在发榜前撤回了榜单《{{title}}》，原因：{{reason}}。', link },
    vars: (e) => ({ challengeId: e.subject, title: e.data.title, enterpriseName: e.data.enterpriseName, reason: said(e.data.reason) }),
  }),
  notice(challengeWithdrawalDeniedV1, 'enterprise', {
    ...base,
    mandatory: true,
    priority: 'normal',
    audiences: [enterprise],
    template: { title: '撤榜申请未获同意：{{title}}', body: '市科技局未同意撤回榜单《{{title}}》，理由：{{reason}}。榜单将继续按流程进行。', link },
    vars: (e) => ({ challengeId: e.subject, title: e.data.title, reason: said(e.data.reason) }),
  }),
  notice(challengeFailedV1, 'enterprise', {
    ...base,
    mandatory: true,
    priority: 'normal',
    audiences: [enterprise],
    template: {
      title: '榜单流标：{{title}}',
      body: '您的榜单《{{title}}》经形式审查无合格申请（不合格 {{ineligibleCount}} 份，撤回 {{withdrawnCount}} 份），已流标。如仍有需求，可调整后重新发起榜单。',
      link,
    },
    vars: (e) => ({ challengeId: e.subject, title: e.data.title, ineligibleCount: e.data.ineligibleCount, withdrawnCount: e.data.withdrawnCount }),
  }),
  notice(challengeFailedV1, 'applicants', {
    ...base,
    mandatory: true,
    priority: 'normal',
    audiences: applicantsOf((e) => e.data.applicants),
    template: { title: '榜单流标：{{title}}', body: '您申请揭榜的榜单《{{title}}》因无通过形式审查的申请而流标，本次揭榜结束。', link },
    vars: (e) => ({ challengeId: e.subject, title: e.data.title }),
  }),
  notice(challengeReviewStartedV1, 'enterprise', {
    ...base,
    mandatory: false,
    priority: 'low',
    audiences: [enterprise],
    template: {
      title: '榜单进入专家评审：{{title}}',
      body: '您的榜单《{{title}}》的 {{applicationCount}} 份合格申请已交由 {{expertCount}} 位评审专家评审，评审预计于 {{reviewDueAt}} 前完成。',
      link,
    },
    vars: (e) => ({
      challengeId: e.subject,
      title: e.data.title,
      applicationCount: e.data.applicationCount,
      expertCount: e.data.expertCount,
      reviewDueAt: zhDeadline(e.data.reviewDueAt),
    }),
  }),
  // 公示 results: mandatory for the enterprise and every applicant.
  notice(challengePublicNoticeOpenedV1, 'enterprise', {
    ...base,
    mandatory: true,
    priority: 'normal',
    audiences: [enterprise],
    template: {
      title: '榜单评审结果公示：{{title}}',
      body: '您的榜单《{{title}}》的评审结果开始公示，拟定揭榜方：{{proposed}}。公示期至 {{endsAt}}，期间任何人可提出异议；公示期满无异议即定榜。',
      link,
    },
    vars: (e) => ({ challengeId: e.subject, title: e.data.title, proposed: withScores(e.data.proposed), endsAt: zhTime(e.data.endsAt) }),
  }),
  notice(challengePublicNoticeOpenedV1, 'applicants', {
    ...base,
    mandatory: true,
    priority: 'normal',
    audiences: applicantsOf((e) => e.data.applicants),
    template: {
      title: '揭榜评审结果公示：{{title}}',
      body: '您申请揭榜的榜单《{{title}}》评审结果开始公示，拟定揭榜方：{{proposed}}。公示期至 {{endsAt}}，如有异议请在公示期内提出。',
      link,
    },
    vars: (e) => ({ challengeId: e.subject, title: e.data.title, proposed: withScores(e.data.proposed), endsAt: zhTime(e.data.endsAt) }),
  }),
  // A work item with a deadline: the end of the 公示.
  notice(challengeObjectionLodgedV1, 'bureau', {
    ...base,
    mandatory: true,
    priority: 'normal',
    audiences: [audience.bureau()],
    template: {
      title: '公示异议待处理：{{title}}',
      body: '榜单《{{title}}》的公示收到一项来自{{objectorRole}}的异议，理由：{{reasons}}（附证据 {{evidenceCount}} 份）。公示期至 {{endsAt}}，请核查后裁定异议是否成立。',
      link,
    },
    vars: (e) => ({
      challengeId: e.subject,
      title: e.data.title,
      objectorRole: ROLE_LABELS[e.data.objectorRole],
      reasons: listed(e.data.reasons.map(said)),
      evidenceCount: e.data.evidence.length,
      endsAt: zhTime(e.data.publicNoticeEndsAt),
    }),
  }),
  // The enterprise learns that its 公示 is contested, not by whom (objectors stay anonymous to it, as in the list).
  notice(challengeObjectionLodgedV1, 'enterprise', {
    ...base,
    mandatory: true,
    priority: 'normal',
    audiences: [enterprise],
    template: {
      title: '榜单公示收到异议：{{title}}',
      body: '您的榜单《{{title}}》的评审结果公示收到一项异议，市科技局将核查后裁定。异议裁定前不会定榜；公示期至 {{endsAt}}。',
      link,
    },
    vars: (e) => ({ challengeId: e.subject, title: e.data.title, endsAt: zhTime(e.data.publicNoticeEndsAt) }),
  }),
  // An objection outcome changes the 公示: the objector and every applicant hear of it.
  notice(challengeObjectionUpheldV1, 'parties', {
    ...base,
    mandatory: true,
    priority: 'normal',
    audiences: applicantsAnd(
      (e) => e.data.applicants,
      (e) => ({ orgId: e.data.objectorOrgId, role: e.data.objectorRole }),
    ),
    template: {
      title: '公示异议成立，重新评审：{{title}}',
      body: '市科技局认定针对榜单《{{title}}》公示的一项异议成立：{{reason}}。公示中止，涉及的 {{applicationCount}} 份申请将重新评审，新的评审结果将重新公示。',
      link,
    },
    vars: (e) => ({ challengeId: e.subject, title: e.data.title, reason: said(e.data.reason), applicationCount: e.data.applicationIds.length }),
  }),
  notice(challengeObjectionUpheldV1, 'enterprise', {
    ...base,
    mandatory: true,
    priority: 'normal',
    audiences: [enterprise],
    template: {
      title: '公示异议成立，重新评审：{{title}}',
      body: '市科技局认定针对您的榜单《{{title}}》公示的一项异议成立：{{reason}}。公示中止，涉及的 {{applicationCount}} 份申请将重新评审。',
      link,
    },
    vars: (e) => ({ challengeId: e.subject, title: e.data.title, reason: said(e.data.reason), applicationCount: e.data.applicationIds.length }),
  }),
  notice(challengeObjectionDismissedV1, 'parties', {
    ...base,
    mandatory: true,
    priority: 'normal',
    audiences: applicantsAnd(
      (e) => e.data.applicants,
      (e) => ({ orgId: e.data.objectorOrgId, role: e.data.objectorRole }),
    ),
    template: {
      title: '公示异议不成立：{{title}}',
      body: '市科技局认定针对榜单《{{title}}》公示的一项异议不成立：{{reason}}。公示继续，公示期满且无其他异议即定榜。',
      link,
    },
    vars: (e) => ({ challengeId: e.subject, title: e.data.title, reason: said(e.data.reason) }),
  }),
  notice(challengeObjectionDismissedV1, 'enterprise', {
    ...base,
    mandatory: false,
    priority: 'normal',
    audiences: [enterprise],
    template: { title: '公示异议不成立：{{title}}', body: '市科技局认定针对您的榜单《{{title}}》公示的一项异议不成立：{{reason}}。公示继续。', link },
    vars: (e) => ({ challengeId: e.subject, title: e.data.title, reason: said(e.data.reason) }),
  }),
  // Awards: mandatory for the winners, the other applicants and the enterprise.
  notice(challengeAwardedV1, 'winners', {
    ...base,
    mandatory: true,
    priority: 'normal',
    audiences: applicantsOf((e) => e.data.winners.map((w) => ({ orgId: w.solverOrgId, role: w.solverRole }))),
    template: {
      title: '揭榜成功：{{title}}',
      body: '榜单《{{title}}》公示期满，您被确定为揭榜方（{{mode}}，共 {{winnerCount}} 家），悬赏总额 {{bountyWan}} 万元。请留意签约通知并按期签约。',
      link,
    },
    vars: (e) => ({
      challengeId: e.subject,
      title: e.data.title,
      mode: MODE_LABELS[e.data.mode],
      winnerCount: e.data.winners.length,
      bountyWan: wan(e.data.bountyYuan),
    }),
  }),
  notice(challengeAwardedV1, 'applicants', {
    ...base,
    mandatory: true,
    priority: 'normal',
    audiences: applicantsOf((e) => e.data.applicants.filter((a) => !e.data.winners.some((w) => w.solverOrgId === a.orgId && w.solverRole === a.role))),
    template: { title: '榜单定榜结果：{{title}}', body: '榜单《{{title}}》公示期满，已确定揭榜方：{{winners}}。感谢您的参与。', link },
    vars: (e) => ({ challengeId: e.subject, title: e.data.title, winners: listed(e.data.winners.map((w) => w.solverName)) }),
  }),
  notice(challengeAwardedV1, 'enterprise', {
    ...base,
    mandatory: true,
    priority: 'normal',
    audiences: [enterprise],
    template: {
      title: '榜单已定榜：{{title}}',
      body: '您的榜单《{{title}}》已定榜（{{mode}}），揭榜方：{{winners}}。平台已为每家揭榜方创建项目，签约后进入实施。',
      link,
    },
    vars: (e) => ({ challengeId: e.subject, title: e.data.title, mode: MODE_LABELS[e.data.mode], winners: listed(e.data.winners.map((w) => w.solverName)) }),
  }),
  notice(challengeAwardedV1, 'district-office', {
    ...base,
    mandatory: false,
    priority: 'low',
    audiences: [audience.districtOffice((e) => e.data.districtCode)],
    template: { title: '辖区企业榜单定榜：{{title}}', body: '辖区企业{{enterpriseName}}的榜单《{{title}}》已定榜，揭榜方：{{winners}}。', link },
    vars: (e) => ({ challengeId: e.subject, title: e.data.title, enterpriseName: e.data.enterpriseName, winners: listed(e.data.winners.map((w) => w.solverName)) }),
  }),
  // A work item: answers are due to every would-be applicant. The asker stays anonymous.
  notice(challengeQuestionAskedV1, 'enterprise', {
    ...base,
    mandatory: true,
    priority: 'normal',
    audiences: [enterprise],
    template: {
      title: '榜单收到新提问：{{title}}',
      body: '有揭榜意向方就榜单《{{title}}》提问：“{{question}}”请及时答复，答复内容将向所有揭榜方公开。',
      link: '/challenges/{{challengeId}}/questions',
    },
    vars: (e) => ({ challengeId: e.subject, title: e.data.title, question: e.data.question }),
  }),
  notice(challengeQuestionAnsweredV1, 'parties', {
    ...base,
    mandatory: false,
    priority: 'normal',
    audiences: applicantsAnd(
      (e) => e.data.applicants,
      (e) => ({ orgId: e.data.askerOrgId, role: e.data.askerRole }),
    ),
    template: {
      title: '榜单答疑更新：{{title}}',
      body: '榜单《{{title}}》有新的答疑。问：{{question}} 答：{{answer}}',
      link: '/challenges/{{challengeId}}/questions',
    },
    vars: (e) => ({ challengeId: e.subject, title: e.data.title, question: e.data.question, answer: e.data.answer }),
  }),
];
