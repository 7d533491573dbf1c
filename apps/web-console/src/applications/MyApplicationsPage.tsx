import { Card, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { bodySchema } from '../api/schema-rules';
import { ApiErrorAlert } from '../common/ApiErrorAlert';
import { PageTitle } from '../common/PageTitle';
import { ActionButton, reasonField } from '../lifecycle/ActionButton';
import { ChallengeName } from './ChallengeName';
import { APPLICATION_STATUS, type Application } from './model';
import { useApplicationCommand, useApplications } from './queries';
import { empty } from '../lifecycle/empty';

const PAGE_SIZE = 10;
const WITHDRAW = reasonField(bodySchema('matching', 'POST /api/v1/applications/{id}/withdraw'), 'reason', '撤回理由');
const at = (t: string | null) => (t ? dayjs(t).format('YYYY-MM-DD HH:mm') : '—');

function Actions({ a }: { a: Application }) {
  const command = useApplicationCommand();
  const run = (cmd: Parameters<typeof command.mutateAsync>[0]['cmd']) => command.mutateAsync({ id: a.id, cmd });
  return (
    <Space wrap>
      {(a.status === 'DRAFT' || a.status === 'SUBMITTED' || a.status === 'RETURNED') && <Link to={`/applications/${a.id}/edit`}>修改</Link>}
      {(a.status === 'DRAFT' || a.status === 'RETURNED') && (
        <ActionButton primary label="提交" confirm="提交后进入形式审查；截止前仍可修改或撤回。" done="申请已提交" onRun={() => run({ kind: 'submit' })} />
      )}
      {(a.status === 'DRAFT' || a.status === 'SUBMITTED' || a.status === 'RETURNED') && (
        <ActionButton danger label="撤回" confirm="撤回后本申请作废（截止前可重新申请）。" fields={[WITHDRAW]} done="申请已撤回" onRun={(v) => run({ kind: 'withdraw', reason: v.reason as string })} />
      )}
      {a.status === 'SELECTED' && (
        <ActionButton primary label="签约" confirm={`确认与发榜企业签订揭榜合同${a.signDueAt ? `（签约期限 ${at(a.signDueAt)}）` : ''}。逾期未签约视为放弃，由候补递补。`} done="已签约，项目开始实施" onRun={() => run({ kind: 'sign' })} />
      )}
      {a.projectId && (a.status === 'CONTRACTED' || a.status === 'SELECTED') && <Link to={`/projects/${a.projectId}`}>查看项目</Link>}
    </Space>
  );
}

/** 揭榜方 follows its applications: where each stands, and what it may do now (submit, withdraw, sign). */
export default function MyApplicationsPage() {
  const [page, setPage] = useState(1);
  const list = useApplications({ page, pageSize: PAGE_SIZE });
  return (
    <>
      <PageTitle>我的揭榜申请</PageTitle>
      <Typography.Paragraph>截止前可修改或撤回申请；入选后须在签约期限内签约。</Typography.Paragraph>
      <ApiErrorAlert error={list.error} />
      <Card>
        <Table<Application>
          rowKey="id"
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: empty('还没有揭榜申请') }}
          pagination={{ current: page, pageSize: PAGE_SIZE, total: list.data?.total ?? 0, onChange: setPage, hideOnSinglePage: true }}
          columns={[
            { title: '榜单', dataIndex: 'challengeId', render: (id: string) => <ChallengeName id={id} /> },
            { title: '申请画像', dataIndex: 'applicantName', width: 200 },
            {
              title: '状态',
              dataIndex: 'status',
              width: 160,
              render: (s: Application['status'], a) => (
                <>
                  <Tag color={APPLICATION_STATUS[s]?.color}>{APPLICATION_STATUS[s]?.label ?? s}</Tag>
                  {a.checkReason && <div style={{ fontSize: 12 }}>审查意见：{a.checkReason}</div>}
                </>
              ),
            },
            { title: '提交时间', dataIndex: 'submittedAt', width: 150, render: at },
            { title: '操作', key: 'actions', width: 220, render: (_: unknown, a) => <Actions a={a} /> },
          ]}
        />
      </Card>
    </>
  );
}
