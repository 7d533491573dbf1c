import { Card, Skeleton, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useAuth } from '../auth/AuthProvider';
import { ApiErrorAlert } from '../common/ApiErrorAlert';
import { PageTitle } from '../common/PageTitle';
import { ChallengeLedgerTable } from './LedgerTable';
import { PROJECT_STATUS, type Project } from './model';
import { useChallengeLedger, useProjects } from './queries';
import { empty } from '../lifecycle/empty';

const PAGE_SIZE = 10;

/** Projects the caller may see (the service scopes them); with a 榜单 chosen, that 榜单's whole ledger too. */
export default function ProjectListPage() {
  const { principal } = useAuth();
  const [params] = useSearchParams();
  const challengeId = params.get('challengeId') ?? undefined;
  const [page, setPage] = useState(1);
  const list = useProjects({ challengeId, page, pageSize: PAGE_SIZE });
  const ledger = useChallengeLedger(challengeId, ['enterprise', 'bureau', 'admin'].includes(principal.role));
  return (
    <>
      <PageTitle>{principal.role === 'solver' || principal.role === 'team' ? '我的项目' : '揭榜项目'}</PageTitle>
      <ApiErrorAlert error={list.error} />
      <Card>
        <Table<Project>
          rowKey="id"
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: empty('暂无项目（定榜后生成）') }}
          pagination={{ current: page, pageSize: PAGE_SIZE, total: list.data?.total ?? 0, onChange: setPage, hideOnSinglePage: true }}
          columns={[
            { title: '项目', dataIndex: 'title', render: (t: string, p) => <Link to={`/projects/${p.id}`}>{t}</Link> },
            { title: '揭榜方', dataIndex: 'solverName', width: 220 },
            { title: '发榜企业', dataIndex: 'enterpriseName', width: 220 },
            { title: '状态', dataIndex: 'status', width: 120, render: (s: Project['status']) => <Tag color={PROJECT_STATUS[s]?.color}>{PROJECT_STATUS[s]?.label ?? s}</Tag> },
            { title: '签约时间', dataIndex: 'contractedAt', width: 150, render: (t: string | null) => (t ? dayjs(t).format('YYYY-MM-DD') : '—') },
          ]}
        />
      </Card>
      {challengeId && ['enterprise', 'bureau', 'admin'].includes(principal.role) && (
        <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>榜单资金台账</h2>} style={{ marginTop: 16 }}>
          <ApiErrorAlert error={ledger.error} />
          {ledger.isLoading ? <Skeleton active /> : ledger.data && <ChallengeLedgerTable ledger={ledger.data} />}
        </Card>
      )}
    </>
  );
}
