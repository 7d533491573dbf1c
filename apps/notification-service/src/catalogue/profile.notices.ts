import { profileDisputeUpheldV1, profileRatedV1, profileWithdrawnV1 } from '@jiebang/contracts';
import { audience } from './audience';
import { zhDate } from './format';
import { notice, type NoticeSpec } from './notice';

/**
 * A rating is recorded when the enterprise gives it, so its event follows within moments (or within days after an
 * outage and a DLQ re-drive). One recorded more than this long after it was given is an import of past ratings
 * (`npm run seed` posts some 1,500 of them, migrated paper records would be the same): it counts towards the
 * reputation, but it is not news to its owner.
 */
export const RATING_NEWS_WINDOW_DAYS = 7;

export function isRecentRating(e: { time: string; data: { ratedAt: string } }): boolean {
  return Date.parse(e.time) - Date.parse(e.data.ratedAt) <= RATING_NEWS_WINDOW_DAYS * 86_400_000;
}

/**
 * Notices of the profile stream, to the team, solver or expert whose matching profile it is. An expert is a person:
 * notices about an expert's profile go to that expert (`data.ownerId`, or the owner its registration named), never
 * to the expert's colleagues at the employing organisation.
 */
const owner = audience.profileOwner<{ subject: string; data: { ownerId?: string } }>(
  (e) => e.subject,
  (e) => e.data.ownerId,
);
export const PROFILE_NOTICES: NoticeSpec[] = [
  // A ruling against the candidate that changes whom it is recommended to.
  notice(profileDisputeUpheldV1, 'owner', {
    category: 'profile',
    mandatory: true,
    priority: 'normal',
    audiences: [owner],
    channels: ['inbox', 'email', 'webhook'],
    template: {
      title: '服务争议裁定：企业申诉被维持',
      body: '编号 {{disputeId}} 的企业申诉经复核于 {{upheldDate}} 被维持，理由：{{reason}}。维持期间平台不会再向该企业推荐您。如有异议，可在平台上提出复议。',
      link: '/profiles/{{profileId}}',
    },
    vars: (e) => ({ profileId: e.subject, disputeId: e.data.disputeId, upheldDate: zhDate(e.data.upheldAt), reason: e.data.reason }),
  }),
  notice(profileRatedV1, 'owner', {
    category: 'profile',
    mandatory: false,
    priority: 'low',
    isNews: isRecentRating,
    audiences: [owner],
    channels: ['inbox', 'email', 'webhook'],
    template: {
      title: '收到企业评价：{{score}} 星',
      body: '服务过的企业于 {{ratedDate}} 给出了 {{score}} 星评价（评价编号 {{ratingId}}），已计入您的信誉分。',
      link: '/profiles/{{profileId}}',
    },
    vars: (e) => ({ profileId: e.subject, score: e.data.score, ratedDate: zhDate(e.data.ratedAt), ratingId: e.data.ratingId }),
  }),
  // Withdrawn by an authority, the owner must learn why; withdrawn by the owner, it is not told (actor rule).
  notice(profileWithdrawnV1, 'owner', {
    category: 'profile',
    mandatory: false,
    priority: 'normal',
    audiences: [owner],
    channels: ['inbox', 'email'],
    template: {
      title: '您的匹配档案已撤下',
      body: '您的匹配档案已于 {{withdrawnDate}} 撤下，原因：{{reason}}。撤下后不再参与揭榜与特派员服务的推荐。',
      link: '/profiles/{{profileId}}',
    },
    vars: (e) => ({ profileId: e.subject, withdrawnDate: zhDate(e.data.withdrawnAt), reason: e.data.reason }),
  }),
];
