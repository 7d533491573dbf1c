import { DomainError } from '@jiebang/contracts';
import type { Category } from '../catalogue/notice';

/** An endpoint as the registration rules see it. */
export interface RegisteredEndpoint {
  id: string;
  url: string;
  categories: string[];
}

/** The same receiver, however the URL was spelt (`HTTPS://Erp.Example.com:443/h` is `https://erp.example.com/h`). */
const sameUrl = (a: string, b: string) => new URL(a).href === new URL(b).href;

/**
 * At most `max` endpoints per audience (each is called for every notice of its categories), and not a second one
 * for a URL and a category the audience already has: the receiver would get every such notice twice.
 */
export function checkRegistration(existing: RegisteredEndpoint[], input: { url: string; categories: Category[] }, max: number): void {
  const overlap = (e: RegisteredEndpoint) => e.categories.filter((c) => (input.categories as string[]).includes(c));
  const twin = existing.find((e) => sameUrl(e.url, input.url) && overlap(e).length > 0);
  if (twin) {
    throw new DomainError('conflict', 'WEBHOOK_DUPLICATE', '该地址已登记过这些通知类别的 Webhook 端点，请勿重复登记', {
      field: 'url',
      endpointId: twin.id,
      categories: overlap(twin),
    });
  }
  if (existing.length >= max) {
    throw new DomainError('conflict', 'WEBHOOK_ENDPOINT_LIMIT', `每个机构每个角色最多登记 ${max} 个 Webhook 端点，请先删除不用的端点`, { limit: max });
  }
}
