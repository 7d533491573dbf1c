import { challengeSubmittedV1, challengeVettingOverdueV1, districtName } from '@jiebang/contracts';
import { audience } from './audience';
import { notice, type NoticeSpec } from './notice';

const wan = (yuan: number) => (yuan / 10_000).toLocaleString('zh-CN', { maximumFractionDigits: 2 });
const zhTime = (iso: string) => new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
/** The timer fires when due, so "0 days" is the usual case; whole days show when the escalation came late. */
const overdue = (seconds: number) => (seconds < 86_400 ? '已超期不足 1 天' : `已超期 ${Math.floor(seconds / 86_400)} 天`);

/** Notices of the challenge (榜单) stream. */
export const CHALLENGE_NOTICES: NoticeSpec[] = [
  // A work item: the bureau must organise 专家论证, so muting it would stall the challenge.
  notice(challengeSubmittedV1, 'bureau', {
    category: 'challenge',
    mandatory: true,
    priority: 'normal',
    audiences: [audience.bureau()],
    channels: ['inbox', 'email', 'webhook'],
    template: {
      title: '新榜单待论证：{{title}}',
      body: '{{enterpriseName}}（{{districtName}}）提交了榜单《{{title}}》，悬赏 {{bountyWan}} 万元，揭榜截止 {{deadline}}，请组织专家论证。',
      link: '/challenges/{{challengeId}}',
    },
    vars: (e) => ({
      challengeId: e.subject,
      title: e.data.title,
      enterpriseName: e.data.enterpriseName,
      districtName: districtName(e.data.districtCode) ?? e.data.districtCode,
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
    channels: ['inbox', 'email', 'webhook'],
    template: {
      title: '辖区企业提交榜单：{{title}}',
      body: '辖区企业{{enterpriseName}}向市科技局提交了榜单《{{title}}》（悬赏 {{bountyWan}} 万元），目前等待专家论证。',
      link: '/challenges/{{challengeId}}',
    },
    vars: (e) => ({
      challengeId: e.subject,
      title: e.data.title,
      enterpriseName: e.data.enterpriseName,
      bountyWan: wan(e.data.bountyYuan),
    }),
  }),
  // An escalation: mandatory, so no preference can silence it.
  notice(challengeVettingOverdueV1, 'bureau', {
    category: 'challenge',
    mandatory: true,
    priority: 'normal',
    audiences: [audience.bureau()],
    channels: ['inbox', 'email', 'webhook'],
    template: {
      title: '榜单论证超期：{{title}}',
      body: '{{enterpriseName}}（{{districtName}}）于 {{submittedAt}} 提交的榜单《{{title}}》应于 {{dueAt}} 前启动专家论证，至今未启动，{{overdue}}。请尽快组织专家论证。',
      link: '/challenges/{{challengeId}}',
    },
    vars: (e) => ({
      challengeId: e.subject,
      title: e.data.title,
      enterpriseName: e.data.enterpriseName,
      districtName: districtName(e.data.districtCode) ?? e.data.districtCode,
      submittedAt: zhTime(e.data.submittedAt),
      dueAt: zhTime(e.data.dueAt),
      overdue: overdue(e.data.overdueSeconds),
    }),
  }),
];
