import { z } from 'zod';
import { CATEGORIES } from '../catalogue/notice';

export const inboxQuerySchema = z.strictObject({
  unread: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  category: z.enum(CATEGORIES).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type InboxQueryInput = z.infer<typeof inboxQuerySchema>;

export const readAllSchema = z.strictObject({ category: z.enum(CATEGORIES).optional() });

/** EventSource cannot send headers, so the stream takes the token in the query. */
export const streamQuerySchema = z.strictObject({ access_token: z.string().optional() });

export const notificationIdSchema = z.uuid({ message: '通知编号格式不正确' });
