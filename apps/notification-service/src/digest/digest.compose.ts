import type { DeliveryContent } from '../catalogue/channel-input';
import type { TemplateVars } from '../catalogue/notice';

const day = (d: Date) => d.toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
const time = (iso: string) => new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });

/** The variables of the digest template: the day, how many, and the numbered list of the notices it folds in. */
export function digestVars(items: DeliveryContent[], cutoff: Date, webBaseUrl: string): TemplateVars {
  const lines = items.map(
    (c, i) => `${i + 1}. ${c.title}（${time(c.occurredAt)}）\n   ${c.body}\n   ${new URL(c.link, webBaseUrl).toString()}`,
  );
  return { date: day(cutoff), count: items.length, items: lines.join('\n\n') };
}
