import { fieldCodeSchema } from '@jiebang/contracts';
import { z } from 'zod';

const chinaDate = z.iso.date({ message: '日期格式应为 YYYY-MM-DD' });

/** GET /dashboard: a period of China dates (both ends included) and a technology field; each optional. */
export const dashboardQuerySchema = z.strictObject({
  from: chinaDate.optional(),
  to: chinaDate.optional(),
  field: fieldCodeSchema.optional(),
});
export type DashboardQueryInput = z.infer<typeof dashboardQuerySchema>;
