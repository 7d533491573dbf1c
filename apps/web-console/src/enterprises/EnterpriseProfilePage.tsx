import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, Select, Skeleton, Space, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import vocabulary from '../api/generated/vocabulary.json';
import { bodySchema, schemaRules, type JsonSchema } from '../api/schema-rules';
import { ApiErrorAlert } from '../common/ApiErrorAlert';
import { showFieldErrors } from '../common/form-errors';
import { PageTitle } from '../common/PageTitle';
import { isCreditCode } from './credit-code';
import { ENTERPRISE_STATUS_COLOR, ENTERPRISE_STATUS_LABEL, ENTERPRISE_TYPE_LABEL, QUALIFICATION_LABEL } from './labels';
import { useMyEnterprise, useSaveEnterprise, type EnterpriseBody } from './queries';

const BODY = bodySchema('challenge', 'PUT /api/v1/enterprises/me');
const CONTACT = (BODY.properties!.contacts as JsonSchema).items!;
const FORM_FIELDS = ['name', 'creditCode', 'districtCode', 'type', 'qualifications', 'contacts', 'relatedOrgIds'];
const DISTRICTS = vocabulary.districts.map((d) => ({ value: d.code, label: d.name }));

/** 企业档案: the enterprise registers or edits itself; a change of name, credit code or district needs verifying again. */
export default function EnterpriseProfilePage() {
  const me = useMyEnterprise();
  const save = useSaveEnterprise();
  const [form] = Form.useForm<EnterpriseBody>();
  const { message } = App.useApp();

  useEffect(() => {
    if (me.data) form.setFieldsValue(me.data);
  }, [me.data, form]);

  const submit = async () => {
    const v = await form.validateFields().catch(() => undefined);
    if (!v) return;
    const body = { ...v, contacts: v.contacts.map((c) => ({ name: c.name, phone: c.phone, ...(c.title ? { title: c.title } : {}), ...(c.email ? { email: c.email } : {}) })) };
    await save.mutateAsync(body).then(
      (saved) => void message.success(saved.status === 'VERIFIED' ? '企业档案已保存' : '企业档案已保存，等待所在区县科技局认证'),
      (e: unknown) => showFieldErrors(form, e, FORM_FIELDS),
    );
  };

  if (me.isLoading) return <Skeleton active />;
  const e = me.data;
  return (
    <>
      <PageTitle>企业档案</PageTitle>
      <ApiErrorAlert error={me.error ?? save.error} stateLabel={(s) => ENTERPRISE_STATUS_LABEL[s] ?? s} />
      {e ? (
        <Typography.Paragraph>
          认证状态：<Tag color={ENTERPRISE_STATUS_COLOR[e.status]} data-testid="enterprise-status">{ENTERPRISE_STATUS_LABEL[e.status]}</Tag>
          {e.status === 'PENDING' && '所在区县科技局认证后即可发布榜单和服务需求。'}
        </Typography.Paragraph>
      ) : (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} message="尚未登记企业档案" description="登记并通过所在区县科技局认证后，才能发布榜单和服务需求。" />
      )}
      {e?.status === 'REJECTED' && <Alert type="error" showIcon style={{ marginBottom: 16 }} message="认证未通过" description={`理由：${e.rejectionReason ?? '—'}。修改后保存即重新提交认证。`} />}
      <Card>
        <Form<EnterpriseBody> form={form} layout="vertical" initialValues={{ type: 'private', qualifications: [], relatedOrgIds: [], contacts: [{ name: '', phone: '' }] }} style={{ maxWidth: 820 }}>
          <Form.Item name="name" label="企业名称" rules={schemaRules(BODY, 'name', '企业名称')}>
            <Input />
          </Form.Item>
          <Form.Item
            name="creditCode"
            label="统一社会信用代码"
            normalize={(v: string) => v?.toUpperCase().trim()}
            rules={[
              ...schemaRules(BODY, 'creditCode', '统一社会信用代码'),
              { validator: async (_r, v: string) => { if (v && !isCreditCode(v)) throw new Error('统一社会信用代码不正确（18 位，末位为校验码）'); } },
            ]}
          >
            <Input style={{ width: 280 }} />
          </Form.Item>
          <Space size="large" wrap>
            <Form.Item name="districtCode" label="所在区县" rules={schemaRules(BODY, 'districtCode', '所在区县')}>
              <Select options={DISTRICTS} style={{ width: 200 }} showSearch optionFilterProp="label" />
            </Form.Item>
            <Form.Item name="type" label="企业类型" rules={schemaRules(BODY, 'type', '企业类型')}>
              <Select options={Object.entries(ENTERPRISE_TYPE_LABEL).map(([value, label]) => ({ value, label }))} style={{ width: 200 }} />
            </Form.Item>
          </Space>
          <Form.Item name="qualifications" label="企业资质" rules={schemaRules(BODY, 'qualifications', '企业资质')}>
            <Select mode="multiple" options={Object.entries(QUALIFICATION_LABEL).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
          <Form.List name="contacts">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f, i) => (
                  <Space key={f.key} align="start" wrap>
                    <Form.Item name={[f.name, 'name']} label={`联系人 ${i + 1}`} rules={schemaRules(CONTACT, 'name', '联系人姓名')}>
                      <Input style={{ width: 140 }} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'title']} label="职务" rules={schemaRules(CONTACT, 'title', '职务')}>
                      <Input style={{ width: 140 }} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'phone']} label="电话" rules={schemaRules(CONTACT, 'phone', '电话')}>
                      <Input style={{ width: 160 }} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'email']} label="邮箱" rules={schemaRules(CONTACT, 'email', '邮箱')}>
                      <Input style={{ width: 200 }} />
                    </Form.Item>
                    {fields.length > 1 && <Button type="text" aria-label={`删除联系人 ${i + 1}`} icon={<MinusCircleOutlined />} onClick={() => remove(f.name)} style={{ marginTop: 30 }} />}
                  </Space>
                ))}
                <Form.Item>
                  <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: '', phone: '' })}>
                    添加联系人
                  </Button>
                </Form.Item>
              </>
            )}
          </Form.List>
          <Form.Item name="relatedOrgIds" label="关联机构编号（股东、母公司、合作方，评审与推荐时回避）" extra="输入后按回车添加" rules={schemaRules(BODY, 'relatedOrgIds', '关联机构编号')}>
            <Select mode="tags" open={false} />
          </Form.Item>
          <Button type="primary" onClick={() => void submit()} loading={save.isPending}>
            {e ? '保存修改' : '登记并提交认证'}
          </Button>
        </Form>
      </Card>
    </>
  );
}
