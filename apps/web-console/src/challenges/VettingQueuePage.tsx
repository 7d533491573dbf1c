import { Card, Segmented, Typography } from 'antd';
import { useState } from 'react';
import { ApiErrorAlert } from '../common/ApiErrorAlert';
import { PageTitle } from '../common/PageTitle';
import { ChallengeTable } from './ChallengeTable';
import { useChallenges } from './queries';

const PAGE_SIZE = 10;

/** The bureau's steps before publication, each a queue: submitted (to start), under vetting (to decide), approved (to publish). */
const STAGES = [
  { value: 'SUBMITTED', label: '待启动论证' },
  { value: 'UNDER_VETTING', label: '论证中' },
  { value: 'APPROVED', label: '待发榜' },
];

/** 市科技局: 榜单 waiting for 专家论证 and publication (the API scopes the list to what the bureau may see). */
export default function VettingQueuePage() {
  const [page, setPage] = useState(1);
  const [status, setStatus] = useState('SUBMITTED');
  const queue = useChallenges({ status, page, pageSize: PAGE_SIZE });
  return (
    <>
      <PageTitle>待论证榜单</PageTitle>
      <Typography.Paragraph>企业已提交、等待启动专家论证的榜单。超过论证时限（默认 5 个工作日）仍未启动的，标记为“论证超期”。论证中与待发榜的榜单在各自的页签中。</Typography.Paragraph>
      <ApiErrorAlert error={queue.error} />
      <Card>
        <Segmented
          aria-label="论证阶段"
          style={{ marginBottom: 16 }}
          options={STAGES}
          value={status}
          onChange={(s) => {
            setPage(1);
            setStatus(String(s));
          }}
        />
        <ChallengeTable data={queue.data} loading={queue.isLoading} page={page} pageSize={PAGE_SIZE} onPage={setPage} queue />
      </Card>
    </>
  );
}
