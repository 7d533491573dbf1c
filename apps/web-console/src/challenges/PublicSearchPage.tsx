import { Button, Card, DatePicker, Flex, Form, Input, InputNumber, Select, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { districtName, FIELD_OPTIONS, fieldName, toWan, wanToYuan } from '../api/vocabulary';
import vocabulary from '../api/generated/vocabulary.json';
import { ApiErrorAlert } from '../common/ApiErrorAlert';
import { PageTitle } from '../common/PageTitle';
import { STATUS } from './labels';
import { usePublicChallenges, type PublicSearch } from './lifecycle-queries';
import type { ChallengeFull } from './model';
import { empty } from '../lifecycle/empty';

const PAGE_SIZE = 10;
const LISTED = ['PUBLISHED', 'CLOSED', 'UNDER_REVIEW', 'IN_PUBLIC_NOTICE', 'AWARDED', 'FAILED'] as const;
const DISTRICT_OPTIONS = vocabulary.districts.map((d) => ({ value: d.code, label: d.name }));

interface Filters {
  q?: string;
  field?: string;
  district?: string;
  status?: string;
  bountyMin?: number;
  bountyMax?: number;
  deadline?: [Dayjs | null, Dayjs | null] | null;
}

function toQuery(f: Filters, page: number): PublicSearch {
  return {
    q: f.q?.trim() || undefined,
    field: f.field as PublicSearch['field'],
    district: f.district,
    status: f.status as PublicSearch['status'],
    bountyMin: f.bountyMin !== undefined && f.bountyMin !== null ? wanToYuan(f.bountyMin) : undefined,
    bountyMax: f.bountyMax !== undefined && f.bountyMax !== null ? wanToYuan(f.bountyMax) : undefined,
    deadlineFrom: f.deadline?.[0]?.format('YYYY-MM-DD'),
    deadlineTo: f.deadline?.[1]?.format('YYYY-MM-DD'),
    page,
    pageSize: PAGE_SIZE,
  };
}

/** 揭榜方 search the published 榜单 (`GET /public/challenges`): keywords match public text only, never confidential fields. */
export default function PublicSearchPage() {
  const [form] = Form.useForm<Filters>();
  const [filters, setFilters] = useState<Filters>({ status: 'PUBLISHED' });
  const [page, setPage] = useState(1);
  const result = usePublicChallenges(toQuery(filters, page));
  return (
    <>
      <PageTitle>榜单检索</PageTitle>
      <Typography.Paragraph>按关键词、技术领域、区县、金额和截止日期检索已发布的榜单。保密内容不参与检索，接受揭榜须知后在榜单详情中查看。</Typography.Paragraph>
      <Card style={{ marginBottom: 16 }}>
        <Form<Filters>
          form={form}
          layout="inline"
          initialValues={{ status: 'PUBLISHED' }}
          onFinish={(f) => {
            setPage(1);
            setFilters(f);
          }}
          style={{ rowGap: 12 }}
        >
          <Form.Item name="q" label="关键词" rules={[{ max: 100, message: '关键词不能超过 100 个字符' }]}>
            <Input allowClear placeholder="例如：压铸 气孔" style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="field" label="技术领域">
            <Select allowClear options={FIELD_OPTIONS} placeholder="全部" style={{ width: 180 }} optionFilterProp="label" showSearch />
          </Form.Item>
          <Form.Item name="district" label="区县">
            <Select allowClear options={DISTRICT_OPTIONS} placeholder="全部" style={{ width: 140 }} optionFilterProp="label" showSearch />
          </Form.Item>
          <Form.Item name="status" label="状态">
            <Select allowClear options={LISTED.map((s) => ({ value: s, label: STATUS[s].label }))} placeholder="全部" style={{ width: 120 }} />
          </Form.Item>
          <Form.Item label="金额（万元）" style={{ marginBottom: 0 }}>
            <Flex gap={4} align="center">
              <Form.Item name="bountyMin" noStyle>
                <InputNumber min={0} aria-label="最低金额（万元）" placeholder="最低" style={{ width: 90 }} />
              </Form.Item>
              –
              <Form.Item name="bountyMax" noStyle>
                <InputNumber min={0} aria-label="最高金额（万元）" placeholder="最高" style={{ width: 90 }} />
              </Form.Item>
            </Flex>
          </Form.Item>
          <Form.Item name="deadline" label="截止日期">
            <DatePicker.RangePicker allowEmpty={[true, true]} placeholder={['起始日期', '结束日期']} />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit">
              检索
            </Button>
          </Form.Item>
        </Form>
      </Card>
      <ApiErrorAlert error={result.error} />
      <Card>
        <Table<ChallengeFull>
          rowKey="id"
          loading={result.isLoading}
          dataSource={result.data?.items ?? []}
          locale={{ emptyText: empty('没有符合条件的榜单') }}
          pagination={{ current: page, pageSize: PAGE_SIZE, total: result.data?.total ?? 0, onChange: setPage, showTotal: (t) => `共 ${t} 个`, hideOnSinglePage: true }}
          columns={[
            { title: '榜单名称', dataIndex: 'title', render: (t: string, c) => <Link to={`/challenges/${c.id}`}>{t}</Link> },
            { title: '状态', dataIndex: 'status', width: 100, render: (s: ChallengeFull['status']) => <Tag color={STATUS[s]?.color}>{STATUS[s]?.label ?? s}</Tag> },
            { title: '技术领域', dataIndex: 'fields', width: 180, render: (f: string[]) => f.map(fieldName).join('、') || '—' },
            { title: '发榜企业', dataIndex: 'enterpriseName', width: 200 },
            { title: '区县', dataIndex: 'districtCode', width: 90, render: districtName },
            { title: '悬赏金额', dataIndex: 'bountyYuan', width: 110, align: 'right', render: toWan },
            { title: '揭榜截止', dataIndex: 'deadline', width: 110 },
          ]}
        />
      </Card>
    </>
  );
}
