/** docs/workflows.md §1: an enterprise profile's states, and MISSING when there is none (ENTERPRISE_NOT_VERIFIED). */
export const ENTERPRISE_STATUS_LABEL: Record<string, string> = { PENDING: '待认证', VERIFIED: '已认证', REJECTED: '认证未通过', MISSING: '未登记' };
export const ENTERPRISE_STATUS_COLOR: Record<string, string> = { PENDING: 'processing', VERIFIED: '#237804', REJECTED: 'error' };

export const ENTERPRISE_TYPE_LABEL: Record<string, string> = {
  private: '民营企业',
  'state-owned': '国有企业',
  foreign: '外资企业',
  joint: '合资企业',
  collective: '集体企业',
  other: '其他',
};

/** libs/contracts QUALIFICATIONS, as the platform names them. */
export const QUALIFICATION_LABEL: Record<string, string> = {
  'tech-sme': '科技型中小企业',
  'high-tech': '高新技术企业',
  'specialized-sme': '专精特新中小企业',
  'little-giant': '专精特新“小巨人”企业',
  'tech-leader': '科技领军企业',
};
