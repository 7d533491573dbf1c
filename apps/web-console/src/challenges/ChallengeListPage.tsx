import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Select, Space } from 'antd';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useAuth } from '../auth/AuthProvider';
import { ApiErrorAlert } from '../common/ApiErrorAlert';
import { PageTitle } from '../common/PageTitle';
import { menuFor } from '../layout/menu';
import { ChallengeTable } from './ChallengeTable';
import { STATUS } from './labels';
import { useChallenges } from './queries';

const PAGE_SIZE = 10;

/** The 榜单 the caller may see: the service scopes the list (own, own district, all submitted, or published). */
export default function ChallengeListPage() {
  const { principal } = useAuth();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const status = params.get('status') ?? undefined;
  const [page, setPage] = useState(1);
  const list = useChallenges({ status, page, pageSize: PAGE_SIZE });
  const title = menuFor(principal.role).find((e) => e.path === '/challenges')?.label ?? '榜单';
  return (
    <>
      <PageTitle
        extra={
          principal.role === 'enterprise' && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/challenges/new')}>
              发布榜单
            </Button>
          )
        }
      >
        {title}
      </PageTitle>
      <ApiErrorAlert error={list.error} />
      <Card>
        <Space style={{ marginBottom: 16 }}>
          <label htmlFor="status-filter">状态</label>
          <Select
            id="status-filter"
            allowClear
            placeholder="全部状态"
            style={{ width: 160 }}
            value={status}
            onChange={(s?: string) => {
              setPage(1);
              setParams(s ? { status: s } : {});
            }}
            options={Object.entries(STATUS).map(([value, { label }]) => ({ value, label }))}
          />
        </Space>
        <ChallengeTable data={list.data} loading={list.isLoading} page={page} pageSize={PAGE_SIZE} onPage={setPage} />
      </Card>
    </>
  );
}
