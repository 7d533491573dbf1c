import { DomainError } from '@jiebang/contracts';
import type { Category, Channel, NoticeMeta } from '../catalogue/notice';

/** `digest`: low-priority notices wait for the daily e-mail digest; others still go out at once. */
export const MODES = ['immediate', 'digest', 'off'] as const;
export type Mode = (typeof MODES)[number];

/** An organisation's choices; a missing entry means `immediate`. */
export type PreferenceSet = ReadonlyMap<`${Category}/${Channel}`, Mode>;

export type Decision = 'send' | 'digest' | 'suppress';

export function decide(notice: Pick<NoticeMeta, 'mandatory' | 'priority' | 'category'>, channel: Channel, prefs: PreferenceSet): Decision {
  if (notice.mandatory) return 'send';
  const mode = prefs.get(`${notice.category}/${channel}`) ?? 'immediate';
  if (mode === 'off') return 'suppress';
  if (mode === 'digest' && channel === 'email' && notice.priority === 'low') return 'digest';
  return 'send';
}

/** A digest is an e-mail; asking for one on another channel is a mistake the caller should hear about. */
export function checkPreference(channel: Channel, mode: Mode): void {
  if (mode === 'digest' && channel !== 'email') {
    throw DomainError.invalid('PREFERENCE_DIGEST_EMAIL_ONLY', '每日摘要仅适用于电子邮件渠道', 'mode', { channel });
  }
}
