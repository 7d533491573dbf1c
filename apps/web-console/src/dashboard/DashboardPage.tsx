import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Card, Col, DatePicker, Empty, Form, Row, Select, Skeleton, Space, Statistic, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useApi } from '../api/clients';
import { unwrap } from '../api/errors';
import type { paths } from '../api/generated/notification';
import { FIELD_OPTIONS, toWan } from '../api/vocabulary';
import { ApiErrorAlert } from '../common/ApiErrorAlert';
import { PageTitle } from '../common/PageTitle';
import { dashboardCharts, type ChartSpec } from './chart-options';
import type { Dashboard } from './dashboard.types';

const DashboardChart = lazy(() => import('./DashboardChart'));

/** The figures follow the facts within seconds; refetching is simpler and sturdier than a second live stream. */
const REFRESH_MS = 15_000;

type Filter = NonNullable<paths['/api/v1/dashboard']['get']['parameters']['query']>;

function ChartCard({ spec }: { spec: ChartSpec }) {
  return (
    <Card size="small" title={<h2 style={{ fontSize: 15, margin: 0 }}>{spec.title}</h2>} style={{ height: '100%' }}>
      {spec.empty ? (
        <Empty description="该统计期内暂无数据" style={{ height: spec.height - 40, paddingTop: 40 }} />
      ) : (
        <Suspense fallback={<Skeleton active paragraph={{ rows: 6 }} />}>
          <DashboardChart spec={spec} />
        </Suspense>
      )}
    </Card>
  );
}

/** 市科技局: 数智科创驾驶舱, every figure from the platform's facts, by period and field, refreshed live. */
export default function DashboardPage() {
  const api = useApi();
  const [filter, setFilter] = useState<Filter>({});
  const dashboard = useQuery({
    queryKey: ['dashboard', filter],
    queryFn: () => unwrap<Dashboard>(api.notification.GET('/api/v1/dashboard', { params: { query: filter } })),
    refetchInterval: REFRESH_MS,
    placeholderData: keepPreviousData,
  });
  const charts = useMemo(() => (dashboard.data ? dashboardCharts(dashboard.data) : []), [dashboard.data]);
  const d = dashboard.data;
  const onPeriod = (range: [Dayjs | null, Dayjs | null] | null) =>
    setFilter((f) => ({ ...f, from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') }));

  return (
    <>
      <PageTitle
        extra={
          d && (
            <Typography.Text type="secondary" data-testid="dashboard-updated">
              数据更新于 {dayjs(d.generatedAt).format('HH:mm:ss')}，每 {REFRESH_MS / 1000} 秒自动刷新
            </Typography.Text>
          )
        }
      >
        数智科创驾驶舱
      </PageTitle>
      <Form layout="inline" style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item label="统计期" htmlFor="dashboard-period">
          <DatePicker.RangePicker id="dashboard-period" placeholder={['开始日期', '结束日期']} onChange={onPeriod} allowEmpty={[true, true]} />
        </Form.Item>
        <Form.Item label="技术领域" htmlFor="dashboard-field">
          <Select
            id="dashboard-field"
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder="全部领域"
            style={{ width: 240 }}
            options={FIELD_OPTIONS}
            onChange={(field?: Filter['field']) => setFilter((f) => ({ ...f, field }))}
          />
        </Form.Item>
      </Form>
      <ApiErrorAlert error={dashboard.error} />
      {dashboard.isPending ? (
        <Skeleton active paragraph={{ rows: 10 }} />
      ) : d ? (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <Row gutter={[16, 16]}>
            {[
              { title: '榜单（个）', value: d.challenges.total },
              { title: '揭榜申请（份）', value: d.challenges.applications },
              { title: '服务需求（单）', value: d.serviceOrders.total },
              { title: '企业评价均分（分）', value: d.ratings.average ?? '—' },
              { title: '已承诺悬赏', value: toWan(d.bounty.committedYuan) },
              { title: '已拨付', value: toWan(d.bounty.paidYuan) },
            ].map((s) => (
              <Col key={s.title} xs={12} md={8} xl={4}>
                <Card size="small">
                  <Statistic title={s.title} value={s.value} />
                </Card>
              </Col>
            ))}
          </Row>
          <Row gutter={[16, 16]}>
            {charts.map((spec) => (
              <Col key={spec.key} xs={24} xl={spec.key.startsWith('district') ? 24 : 12}>
                <ChartCard spec={spec} />
              </Col>
            ))}
          </Row>
        </Space>
      ) : null}
    </>
  );
}
