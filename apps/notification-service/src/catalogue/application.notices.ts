import {
  applicationContractedV1,
  applicationForfeitedV1,
  applicationFormalCheckDecidedV1,
  applicationPromotedV1,
  applicationSelectedV1,
  applicationSubmittedV1,
  applicationWithdrawnV1,
  type ApplicantRole,
  type FormalCheckOutcome,
} from '@jiebang/contracts';
import { audience } from './audience';
import { said, zhDeadline } from './format';
import { notice, type NoticeSpec } from './notice';
import { applicantsOf, EVERY_CHANNEL } from './parties';

type Ref = { data: { enterpriseOrgId: string; applicantOrgId: string; applicantRole: ApplicantRole } };
const enterprise = audience.org<Ref>('enterprise', (e) => e.data.enterpriseOrgId);
/** The applicant itself, in the role it applied in. */
const applicant = applicantsOf<Ref>((e) => [{ orgId: e.data.applicantOrgId, role: e.data.applicantRole }]);
const base = { category: 'application', channels: EVERY_CHANNEL } as const;
const OUTCOME_LABELS: Record<FormalCheckOutcome, string> = { QUALIFIED: '合格', INELIGIBLE: '不合格', RETURNED: '退回补正' };

function formalCheckNext(outcome: FormalCheckOutcome, reason: string | null, deadlineAt: string): string {
  if (outcome === 'QUALIFIED') return '申请将进入专家评审。';
  if (outcome === 'INELIGIBLE') return `原因：${said(reason ?? '未说明')}。`;
  return `需补正：${said(reason ?? '未说明')}。请在 ${zhDeadline(deadlineAt)} 前修改并重新提交，逾期未补正视为不合格。`;
}

