import { Alert, App, Button, Card, Descriptions, Flex, Form, Input, InputNumber, Skeleton, Table, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import { Link, useParams } from 'react-router';
import { bodySchema, schemaRules } from '../api/schema-rules';
import { toWan } from '../api/vocabulary';
import { ApiErrorAlert } from '../common/ApiErrorAlert';
import { showFieldErrors } from '../common/form-errors';
import { PageTitle } from '../common/PageTitle';
import { ActionButton, reasonField } from '../lifecycle/ActionButton';
import { REVIEW_STATUS } from './model';
import { useOwnReview, useReviewCommands, type Score } from './queries';

const SCORE = bodySchema('matching', 'PUT /api/v1/reviews/{id}/score');
const CONFLICT = bodySchema('matching', 'POST /api/v1/reviews/{id}/conflict');
const h2 = (t: string) => <h2 style={{ fontSize: 16, margin: 0 }}>{t}</h2>;

/** 评审专家's scorecard: the application's material, three criteria 0–100 with comments, or a declared conflict (回避). */
export default function ScorecardPage() {
  const { id = '' } = useParams();
  const review = useOwnReview(id);
  const { score, conflict } = useReviewCommands(id);
  const [form] = Form.useForm<Score>();
  const { message } = App.useApp();
  const r = review.data;

  useEffect(() => {
    if (r?.scores) form.setFieldsValue({ ...r.scores, comments: r.comments ?? '' });
  }, [r, form]);

  if (review.isLoading) return <Skeleton active />;
  if (!r) return <ApiErrorAlert error={review.error} />;
  const open = r.status === 'ASSIGNED' || r.status === 'SUBMITTED';
  const p = r.proposal;

  const save = async () => {
    const values = await form.validateFields().catch(() => undefined);
    if (!values) return;
    try {
      await score.mutateAsync(values);
      void message.success('评分已保存，评审结束前可修改');
    } catch (e) {
      showFieldErrors(form, e, ['technical', 'team', 'feasibility', 'comments']);
    }
  };

  return (
    <>
      <PageTitle extra={<Link to="/reviews">返回评审任务</Link>}>评分：{r.applicantName}</PageTitle>
      <Typography.Paragraph>
        榜单：{r.challengeTitle} · 状态：<Tag color={REVIEW_STATUS[r.status].color}>{REVIEW_STATUS[r.status].label}</Tag>
      </Typography.Paragraph>
      {!p ? (
        <Alert type="info" showIcon message="您已回避本申请，申请材料不再可见。" />
      ) : (
        <Card title={h2('申请材料')}>
          <Descriptions
            column={1}
            items={[
              { key: 'approach', label: '技术方案', children: <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{p.approach}</Typography.Paragraph> },
              { key: 'members', label: '团队成员', children: p.members.map((m) => `${m.name}（${m.role}${m.title ? `，${m.title}` : ''}）`).join('、') },
              { key: 'budget', label: '经费预算', children: p.budget.length ? p.budget.map((b) => `${b.item} ${toWan(b.amountYuan)}`).join('；') : '—' },
              { key: 'timeline', label: '进度安排', children: p.timeline.length ? p.timeline.map((t) => `里程碑 ${t.milestoneIndex}：${t.plan}`).join('；') : '—' },
              ...(p.consortium.length ? [{ key: 'consortium', label: '联合体', children: p.consortium.map((c) => `${c.orgName}（${c.role}）`).join('、') }] : []),
            ]}
          />
        </Card>
      )}
      {open && (
        <Card title={h2('评分细则')} style={{ marginTop: 16 }}>
          <ApiErrorAlert error={score.error} />
          <Form<Score> form={form} layout="vertical" style={{ maxWidth: 720 }}>
            <Flex gap={24} wrap>
              <Form.Item name="technical" label="技术方案（0–100）" rules={schemaRules(SCORE, 'technical', '技术方案得分')}>
                <InputNumber style={{ width: 160 }} />
              </Form.Item>
              <Form.Item name="team" label="团队能力（0–100）" rules={schemaRules(SCORE, 'team', '团队能力得分')}>
                <InputNumber style={{ width: 160 }} />
              </Form.Item>
              <Form.Item name="feasibility" label="实施可行性（0–100）" rules={schemaRules(SCORE, 'feasibility', '实施可行性得分')}>
                <InputNumber style={{ width: 160 }} />
              </Form.Item>
            </Flex>
            <Form.Item name="comments" label="评审意见" rules={schemaRules(SCORE, 'comments', '评审意见')}>
              <Input.TextArea rows={4} />
            </Form.Item>
            <Flex gap={12}>
              <Button type="primary" onClick={() => void save()} loading={score.isPending}>
                提交评分
              </Button>
              <ActionButton
                danger
                label="申请回避"
                confirm="与申请方存在利益关系（任职、合作、亲属等）时须回避。回避后本任务作废，申请材料不再可见，由市科技局另行分配专家。"
                fields={[reasonField(CONFLICT, 'reason', '回避理由')]}
                done="已回避"
                onRun={(v) => conflict.mutateAsync(v.reason as string)}
              />
            </Flex>
          </Form>
        </Card>
      )}
      {r.panel && r.panel.length > 0 && (
        <Card title={h2('评审组评分（评审已结束）')} style={{ marginTop: 16 }}>
          <Table
            size="small"
            rowKey="expert"
            pagination={false}
            dataSource={r.panel}
            columns={[
              { title: '专家', dataIndex: 'expert' },
              { title: '技术/团队/可行性', key: 's', render: (_: unknown, x) => `${x.scores.technical} / ${x.scores.team} / ${x.scores.feasibility}` },
              { title: '意见', dataIndex: 'comments' },
            ]}
          />
        </Card>
      )}
    </>
  );
}
