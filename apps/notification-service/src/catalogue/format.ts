import { districtName, type ServiceMode, type Urgency } from '@jiebang/contracts';

/** 万元 for people; the wire carries integer yuan. */
export const wan = (yuan: number) => (yuan / 10_000).toLocaleString('zh-CN', { maximumFractionDigits: 2 });

const CHINA = { timeZone: 'Asia/Shanghai', hour12: false } as const;
export const zhTime = (iso: string) => new Date(iso).toLocaleString('zh-CN', CHINA);
export const zhDate = (iso: string) => new Date(iso).toLocaleDateString('zh-CN', { timeZone: 'Asia/Shanghai' });

const DAY_MS = 86_400_000;
/**
 * A deadline as people say it: one at China midnight is the end of the day before ("6月30日 24:00"), which is how
 * deadlines given as a date are stored; any other instant to the minute.
 */
export function zhDeadline(iso: string): string {
  const at = new Date(iso);
  const [date, time] = at.toLocaleString('zh-CN', CHINA).split(' ');
  if (time === '00:00:00' || time === '24:00:00') return `${new Date(at.getTime() - DAY_MS).toLocaleDateString('zh-CN', { timeZone: 'Asia/Shanghai' })} 24:00`;
  return `${date} ${time.slice(0, 5)}`;
}

/** The timer fires when due, so "0 days" is the usual case; whole days show when the escalation came late. */
export const overdue = (seconds: number) => (seconds < 86_400 ? '已超期不足 1 天' : `已超期 ${Math.floor(seconds / 86_400)} 天`);

export const districtLabel = (code: string) => districtName(code) ?? code;

/** A short list for a sentence: 重庆大学、西南石油大学. */
export const listed = (items: readonly string[]) => items.join('、');

export const URGENCY_LABELS: Record<Urgency, string> = { LOW: '不紧急', NORMAL: '一般', HIGH: '紧急' };
export const SERVICE_MODE_LABELS: Record<ServiceMode, string> = { ON_SITE: '现场服务', REMOTE: '远程服务' };

/** What someone wrote, without its closing punctuation, so a template can end the sentence itself ("…：{{reason}}。"). */
export const said = (text: string) => text.replace(/[。．.！!；;，,、\s]+$/u, '');