/** Notices of the application (揭榜申请) stream. */
export const APPLICATION_NOTICES: NoticeSpec[] = [
  // Awareness for the enterprise: it does not act on applications.
  notice(applicationSubmittedV1, 'enterprise', {
    ...base,
    mandatory: false,
    priority: 'low',
    audiences: [enterprise],
    template: {
      title: '收到揭榜申请：{{challengeTitle}}',
      body: '{{applicantName}}{{action}}您的榜单《{{challengeTitle}}》的揭榜申请。截止后将进行形式审查和专家评审。',
      link: '/challenges/{{challengeId}}',
    },
    vars: (e) => ({
      challengeId: e.data.challengeId,
      challengeTitle: e.data.challengeTitle,
      applicantName: e.data.applicantName,
      action: e.data.resubmission ? '补正后重新提交了' : '提交了',
    }),
  }),
  // The formal check may start before the deadline; the bureau gets its work item at closing in any case.
  notice(applicationSubmittedV1, 'bureau', {
    ...base,
    mandatory: false,
    priority: 'low',
    audiences: [audience.bureau()],
    template: {
      title: '新揭榜申请待形式审查：{{challengeTitle}}',
      body: '{{applicantName}}{{action}}榜单《{{challengeTitle}}》的揭榜申请，可进行形式审查。',
      link: '/applications/{{applicationId}}',
    },
    vars: (e) => ({
      applicationId: e.subject,
      challengeTitle: e.data.challengeTitle,
      applicantName: e.data.applicantName,
      action: e.data.resubmission ? '补正后重新提交了' : '提交了',
    }),
  }),
  notice(applicationWithdrawnV1, 'enterprise', {
    ...base,
    mandatory: false,
    priority: 'low',
    audiences: [enterprise],
    template: {
      title: '揭榜申请已撤回：{{challengeTitle}}',
      body: '{{applicantName}}撤回了对榜单《{{challengeTitle}}》的揭榜申请，原因：{{reason}}。',
      link: '/challenges/{{challengeId}}',
    },
    vars: (e) => ({ challengeId: e.data.challengeId, challengeTitle: e.data.challengeTitle, applicantName: e.data.applicantName, reason: said(e.data.reason) }),
  }),
  // A ruling, and when RETURNED a work item with a deadline.
  notice(applicationFormalCheckDecidedV1, 'applicant', {
    ...base,
    mandatory: true,
    priority: 'normal',
    audiences: applicant,
    template: {
      title: '形式审查结果：{{outcome}}（{{challengeTitle}}）',
      body: '您对榜单《{{challengeTitle}}》的揭榜申请形式审查结果为“{{outcome}}”。{{next}}',
      link: '/applications/{{applicationId}}',
    },
    vars: (e) => ({
      applicationId: e.subject,
      challengeTitle: e.data.challengeTitle,
      outcome: OUTCOME_LABELS[e.data.outcome],
      next: formalCheckNext(e.data.outcome, e.data.reason, e.data.deadlineAt),
    }),
  }),
  // A deadline: unsigned by then, the place goes to a reserve.
  notice(applicationSelectedV1, 'applicant', {
    ...base,
    mandatory: true,
    priority: 'normal',
    audiences: applicant,
    template: {
      title: '请按期签约：{{challengeTitle}}',
      body: '您已被确定为榜单《{{challengeTitle}}》的揭榜方，请于 {{dueAt}} 前完成项目签约；逾期未签约视为放弃，由备选单位递补。',
      link: '/projects/{{projectId}}',
    },
    vars: (e) => ({ projectId: e.data.projectId, challengeTitle: e.data.challengeTitle, dueAt: zhDeadline(e.data.dueAt) }),
  }),
  notice(applicationContractedV1, 'enterprise', {
    ...base,
    mandatory: false,
    priority: 'normal',
    audiences: [enterprise],
    template: {
      title: '揭榜方已签约：{{challengeTitle}}',
      body: '{{applicantName}}已签订榜单《{{challengeTitle}}》的项目合同，项目进入实施阶段。',
      link: '/projects/{{projectId}}',
    },
    vars: (e) => ({ projectId: e.data.projectId, challengeTitle: e.data.challengeTitle, applicantName: e.data.applicantName }),
  }),
  notice(applicationForfeitedV1, 'applicant', {
    ...base,
    mandatory: true,
    priority: 'normal',
    audiences: applicant,
    template: {
      title: '逾期未签约，揭榜资格取消：{{challengeTitle}}',
      body: '您未在 {{dueAt}} 前完成榜单《{{challengeTitle}}》的项目签约，按规定视为放弃揭榜资格。',
      link: '/applications/{{applicationId}}',
    },
    vars: (e) => ({ applicationId: e.subject, challengeTitle: e.data.challengeTitle, dueAt: zhDeadline(e.data.dueAt) }),
  }),
  notice(applicationForfeitedV1, 'enterprise', {
    ...base,
    mandatory: false,
    priority: 'normal',
    audiences: [enterprise],
    template: {
      title: '揭榜方逾期未签约：{{challengeTitle}}',
      body: '{{applicantName}}未在 {{dueAt}} 前签约，已放弃榜单《{{challengeTitle}}》的揭榜资格。{{next}}',
      link: '/projects/{{projectId}}',
    },
    vars: (e) => ({
      projectId: e.data.projectId,
      challengeTitle: e.data.challengeTitle,
      applicantName: e.data.applicantName,
      dueAt: zhDeadline(e.data.dueAt),
      next: e.data.promotedApplicationId ? '平台已按评审排名递补备选单位，递补结果另行通知。' : '已无备选单位可递补，该项目将终止。',
    }),
  }),
  notice(applicationPromotedV1, 'applicant', {
    ...base,
    mandatory: true,
    priority: 'normal',
    audiences: applicant,
    template: {
      title: '递补为揭榜方，请按期签约：{{challengeTitle}}',
      body: '因原揭榜方逾期未签约，您的申请（评审排名第 {{rank}}）递补为榜单《{{challengeTitle}}》的揭榜方。请于 {{dueAt}} 前完成项目签约，逾期视为放弃。',
      link: '/projects/{{projectId}}',
    },
    vars: (e) => ({ projectId: e.data.projectId, challengeTitle: e.data.challengeTitle, rank: e.data.rank, dueAt: zhDeadline(e.data.dueAt) }),
  }),
  notice(applicationPromotedV1, 'enterprise', {
    ...base,
    mandatory: false,
    priority: 'normal',
    audiences: [enterprise],
    template: {
      title: '备选单位递补为揭榜方：{{challengeTitle}}',
      body: '{{applicantName}}（评审排名第 {{rank}}）递补为榜单《{{challengeTitle}}》的揭榜方，签约截止 {{dueAt}}。',
      link: '/projects/{{projectId}}',
    },
    vars: (e) => ({
      projectId: e.data.projectId,
      challengeTitle: e.data.challengeTitle,
      applicantName: e.data.applicantName,
      rank: e.data.rank,
      dueAt: zhDeadline(e.data.dueAt),
    }),
  }),
];
