import { Card, Descriptions, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { RankedCandidate } from '../api/responses';
import { districtName } from '../api/vocabulary';
import { highlight } from './highlight';

/** The need text with the candidate's matched terms marked (why this team: the words it was found by). */
export function NeedText({ text, candidate }: { text: string; candidate: RankedCandidate }) {
  return (
    <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 8 }}>
      {highlight(text, candidate.matchedTerms.map((t) => t.term)).map((s, i) =>
        s.term ? (
          <mark key={i} title={`命中词：${s.term}`} style={{ background: '#ffe58f', padding: '0 1px' }}>
            {s.text}
          </mark>
        ) : (
          <span key={i}>{s.text}</span>
        ),
      )}
    </Typography.Paragraph>
  );
}

/** One ranked candidate: its score, its factors (value × weight = contribution), and the need text it matched. */
export function Candidate({ candidate, need, extra }: { candidate: RankedCandidate; need: string; extra?: ReactNode }) {
  return (
    <Card
      size="small"
      style={{ marginBottom: 12 }}
      title={<h3 style={{ fontSize: 15, margin: 0 }}>{`第 ${candidate.rank} 名 · ${candidate.name}`}</h3>}
      extra={<Typography.Text strong>{candidate.score.toFixed(3)} 分</Typography.Text>}
      data-testid="ranked-team"
    >
      <Descriptions size="small" column={{ xs: 1, md: 2 }} items={[
        { key: 'org', label: '所属机构', children: candidate.orgName },
        { key: 'district', label: '所在区县', children: districtName(candidate.districtCode) },
      ]} />
      <Typography.Text type="secondary">需求原文（黄色为该团队的命中词）</Typography.Text>
      <NeedText text={need} candidate={candidate} />
      <Space wrap size={[4, 8]}>
        {candidate.breakdown.map((f) => (
          <Tag key={f.factor}>
            {f.label} {f.value.toFixed(2)} × {f.weight} = {f.contribution.toFixed(3)}
          </Tag>
        ))}
      </Space>
      {extra && <div style={{ marginTop: 8 }}>{extra}</div>}
    </Card>
  );
}

