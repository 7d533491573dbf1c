import { App, Button, Card, Empty, Form, Input, List, Skeleton, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { roleName } from '../api/vocabulary';
import type { Principal } from '../auth/principal';
import { ApiErrorAlert } from '../common/ApiErrorAlert';
import { useAnswer, useAsk, useQuestions } from './lifecycle-queries';
import type { ChallengeFull, Question } from './model';

const ANSWERABLE = ['PUBLISHED', 'CLOSED', 'UNDER_REVIEW', 'IN_PUBLIC_NOTICE', 'AWARDED'];
const at = (t: string) => dayjs(t).format('YYYY-MM-DD HH:mm');

function AnswerForm({ challengeId, q }: { challengeId: string; q: Question }) {
  const answer = useAnswer(challengeId);
  const [text, setText] = useState('');
  const { message } = App.useApp();
  return (
    <Space.Compact style={{ width: '100%', marginTop: 8 }}>
      <Input.TextArea aria-label={`答复：${q.question}`} rows={2} maxLength={4000} value={text} onChange={(e) => setText(e.target.value)} placeholder="填写答复，所有揭榜方可见" />
      <Button
        type="primary"
        loading={answer.isPending}
        disabled={!text.trim()}
        onClick={() => answer.mutateAsync({ qid: q.id, answer: text.trim() }).then(() => { setText(''); void message.success('已答复'); }).catch(() => undefined)}
      >
        答复
      </Button>
      {answer.error ? <ApiErrorAlert error={answer.error} /> : null}
    </Space.Compact>
  );
}

/** 答疑: solvers ask while the 榜单 is open; the enterprise and the bureau answer. Askers are anonymous to other solvers. */
export function QuestionsCard({ c, principal }: { c: ChallengeFull; principal: Principal }) {
  const questions = useQuestions(c.id, ANSWERABLE.includes(c.status));
  const ask = useAsk(c.id);
  const [form] = Form.useForm<{ question: string }>();
  const { message } = App.useApp();
  if (!ANSWERABLE.includes(c.status)) return null;
  const mayAnswer = principal.role === 'bureau' || (principal.role === 'enterprise' && principal.orgId === c.enterpriseOrgId);
  const mayAsk = (principal.role === 'solver' || principal.role === 'team') && c.status === 'PUBLISHED';
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>答疑</h2>} style={{ marginTop: 16 }}>
      <ApiErrorAlert error={questions.error} />
      {questions.isLoading ? (
        <Skeleton active />
      ) : (questions.data ?? []).length === 0 ? (
        <Empty description="暂无提问" />
      ) : (
        <List
          dataSource={questions.data}
          renderItem={(q) => (
            <List.Item key={q.id} data-testid="question">
              <div style={{ width: '100%' }}>
                <Typography.Text strong>问：{q.question}</Typography.Text>
                <div>
                  <Typography.Text type="secondary">
                    {at(q.askedAt)} · {q.askerOrgId ? `${roleName(q.askerRole ?? '')}（${q.askerOrgId}）` : '匿名揭榜方'}
                  </Typography.Text>
                </div>
                {q.answer ? (
                  <div style={{ marginTop: 6 }}>
                    <Tag color="success">已答复</Tag>答：{q.answer}
                    <Typography.Text type="secondary">（{roleName(q.answeredByRole ?? '')} · {q.answeredAt ? at(q.answeredAt) : ''}）</Typography.Text>
                  </div>
                ) : mayAnswer ? (
                  <AnswerForm challengeId={c.id} q={q} />
                ) : (
                  <Tag>待答复</Tag>
                )}
              </div>
            </List.Item>
          )}
        />
      )}
      {mayAsk && (
        <Form
          form={form}
          layout="vertical"
          style={{ marginTop: 16 }}
          onFinish={({ question }) => ask.mutateAsync(question.trim()).then(() => { form.resetFields(); void message.success('问题已提交，发榜企业答复后会通知您'); }).catch(() => undefined)}
        >
          <ApiErrorAlert error={ask.error} />
          <Form.Item name="question" label="向发榜企业提问" rules={[{ required: true, whitespace: true, message: '请填写问题' }, { max: 2000, message: '问题不能超过 2000 个字符' }]}>
            <Input.TextArea rows={3} placeholder="其他揭榜方看不到提问单位" />
          </Form.Item>
          <Button htmlType="submit" loading={ask.isPending}>
            提交问题
          </Button>
        </Form>
      )}
    </Card>
  );
}
