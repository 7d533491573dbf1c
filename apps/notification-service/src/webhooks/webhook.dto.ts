import { z } from 'zod';
import { CATEGORIES } from '../catalogue/notice';
import { pagingShape } from '../paging';

export const registerWebhookSchema = z.strictObject({
  url: z
    .url({ protocol: /^https?$/, message: '请填写 http(s) 地址' })
    .max(500)
    // Credentials in the URL would be stored and listed in clear; receivers authenticate us by the signature.
    // zod runs refinements even after the URL check failed: only parse what the check accepted (else a 500).
    .refine((u) => !URL.canParse(u) || (!new URL(u).username && !new URL(u).password), '地址中不能包含用户名或密码'),
  categories: z.array(z.enum(CATEGORIES)).min(1).max(CATEGORIES.length),
  description: z.string().max(200).nullable().default(null),
});
export type RegisterWebhookInput = z.infer<typeof registerWebhookSchema>;

export const webhookIdSchema = z.uuid({ message: 'Webhook 端点编号格式不正确' });

export const listWebhooksSchema = z.strictObject(pagingShape(20));
