import { z } from 'zod';

/** Who a principal is. `district` principals are scoped by a district code; `expert` only sees what is assigned to them. */
export const ROLES = ['enterprise', 'solver', 'team', 'district', 'bureau', 'expert', 'admin'] as const;
export type Role = (typeof ROLES)[number];
export const roleSchema = z.enum(ROLES);

export const ROLE_LABELS: Record<Role, string> = {
  enterprise: '企业',
  solver: '揭榜方',
  team: '科技特派员团',
  district: '区县科技局',
  bureau: '市科技局',
  expert: '评审专家',
  admin: '系统管理员',
};
