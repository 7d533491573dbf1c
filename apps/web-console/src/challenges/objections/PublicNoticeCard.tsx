import { Card, Descriptions, Empty, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import type { Principal } from '../../auth/principal';
import { ApiErrorAlert } from '../../common/ApiErrorAlert';
import { useProjects } from '../../projects/queries';
import type { ChallengeFull } from '../model';
import { LodgeObjection } from './LodgeObjection';
import { OUTCOME_LABEL, proposedOf, type RankedEntry } from './model';

const h2 = (t: string) => <h2 style={{ fontSize: 16, margin: 0 }}>{t}</h2>;
const at = (t: string) => dayjs(t).format('YYYY-MM-DD HH:mm:ss');
/** The bureau decides objections and the operators run the platform: neither lodges one (the service answers 403). */
const MAY_OBJECT = ['enterprise', 'solver', 'team', 'expert', 'district'];
const SEES_PROJECTS = ['enterprise', 'bureau', 'admin', 'solver', 'team'];

function Winners({ rows, projectOf }: { rows: RankedEntry[]; projectOf?: (r: RankedEntry) => { id: string; title: string } | undefined }) {
  return (
    <Table<RankedEntry>
      size="small"
      rowKey="applicationId"
      pagination={false}
      dataSource={rows}
      data-testid="proposed-winners"
      locale={{ emptyText: <Typography.Text type="secondary">暂无拟入选单位</Typography.Text> }}
      columns={[
        { title: '排名', dataIndex: 'rank', width: 70 },
        { title: '揭榜单位', dataIndex: 'applicantName' },
        { title: '综合得分', dataIndex: 'score', width: 100, align: 'right', render: (s: number) => s.toFixed(2) },
        { title: '结果', dataIndex: 'outcome', width: 100, render: (o: RankedEntry['outcome']) => <Tag color={o === 'PROPOSED' ? 'warning' : 'default'}>{OUTCOME_LABEL[o] ?? o}</Tag> },
        ...(projectOf
          ? [{ title: '揭榜项目', key: 'project', width: 200, render: (_: unknown, r: RankedEntry) => { const p = projectOf(r); return p ? <Link to={`/projects/${p.id}`}>{`查看项目：${r.applicantName}`}</Link> : '—'; } }]
          : []),
      ]}
    />
  );
}

/** AWARDED: the winners, each with a link to its project where the caller may see it (递补 replacements listed too). */
function Award({ c, principal }: { c: ChallengeFull; principal: Principal }) {
  const projects = useProjects({ challengeId: c.id, page: 1, pageSize: 50 }, SEES_PROJECTS.includes(principal.role));
  const items = projects.data?.items ?? [];
  const winners = proposedOf(c.reviewRanking ?? [], c.maxWinners);
  const matched = new Set<string>();
  const projectOf = (r: RankedEntry) => {
    const p = items.find((x) => x.applicationId === r.applicationId);
    if (p) matched.add(p.id);
    return p;
  };
  const rows = winners.map((w) => ({ w, p: projectOf(w) }));
  const promoted = items.filter((p) => !matched.has(p.id));
  return (
    <Card title={h2('定榜结果')} extra={<Tag color="success">已定榜</Tag>} style={{ marginTop: 16 }} data-testid="award">
      <ApiErrorAlert error={projects.error} />
      <Winners rows={rows.map((r) => r.w)} projectOf={(r) => rows.find((x) => x.w.applicationId === r.applicationId)?.p} />
      {promoted.length > 0 && (
        <Typography.Paragraph style={{ marginTop: 12 }}>
          递补签约：{promoted.map((p) => <Link key={p.id} to={`/projects/${p.id}`} style={{ marginRight: 12 }}>{`查看项目：${p.solverName}`}</Link>)}
        </Typography.Paragraph>
      )}
    </Card>
  );
}

/** Whether the 公示 has ended, flipping when it does (the page may stay open across the end). */
function useEnded(endsAt: string | null | undefined): boolean {
  const [now, setNow] = useState(() => Date.now());
  const end = endsAt ? Date.parse(endsAt) : Number.POSITIVE_INFINITY;
  useEffect(() => {
    if (!Number.isFinite(end) || end <= now) return;
    // Capped: a timeout longer than 2^31 ms fires at once.
    const t = setTimeout(() => setNow(Date.now()), Math.min(end - now + 50, 2 ** 31 - 1));
    return () => clearTimeout(t);
  }, [end, now]);
  return end <= now;
}

function Notice({ c, principal }: { c: ChallengeFull; principal: Principal }) {
  const endsAt = c.publicNoticeEndsAt;
  const ended = useEnded(endsAt);
  const proposed = proposedOf(c.reviewRanking ?? [], c.maxWinners);
  return (
    <Card title={h2('评审结果公示')} extra={<Tag color="warning">公示中</Tag>} style={{ marginTop: 16 }} data-testid="public-notice">
      <Descriptions
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'ends', label: '公示截止', children: endsAt ? `${at(endsAt)}${ended ? '（公示期已满，待裁定异议后定榜）' : ''}` : '—' },
          { key: 'count', label: '拟入选名额', children: `${c.maxWinners} 名` },
        ]}
      />
      {proposed.length === 0 ? <Empty description="暂无拟入选单位" /> : <Winners rows={proposed} />}
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
        公示期内，对拟入选单位有异议的，可提交异议理由与证据，由市科技局核查裁定；无异议或异议均已裁定的，公示期满后定榜。
      </Typography.Paragraph>
      {MAY_OBJECT.includes(principal.role) && !ended && <LodgeObjection challengeId={c.id} />}
    </Card>
  );
}

/**
 * 公示 while IN_PUBLIC_NOTICE: the proposed winners in rank order and when the 公示 ends, with 提出异议 for those who
 * may; after the award, the winners and their projects.
 */
export function PublicNoticeCard({ c, principal }: { c: ChallengeFull; principal: Principal }) {
  if (c.status === 'AWARDED') return <Award c={c} principal={principal} />;
  if (c.status !== 'IN_PUBLIC_NOTICE') return null;
  return <Notice c={c} principal={principal} />;
}
