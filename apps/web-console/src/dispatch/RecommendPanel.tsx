import { App, Button, Empty, Form, Input, Radio, Select, Skeleton, Space, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import type { RankResult } from '../api/responses';
import { bodySchema, schemaRules, type JsonSchema } from '../api/schema-rules';
import { ApiErrorAlert } from '../common/ApiErrorAlert';
import { showFieldErrors } from '../common/form-errors';
import { Candidate } from '../matching/CandidateCard';
import { dispatchStatusLabel } from './labels';
import { dispatchCommands, useDispatchCommand, useTeams } from './queries';
import type { Dispatch } from './types';

const OVERRIDE = (bodySchema('matching', 'POST /api/v1/dispatches/{id}/recommendation').properties!.overrides as JsonSchema).items!;

const ScoreChart = lazy(() => import('../matching/ScoreChart'));

type Choice = 'team' | 'alternate' | 'none';
interface Override {
  candidateId: string;
  name: string;
  reason: string;
}

/** The first three are proposed for offers, the next two as alternates; the officer changes that at will. */
const initialChoice = (rank: number): Choice => (rank <= 3 ? 'team' : rank <= 5 ? 'alternate' : 'none');

/**
 * 区县推荐: the matcher's ranking for this order (a recorded run), every team's score drawn as a bar of its factors and
 * its matched terms marked in the order's text; the officer picks teams and alternates, may add a team the matcher did
 * not rank (an override, with a reason), and the first team is offered the order.
 */
export function RecommendPanel({ dispatch }: { dispatch: Dispatch }) {
  const { message } = App.useApp();
  const [ranking, setRanking] = useState<RankResult>();
  const [choice, setChoice] = useState<Record<string, Choice>>({});
  const [overrides, setOverrides] = useState<Override[]>([]);
  const [overrideForm] = Form.useForm<{ candidateId: string; reason: string }>();
  const rank = useDispatchCommand(dispatch.id, (api, k: number) => dispatchCommands.rank(api, dispatch.id, k));
  const recommend = useDispatchCommand(dispatch.id, (api, body: Parameters<typeof dispatchCommands.recommend>[2]) => dispatchCommands.recommend(api, dispatch.id, body));
  const teams = useTeams(!!ranking);
  const need = `${dispatch.order.title}\n${dispatch.order.description}`;

  const runRanking = async () => {
    const result = await rank.mutateAsync(10).catch(() => undefined);
    if (!result) return;
    setRanking(result);
    setChoice(Object.fromEntries(result.results.map((r) => [r.candidateId, initialChoice(r.rank)])));
    setOverrides([]);
  };

  const addOverride = async () => {
    const v = await overrideForm.validateFields().catch(() => undefined);
    if (!v) return;
    const name = teams.data?.items.find((t) => t.id === v.candidateId)?.name ?? v.candidateId;
    setOverrides((o) => [...o.filter((x) => x.candidateId !== v.candidateId), { candidateId: v.candidateId, name, reason: v.reason.trim() }]);
    overrideForm.resetFields();
  };

  const send = async () => {
    if (!ranking) return;
    const picked = (c: Choice) => ranking.results.filter((r) => choice[r.candidateId] === c).map((r) => r.candidateId);
    const body = {
      runId: ranking.runId,
      teamIds: [...picked('team'), ...overrides.map((o) => o.candidateId)],
      alternates: picked('alternate'),
      overrides: overrides.map(({ candidateId, reason }) => ({ candidateId, reason })),
    };
    await recommend.mutateAsync(body).then(
      () => void message.success('已推荐，邀约已发给第一个团队'),
      (e: unknown) => showFieldErrors(overrideForm, e, ['reason']),
    );
  };

  const ranked = new Set(ranking?.results.map((r) => r.candidateId));
  const outside = (teams.data?.items ?? []).filter((t) => !ranked.has(t.id));
  return (
    <>
      <ApiErrorAlert error={rank.error ?? recommend.error} stateLabel={dispatchStatusLabel} />
      <Space style={{ marginBottom: 16 }}>
        <Button type={ranking ? 'default' : 'primary'} onClick={() => void runRanking()} loading={rank.isPending}>
          {ranking ? '重新匹配' : '匹配团队'}
        </Button>
        {ranking && <Typography.Text type="secondary">{`候选 ${ranking.pool.candidates} 个，参与评分 ${ranking.pool.scored} 个，因回避或约束排除 ${ranking.pool.excluded} 个`}</Typography.Text>}
      </Space>
      {ranking &&
        (ranking.results.length === 0 ? (
          <Empty description="没有找到匹配的科技特派员团，可以人工选择团队并写明理由" />
        ) : (
          <>
            <Suspense fallback={<Skeleton active />}>
              <ScoreChart results={ranking.results} />
            </Suspense>
            <div style={{ marginTop: 16 }}>
              {ranking.results.map((c) => (
                <Candidate
                  key={c.candidateId}
                  candidate={c}
                  need={need}
                  extra={
                    <Radio.Group
                      aria-label={`${c.name} 的推荐方式`}
                      value={choice[c.candidateId]}
                      onChange={(e) => setChoice((x) => ({ ...x, [c.candidateId]: e.target.value as Choice }))}
                      options={[{ value: 'team', label: '推荐' }, { value: 'alternate', label: '备选' }, { value: 'none', label: '不选' }]}
                    />
                  }
                />
              ))}
            </div>
          </>
        ))}
      {ranking && (
        <>
          <Typography.Title level={3} style={{ fontSize: 15 }}>
            人工选择（匹配名单之外的团队，须写明理由）
          </Typography.Title>
          <Form form={overrideForm} layout="inline" style={{ marginBottom: 12, rowGap: 8 }}>
            <Form.Item name="candidateId" label="团队" rules={[{ required: true, message: '请选择团队' }]}>
              <Select style={{ width: 260 }} loading={teams.isLoading} options={outside.map((t) => ({ value: t.id, label: `${t.name}（${t.orgName}）` }))} placeholder="选择团队" />
            </Form.Item>
            <Form.Item name="reason" label="理由" rules={schemaRules(OVERRIDE, 'reason', '理由')}>
              <Input style={{ width: 320 }} />
            </Form.Item>
            <Button onClick={() => void addOverride()}>添加</Button>
          </Form>
          {overrides.map((o) => (
            <div key={o.candidateId}>
              {o.name}：{o.reason}{' '}
              <Button type="link" onClick={() => setOverrides((x) => x.filter((y) => y.candidateId !== o.candidateId))}>
                移除
              </Button>
            </div>
          ))}
          <Button type="primary" style={{ marginTop: 12 }} onClick={() => void send()} loading={recommend.isPending}>
            确认推荐并发出邀约
          </Button>
        </>
      )}
    </>
  );
}
