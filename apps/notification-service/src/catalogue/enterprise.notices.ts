import {
  districtName,
  ENTERPRISE_TYPE_LABELS,
  enterpriseRegisteredV1,
  enterpriseUpdatedV1,
  enterpriseVerificationRejectedV1,
  enterpriseVerifiedV1,
} from '@jiebang/contracts';
import { audience } from './audience';
import { notice, type NoticeSpec } from './notice';

const zhDate = (iso: string) => new Date(iso).toLocaleDateString('zh-CN', { timeZone: 'Asia/Shanghai' });
const district = (code: string) => districtName(code) ?? code;

/** The district office of the enterprise's (new) district verifies the profile; the enterprise hears the decision. */
const office = audience.districtOffice<{ data: { districtCode: string } }>((e) => e.data.districtCode);
const enterprise = audience.org<{ subject: string }>('enterprise', (e) => e.subject);

/** Notices of the enterprise stream (企业档案与认证). */
export const ENTERPRISE_NOTICES: NoticeSpec[] = [
  // A work item: until the office verifies it, the enterprise can submit neither 榜单 nor service orders.
  notice(enterpriseRegisteredV1, 'district-office', {
    category: 'enterprise',
    mandatory: true,
    priority: 'normal',
    audiences: [office],
    channels: ['inbox', 'email', 'webhook'],
    template: {
      title: '新企业档案待认证：{{name}}',
      body: '{{name}}（{{typeLabel}}，统一社会信用代码 {{creditCode}}）登记了{{districtName}}的企业档案，请核验企业信息后认证或退回。认证通过前，该企业不能提交榜单或服务需求。',
      link: '/enterprises/{{orgId}}',
    },
    vars: (e) => ({
      orgId: e.subject,
      name: e.data.name,
      typeLabel: ENTERPRISE_TYPE_LABELS[e.data.type],
      creditCode: e.data.creditCode,
      districtName: district(e.data.districtCode),
    }),
  }),
  // Only a change that reset the verification is work; other edits (contacts, qualifications) are the enterprise's own.
  notice(enterpriseUpdatedV1, 'district-office', {
    category: 'enterprise',
    mandatory: true,
    priority: 'normal',
    isNews: (e) => e.data.verificationReset,
    audiences: [office],
    channels: ['inbox', 'email', 'webhook'],
    template: {
      title: '企业档案变更待重新认证：{{name}}',
      body: '{{name}}（统一社会信用代码 {{creditCode}}，{{districtName}}）修改了企业档案，认证状态已重置为待认证，请重新核验后认证或退回。',
      link: '/enterprises/{{orgId}}',
    },
    vars: (e) => ({ orgId: e.subject, name: e.data.name, creditCode: e.data.creditCode, districtName: district(e.data.districtCode) }),
  }),
  notice(enterpriseVerifiedV1, 'enterprise', {
    category: 'enterprise',
    mandatory: false,
    priority: 'normal',
    audiences: [enterprise],
    channels: ['inbox', 'email', 'webhook'],
    template: {
      title: '企业档案已通过认证',
      body: '{{name}}的企业档案已于 {{verifiedDate}} 通过认证，现在可以提交榜单和服务需求。',
      link: '/enterprises/me',
    },
    vars: (e) => ({ name: e.data.name, verifiedDate: zhDate(e.data.verifiedAt) }),
  }),
  // A refusal the enterprise must act on (correct and resubmit), so no preference silences it.
  notice(enterpriseVerificationRejectedV1, 'enterprise', {
    category: 'enterprise',
    mandatory: true,
    priority: 'normal',
    audiences: [enterprise],
    channels: ['inbox', 'email', 'webhook'],
    template: {
      title: '企业档案认证未通过',
      body: '{{name}}的企业档案于 {{rejectedDate}} 未通过认证，原因：{{reason}}。请按意见修改企业档案，保存后将重新提交认证。',
      link: '/enterprises/me',
    },
    vars: (e) => ({ name: e.data.name, rejectedDate: zhDate(e.data.rejectedAt), reason: e.data.reason }),
  }),
];
