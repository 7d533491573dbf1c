import {
  reviewCompletedV1,
  reviewConflictDeclaredV1,
  reviewExpertRemindedV1,
  reviewExpertReplacedV1,
  reviewExpertsAssignedV1,
  reviewFormalCheckCompletedV1,
  reviewReopenedV1,
  type RankedApplication,
  type ReviewOutcome,
} from '@jiebang/contracts';
import { audience } from './audience';
import { listed, said, zhDeadline } from './format';
import { notice, type NoticeSpec } from './notice';
import { applicantsOf, distinct, EVERY_CHANNEL, PERSONAL_CHANNELS } from './parties';

/** Review is about applications; experts are addressed in person (their user id), never their employer. */
const base = { category: 'application' } as const;
const reviewsLink = '/reviews?challengeId={{challengeId}}';

const withOutcome = (outcome: ReviewOutcome) =>
  applicantsOf<{ data: { ranking: RankedApplication[] } }>((e) =>
    e.data.ranking.filter((r) => r.outcome === outcome).map((r) => ({ orgId: r.applicantOrgId, role: r.applicantRole })),
  );

/** Notices of the review stream: the formal check's end, expert review and its outcome. */
export const REVIEW_NOTICES: NoticeSpec[] = [
  // A work item: assign experts. The bureau's own last formal-check decision completes it, so it is told anyway.
  notice(reviewFormalCheckCompletedV1, 'bureau', {
    ...base,
    mandatory: true,
    priority: 'normal',
    notifyActor: true,
    isNews: (e) => e.data.qualified.length > 0,
    audiences: [audience.bureau()],
    channels: EVERY_CHANNEL,
    template: {
      title: '形式审查完成，待分配评审专家：{{challengeTitle}}',
      body: '榜单《{{challengeTitle}}》形式审查已完成：合格 {{qualifiedCount}} 份，不合格 {{ineligibleCount}} 份，撤回 {{withdrawnCount}} 份。请分配评审专家。',
      link: '/challenges/{{challengeId}}',
    },
    vars: (e) => ({
      challengeId: e.subject,
      challengeTitle: e.data.challengeTitle,
      qualifiedCount: e.data.qualified.length,
      ineligibleCount: e.data.ineligibleCount,
      withdrawnCount: e.data.withdrawnCount,
    }),
  }),
  notice(reviewExpertsAssignedV1, 'experts', {
    ...base,
    mandatory: true,
    priority: 'normal',
    audiences: [audience.users('expert', (e) => distinct(e.data.assignments.flatMap((a) => a.experts.map((x) => x.ownerId))))],
    channels: PERSONAL_CHANNELS,
    template: {
      title: '评审任务：{{challengeTitle}}',
      body: '市科技局邀请您评审榜单《{{challengeTitle}}》的揭榜申请，请于 {{dueAt}} 前登录平台完成评分。如与申请单位存在利益关系，请先声明回避。',
      link: reviewsLink,
    },
    vars: (e) => ({ challengeId: e.subject, challengeTitle: e.data.challengeTitle, dueAt: zhDeadline(e.data.dueAt) }),
  }),
  // A work item: the application needs another expert.
  notice(reviewConflictDeclaredV1, 'bureau', {
    ...base,
    mandatory: true,
    priority: 'normal',
    audiences: [audience.bureau()],
    channels: EVERY_CHANNEL,
    template: {
      title: '评审专家声明回避：{{challengeTitle}}',
      body: '评审专家{{expertName}}对榜单《{{challengeTitle}}》的一份申请声明回避，理由：{{reason}}。请为该申请更换评审专家。',
      link: '/applications/{{applicationId}}',
    },
    vars: (e) => ({ applicationId: e.data.applicationId, challengeTitle: e.data.challengeTitle, expertName: e.data.expert.name, reason: said(e.data.reason) }),
  }),
  notice(reviewExpertRemindedV1, 'experts', {
    ...base,
    mandatory: true,
    priority: 'normal',
    audiences: [audience.users('expert', (e) => distinct(e.data.pending.map((p) => p.ownerId)))],
    channels: PERSONAL_CHANNELS,
    template: {
      title: '评审提醒：{{challengeTitle}}',
      body: '您负责的榜单《{{challengeTitle}}》评审截止时间为 {{dueAt}}，您尚有评分未提交，请尽快完成。',
      link: reviewsLink,
    },
    vars: (e) => ({ challengeId: e.subject, challengeTitle: e.data.challengeTitle, dueAt: zhDeadline(e.data.dueAt) }),
  }),
  notice(reviewExpertRemindedV1, 'bureau', {
    ...base,
    mandatory: false,
    priority: 'low',
    audiences: [audience.bureau()],
    channels: EVERY_CHANNEL,
    template: {
      title: '评审未按期完成：{{challengeTitle}}',
      body: '榜单《{{challengeTitle}}》的评审截止时间 {{dueAt}} 已到，仍有 {{pendingCount}} 份评审未提交（{{experts}}），已提醒相关专家。如需要可更换专家。',
      link: '/challenges/{{challengeId}}',
    },
    vars: (e) => ({
      challengeId: e.subject,
      challengeTitle: e.data.challengeTitle,
      dueAt: zhDeadline(e.data.dueAt),
      pendingCount: e.data.pending.length,
      experts: listed(distinct(e.data.pending.map((p) => p.name))),
    }),
  }),
  notice(reviewExpertReplacedV1, 'replacement', {
    ...base,
    mandatory: true,
    priority: 'normal',
    audiences: [audience.users('expert', (e) => [e.data.replacement.ownerId])],
    channels: PERSONAL_CHANNELS,
    template: {
      title: '评审任务：{{challengeTitle}}',
      body: '市科技局邀请您接替原评审专家，评审榜单《{{challengeTitle}}》的一份揭榜申请，请于 {{dueAt}} 前完成评分。如与申请单位存在利益关系，请先声明回避。',
      link: '/reviews/{{reviewId}}',
    },
    vars: (e) => ({ reviewId: e.data.replacement.reviewId, challengeTitle: e.data.challengeTitle, dueAt: zhDeadline(e.data.dueAt) }),
  }),
  notice(reviewExpertReplacedV1, 'replaced', {
    ...base,
    mandatory: false,
    priority: 'normal',
    audiences: [audience.users('expert', (e) => [e.data.replaced.ownerId])],
    channels: PERSONAL_CHANNELS,
    template: {
      title: '评审任务已改派：{{challengeTitle}}',
      body: '市科技局已将您在榜单《{{challengeTitle}}》中的一份评审任务改派其他专家，您无需再评审该申请。',
      link: '/reviews',
    },
    vars: (e) => ({ challengeTitle: e.data.challengeTitle }),
  }),
  // Each applicant learns its own outcome; 公示 follows for the proposed ones.
  notice(reviewCompletedV1, 'proposed', {
    ...base,
    mandatory: true,
    priority: 'normal',
    audiences: withOutcome('PROPOSED'),
    channels: EVERY_CHANNEL,
    template: {
      title: '评审结果：拟定为揭榜方（{{challengeTitle}}）',
      body: '榜单《{{challengeTitle}}》专家评审已完成，您的申请拟定为揭榜方，即将进入公示；公示期满无异议即定榜。',
      link: '/challenges/{{challengeId}}',
    },
    vars: (e) => ({ challengeId: e.subject, challengeTitle: e.data.challengeTitle }),
  }),
  notice(reviewCompletedV1, 'shortlisted', {
    ...base,
    mandatory: true,
    priority: 'normal',
    audiences: withOutcome('SHORTLISTED'),
    channels: EVERY_CHANNEL,
    template: {
      title: '评审结果：列为备选（{{challengeTitle}}）',
      body: '榜单《{{challengeTitle}}》专家评审已完成，您的申请列为备选单位。拟定揭榜方放弃或逾期未签约时，将按排名递补。',
      link: '/challenges/{{challengeId}}',
    },
    vars: (e) => ({ challengeId: e.subject, challengeTitle: e.data.challengeTitle }),
  }),
  notice(reviewCompletedV1, 'not-selected', {
    ...base,
    mandatory: true,
    priority: 'normal',
    audiences: withOutcome('NOT_SELECTED'),
    channels: EVERY_CHANNEL,
    template: {
      title: '评审结果：未入选（{{challengeTitle}}）',
      body: '榜单《{{challengeTitle}}》专家评审已完成，您的申请未入选。感谢您的参与。',
      link: '/challenges/{{challengeId}}',
    },
    vars: (e) => ({ challengeId: e.subject, challengeTitle: e.data.challengeTitle }),
  }),
  notice(reviewReopenedV1, 'experts', {
    ...base,
    mandatory: true,
    priority: 'normal',
    audiences: [audience.users('expert', (e) => distinct(e.data.reviews.map((r) => r.ownerId)))],
    channels: PERSONAL_CHANNELS,
    template: {
      title: '评审重新开启：{{challengeTitle}}',
      body: '因公示期间的异议成立，榜单《{{challengeTitle}}》的部分申请需重新评审，您的相关评审已重新开放，请于 {{dueAt}} 前确认或修改评分。',
      link: reviewsLink,
    },
    vars: (e) => ({ challengeId: e.subject, challengeTitle: e.data.challengeTitle, dueAt: zhDeadline(e.data.dueAt) }),
  }),
];
