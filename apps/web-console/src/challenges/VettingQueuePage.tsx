import { Card, Typography } from 'antd';
import { useState } from 'react';
import { ApiErrorAlert } from '../common/ApiErrorAlert';
import { PageTitle } from '../common/PageTitle';
import { ChallengeTable } from './ChallengeTable';
import { useChallenges } from './queries';

const PAGE_SIZE = 10;

/** 市科技局: submitted 榜单 waiting for 专家论证 (the API scopes the list to what the bureau may see). */
export default function VettingQueuePage() {
  const [page, setPage] = useState(1);
  const queue = useChallenges({ status: 'SUBMITTED', page, pageSize: PAGE_SIZE });
  return (
    <>
      <PageTitle>待论证榜单</PageTitle>
      <Typography.Paragraph>企业已提交、等待启动专家论证的榜单。超过论证时限（默认 5 个工作日）仍未启动的，标记为“论证超期”。</Typography.Paragraph>
      <ApiErrorAlert error={queue.error} />
      <Card>
        <ChallengeTable data={queue.data} loading={queue.isLoading} page={page} pageSize={PAGE_SIZE} onPage={setPage} queue />
      </Card>
    </>
  );
}
