import { App, Button, Card, Popconfirm, Segmented, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { bodySchema } from '../api/schema-rules';
import { districtName } from '../api/vocabulary';
import { ApiErrorAlert } from '../common/ApiErrorAlert';
import { PageTitle } from '../common/PageTitle';
import { ReasonButton } from '../common/ReasonButton';
import { ENTERPRISE_STATUS_COLOR, ENTERPRISE_STATUS_LABEL, ENTERPRISE_TYPE_LABEL, QUALIFICATION_LABEL } from './labels';
import { useEnterpriseQueue, useVerification, type Enterprise } from './queries';

const REJECT = bodySchema('challenge', 'POST /api/v1/enterprises/{orgId}/reject');
const PAGE_SIZE = 20;
const stateLabel = (s: string) => ENTERPRISE_STATUS_LABEL[s] ?? s;

/** 区县科技局 (and the bureau): enterprises waiting for verification; verify, or reject with a reason. */
export default function EnterpriseQueuePage() {
  const [status, setStatus] = useState<Enterprise['status']>('PENDING');
  const [page, setPage] = useState(1);
  const queue = useEnterpriseQueue({ status, page, pageSize: PAGE_SIZE });
  const { verify, reject } = useVerification();
  const { message } = App.useApp();
  return (
    <>
      <PageTitle>企业认证</PageTitle>
      <Typography.Paragraph>核对企业名称、统一社会信用代码与所在区县后认证；认证通过的企业才能发布榜单和服务需求。</Typography.Paragraph>
      <ApiErrorAlert error={queue.error ?? verify.error} stateLabel={stateLabel} />
      <Card>
        <Segmented
          aria-label="按认证状态筛选"
          style={{ marginBottom: 16 }}
          value={status}
          onChange={(v) => {
            setStatus(v as Enterprise['status']);
            setPage(1);
          }}
          options={(['PENDING', 'VERIFIED', 'REJECTED'] as const).map((s) => ({ value: s, label: ENTERPRISE_STATUS_LABEL[s] }))}
        />
        <Table<Enterprise>
          rowKey="orgId"
          loading={queue.isLoading}
          dataSource={queue.data?.items}
          locale={{ emptyText: <Typography.Text>{status === 'PENDING' ? '没有待认证的企业' : '暂无企业'}</Typography.Text> }}
          pagination={{ current: page, pageSize: PAGE_SIZE, total: queue.data?.total, onChange: setPage }}
          scroll={{ x: true }}
          columns={[
            { title: '企业名称', dataIndex: 'name' },
            { title: '统一社会信用代码', dataIndex: 'creditCode' },
            { title: '所在区县', dataIndex: 'districtCode', render: districtName },
            { title: '类型', dataIndex: 'type', render: (t: string) => ENTERPRISE_TYPE_LABEL[t] ?? t },
            { title: '资质', dataIndex: 'qualifications', render: (q: string[]) => q.map((x) => QUALIFICATION_LABEL[x] ?? x).join('、') || '—' },
            { title: '联系人', dataIndex: 'contacts', render: (c: Enterprise['contacts']) => c.map((x) => `${x.name} ${x.phone}`).join('；') },
            { title: '状态', dataIndex: 'status', render: (s: Enterprise['status']) => <Tag color={ENTERPRISE_STATUS_COLOR[s]}>{ENTERPRISE_STATUS_LABEL[s]}</Tag> },
            { title: '更新时间', dataIndex: 'updatedAt', render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm') },
            {
              title: '操作',
              key: 'actions',
              render: (_, e) =>
                e.status === 'PENDING' ? (
                  <Space>
                    <Popconfirm title={`确认认证 ${e.name}？`} okText="认证" cancelText="取消" onConfirm={() => verify.mutateAsync(e.orgId).then(() => void message.success(`已认证：${e.name}`), () => undefined)}>
                      <Button type="primary" size="small">
                        认证通过
                      </Button>
                    </Popconfirm>
                    <ReasonButton label="不予认证" danger body={REJECT} fieldLabel="不予认证的理由" stateLabel={stateLabel} onSubmit={(reason) => reject.mutateAsync({ orgId: e.orgId, reason })} />
                  </Space>
                ) : (
                  e.rejectionReason && `理由：${e.rejectionReason}`
                ),
            },
          ]}
        />
      </Card>
    </>
  );
}
