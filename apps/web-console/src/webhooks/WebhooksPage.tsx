import { Alert, App, Button, Card, Form, Input, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../api/clients';
import { unwrap } from '../api/errors';
import type { paths } from '../api/generated/notification';
import { bodySchema, schemaRules } from '../api/schema-rules';
import { ApiErrorAlert } from '../common/ApiErrorAlert';
import { showFieldErrors } from '../common/form-errors';
import { PageTitle } from '../common/PageTitle';
import { categoryLabel } from '../notifications/labels';

type RegisterBody = paths['/api/v1/webhooks']['post']['requestBody']['content']['application/json'];
const BODY = bodySchema('notification', 'POST /api/v1/webhooks');
const CATEGORY_OPTIONS = (BODY.properties!.categories.items!.enum as string[]).map((c) => ({ value: c, label: categoryLabel(c) }));
const KEY = ['webhooks'] as const;

/** notification-service's endpoint (webhook-endpoint.entity.ts), without its secret. */
interface Endpoint {
  id: string;
  url: string;
  categories: string[];
  description: string | null;
  status: 'active' | 'disabled';
  consecutiveFailures: number;
  lastError: string | null;
  lastSuccessAt: string | null;
  createdAt: string;
}

/** Webhooks of the organisation (per role): register, see their health, re-enable, rotate the secret, delete. */
export default function WebhooksPage() {
  const api = useApi();
  const client = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<RegisterBody>();
  const [secret, setSecret] = useState<{ url: string; secret: string }>();
  const list = useQuery({ queryKey: KEY, queryFn: () => unwrap<{ items: Endpoint[]; total: number }>(api.notification.GET('/api/v1/webhooks', { params: { query: { pageSize: 100 } } })) });
  const settle = () => client.invalidateQueries({ queryKey: KEY });
  const register = useMutation({ mutationFn: (body: RegisterBody) => unwrap<Endpoint & { secret: string }>(api.notification.POST('/api/v1/webhooks', { body })), onSettled: settle });
  const path = (id: string) => ({ params: { path: { id } } });
  const remove = useMutation({ mutationFn: (id: string) => unwrap(api.notification.DELETE('/api/v1/webhooks/{id}', path(id))), onSettled: settle });
  const enable = useMutation({ mutationFn: (id: string) => unwrap(api.notification.POST('/api/v1/webhooks/{id}/enable', path(id))), onSettled: settle });
  const rotate = useMutation({ mutationFn: (id: string) => unwrap<{ id: string; secret: string }>(api.notification.POST('/api/v1/webhooks/{id}/rotate-secret', path(id))), onSettled: settle });

  const add = async () => {
    const v = await form.validateFields().catch(() => undefined);
    if (!v) return;
    await register.mutateAsync({ ...v, description: v.description || null }).then(
      (created) => {
        setSecret({ url: created.url, secret: created.secret });
        form.resetFields();
      },
      (e: unknown) => showFieldErrors(form, e, ['url', 'categories', 'description']),
    );
  };

  return (
    <>
      <PageTitle>接口推送（Webhook）</PageTitle>
      <Typography.Paragraph>
        本机构（按当前角色）订阅的通知会以 HTTP POST 推送到登记的地址，请求头带 HMAC-SHA256 签名，接收方用签名密钥验证。连续失败多次的地址会被停用，修复后可重新启用。
      </Typography.Paragraph>
      {secret && (
        <Alert
          type="success"
          showIcon
          closable
          onClose={() => setSecret(undefined)}
          style={{ marginBottom: 16 }}
          message={`签名密钥（仅显示这一次，请妥善保存）：${secret.url}`}
          description={<Typography.Text copyable code data-testid="webhook-secret">{secret.secret}</Typography.Text>}
        />
      )}
      <ApiErrorAlert error={register.error ?? remove.error ?? enable.error ?? rotate.error ?? list.error} />
      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>登记推送地址</h2>}>
        <Form form={form} layout="vertical" style={{ maxWidth: 820 }} initialValues={{ categories: [] }}>
          <Form.Item name="url" label="推送地址" rules={[...schemaRules(BODY, 'url', '推送地址'), { type: 'url', message: '请填写 http(s) 地址' }]}>
            <Input placeholder="https://erp.example.cn/jiebang/webhook" />
          </Form.Item>
          <Form.Item name="categories" label="通知类别" rules={schemaRules(BODY, 'categories', '通知类别')}>
            <Select mode="multiple" options={CATEGORY_OPTIONS} />
          </Form.Item>
          <Form.Item name="description" label="说明" rules={schemaRules(BODY, 'description', '说明')}>
            <Input placeholder="例如：企业 ERP 系统" />
          </Form.Item>
          <Button type="primary" onClick={() => void add()} loading={register.isPending}>
            登记
          </Button>
        </Form>
      </Card>
      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>已登记的地址</h2>} style={{ marginTop: 16 }}>
        <Table<Endpoint>
          rowKey="id"
          loading={list.isLoading}
          dataSource={list.data?.items}
          locale={{ emptyText: <Typography.Text>还没有登记推送地址</Typography.Text> }}
          pagination={false}
          scroll={{ x: true }}
          columns={[
            { title: '地址', dataIndex: 'url' },
            { title: '通知类别', dataIndex: 'categories', render: (c: string[]) => c.map(categoryLabel).join('、') },
            { title: '说明', dataIndex: 'description', render: (d: string | null) => d ?? '—' },
            { title: '状态', key: 'status', render: (_, e) => (e.status === 'active' ? <Tag color="#237804">启用</Tag> : <Tag color="error">已停用</Tag>) },
            { title: '最近成功', dataIndex: 'lastSuccessAt', render: (at: string | null) => (at ? dayjs(at).format('YYYY-MM-DD HH:mm') : '—') },
            { title: '最近错误', key: 'lastError', render: (_, e) => (e.lastError ? `${e.lastError}（连续 ${e.consecutiveFailures} 次）` : '—') },
            {
              title: '操作',
              key: 'actions',
              render: (_, e) => (
                <Space wrap>
                  {e.status !== 'active' && (
                    <Button size="small" onClick={() => enable.mutateAsync(e.id).then(() => void message.success('已重新启用'), () => undefined)}>
                      重新启用
                    </Button>
                  )}
                  <Popconfirm title="更换后旧密钥立即失效。确认更换？" okText="更换" cancelText="取消" onConfirm={() => rotate.mutateAsync(e.id).then((r) => setSecret({ url: e.url, secret: r.secret }), () => undefined)}>
                    <Button size="small">更换密钥</Button>
                  </Popconfirm>
                  <Popconfirm title="删除后不再推送到该地址。确认删除？" okText="删除" cancelText="取消" onConfirm={() => remove.mutateAsync(e.id).then(() => void message.success('已删除'), () => undefined)}>
                    <Button size="small" danger>
                      删除
                    </Button>
                  </Popconfirm>
                </Space>
              ),
            },
          ]}
        />
      </Card>
    </>
  );
}
