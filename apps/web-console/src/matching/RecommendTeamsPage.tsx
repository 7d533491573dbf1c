import { Alert, Button, Card, Empty, Form, Input, InputNumber, Select, Skeleton, Space, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useApi } from '../api/clients';
import { unwrap } from '../api/errors';
import type { paths } from '../api/generated/matching';
import type { RankResult } from '../api/responses';
import { bodySchema, schemaRules } from '../api/schema-rules';
import { districtName, FIELD_OPTIONS } from '../api/vocabulary';
import { useAuth } from '../auth/AuthProvider';
import { ApiErrorAlert } from '../common/ApiErrorAlert';
import { showFieldErrors } from '../common/form-errors';
import { PageTitle } from '../common/PageTitle';
import { Candidate } from './CandidateCard';

const ScoreChart = lazy(() => import('./ScoreChart'));

type RankRequest = paths['/api/v1/matching/rank']['post']['requestBody']['content']['application/json'];
const BODY = bodySchema('matching', 'POST /api/v1/matching/rank');
const FORM_FIELDS = ['title', 'text', 'keywords', 'fields', 'k'];

interface Values {
  title?: string;
  text: string;
  keywords: string[];
  fields: string[];
  k: number;
}

/** 区县科技局: rank the 科技特派员团 for a need described here, and see why each one ranks where it does. */
export default function RecommendTeamsPage() {
  const api = useApi();
  const { principal } = useAuth();
  const [form] = Form.useForm<Values>();
  const [need, setNeed] = useState('');
  const rank = useMutation({
    mutationFn: (body: RankRequest) => unwrap<RankResult>(api.matching.POST('/api/v1/matching/rank', { body })),
  });

  const run = async () => {
    const v = await form.validateFields().catch(() => undefined);
    if (!v) return;
    setNeed(v.text);
    rank.mutate(
      { title: v.title ?? '', text: v.text, keywords: v.keywords, fields: v.fields as RankRequest['fields'], wants: 'team', k: v.k },
      { onError: (e) => showFieldErrors(form, e, FORM_FIELDS) },
    );
  };

  const results = rank.data?.results ?? [];
  return (
    <>
      <PageTitle>为需求推荐团队</PageTitle>
      <Typography.Paragraph>
        匹配范围：{principal.role === 'district' ? `${districtName(principal.districtCode)}的需求` : '全市'}。得分由文本相关度、领域匹配、地域邻近、信誉、负荷余量与接单意愿加权而成，每一项都列出。
      </Typography.Paragraph>
      <Card>
        <Form<Values> form={form} layout="vertical" initialValues={{ keywords: [], fields: [], k: 5 }} style={{ maxWidth: 820 }}>
          <Form.Item name="title" label="需求标题" rules={schemaRules(BODY, 'title', '需求标题')}>
            <Input placeholder="例如：压铸件冒小坑、打压泄漏" />
          </Form.Item>
          <Form.Item name="text" label="需求描述" rules={schemaRules(BODY, 'text', '需求描述')}>
            <Input.TextArea rows={5} placeholder="用企业自己的话描述问题，例如：壳体毛坯机加工后端面出现小坑，打压测试泄漏……" />
          </Form.Item>
          <Space size="large" wrap align="start">
            <Form.Item name="keywords" label="关键词" rules={schemaRules(BODY, 'keywords', '关键词')}>
              <Select mode="tags" open={false} style={{ width: 280 }} placeholder="输入后按回车" />
            </Form.Item>
            <Form.Item name="fields" label="技术领域" rules={schemaRules(BODY, 'fields', '技术领域')}>
              <Select mode="multiple" options={FIELD_OPTIONS} style={{ width: 320 }} placeholder="可不选，系统会推断" optionFilterProp="label" />
            </Form.Item>
            <Form.Item name="k" label="推荐数量" rules={schemaRules(BODY, 'k', '推荐数量')}>
              <InputNumber min={1} max={20} />
            </Form.Item>
          </Space>
          <Button type="primary" onClick={() => void run()} loading={rank.isPending}>
            推荐团队
          </Button>
        </Form>
      </Card>
      <ApiErrorAlert error={rank.error} />
      {rank.data && (
        <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>推荐结果</h2>} style={{ marginTop: 16 }}>
          {results.length === 0 ? (
            <Empty description="没有找到匹配的科技特派员团" />
          ) : (
            <>
              <Suspense fallback={<Skeleton active />}>
                <ScoreChart results={results} />
              </Suspense>
              <div style={{ marginTop: 16 }}>
                {results.map((c) => (
                  <Candidate key={c.candidateId} candidate={c} need={need} />
                ))}
              </div>
            </>
          )}
          {rank.data.excluded.length > 0 && (
            <Alert
              type="warning"
              showIcon
              message="因回避或约束被排除的团队"
              description={rank.data.excluded.map((e) => `${e.name}：${e.violations.map((v) => v.message).join('；')}`).join('\n')}
            />
          )}
        </Card>
      )}
    </>
  );
}
