import { z } from 'zod';
import { CATEGORIES } from '../catalogue/notice';
import { pagingShape } from '../paging';

export const inboxQuerySchema = z.strictObject({
  unread: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  category: z.enum(CATEGORIES).optional(),
  ...pagingShape(20),
});
export type InboxQueryInput = z.infer<typeof inboxQuerySchema>;

export const readAllSchema = z.strictObject({ category: z.enum(CATEGORIES).optional() });

/** EventSource cannot send headers, so the stream takes the token in the query. */
export const streamQuerySchema = z.strictObject({ access_token: z.string().max(8_192).optional() });

export const notificationIdSchema = z.uuid({ message: '通知编号格式不正确' });
