import { Card, Checkbox, Empty, List, Skeleton, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { bodySchema, schemaRules } from '../../api/schema-rules';
import { roleName } from '../../api/vocabulary';
import type { Principal } from '../../auth/principal';
import { ApiErrorAlert } from '../../common/ApiErrorAlert';
import { ActionButton, reasonField } from '../../lifecycle/ActionButton';
import type { ChallengeFull } from '../model';
import { OBJECTION_STATUS, OUTCOME_LABEL, type Objection, type RankedEntry } from './model';
import { useDecideObjection, useObjections } from './queries';

const UPHOLD = bodySchema('challenge', 'POST /api/v1/challenges/{id}/objections/{oid}/uphold');
const DISMISS = bodySchema('challenge', 'POST /api/v1/challenges/{id}/objections/{oid}/dismiss');
const h2 = (t: string) => <h2 style={{ fontSize: 16, margin: 0 }}>{t}</h2>;
const at = (t: string) => dayjs(t).format('YYYY-MM-DD HH:mm');
/** Objections exist from the first 公示 on; before it there is nothing to list. */
const WITH_OBJECTIONS = ['UNDER_REVIEW', 'IN_PUBLIC_NOTICE', 'AWARDED'];

const entryLabel = (r: RankedEntry) => `第 ${r.rank} 名 ${r.applicantName}（${OUTCOME_LABEL[r.outcome] ?? r.outcome}，${r.score.toFixed(2)} 分）`;

/**
 * The applications to review again, chosen from the ranking. Form.Item hands its child aria-required and
 * aria-invalid, which a plain group may not carry: the choice takes only its value, and is a labelled group.
 */
function RankingChoice({ id, value, onChange, ranking }: { id?: string; value?: string[]; onChange?: (v: string[]) => void; ranking: RankedEntry[] }) {
  return (
    <div role="group" id={id} aria-label="需重新评审的申请">
      <Checkbox.Group style={{ display: 'flex', flexDirection: 'column', gap: 4 }} value={value} onChange={onChange} options={ranking.map((r) => ({ value: r.applicationId, label: entryLabel(r) }))} />
    </div>
  );
}

/** The bureau's two decisions on an open objection, only while the 榜单 is in 公示 (else the service's 409). */
function Decide({ c, o }: { c: ChallengeFull; o: Objection }) {
  const decide = useDecideObjection(c.id);
  const ranking = c.reviewRanking ?? [];
  return (
    <Space wrap>
      <ActionButton
        danger
        label="认定成立"
        confirm="异议成立后公示中止，榜单回到评审中，所选申请由原评审专家重新评审；其他待裁定的异议保留。"
        fields={[
          reasonField(UPHOLD, 'reason', '认定理由'),
          {
            name: 'applicationIds',
            label: '需重新评审的申请',
            input: <RankingChoice ranking={ranking} />,
            rules: schemaRules(UPHOLD, 'applicationIds', '需重新评审的申请'),
          },
        ]}
        done="已认定异议成立，榜单回到评审中"
        onRun={(v) => decide.mutateAsync({ kind: 'uphold', oid: o.id, body: { reason: v.reason as string, applicationIds: v.applicationIds as string[] } })}
      />
      <ActionButton
        label="不予采纳"
        confirm="异议不成立，公示继续；公示期已满且没有其他待裁定的异议时，立即定榜。"
        fields={[reasonField(DISMISS, 'reason', '不予采纳理由')]}
        done="异议不予采纳"
        onRun={(v) => decide.mutateAsync({ kind: 'dismiss', oid: o.id, reason: v.reason as string })}
      />
    </Space>
  );
}

function objector(o: Objection, principal: Principal): string {
  if (o.objectorOrgId === null) return '异议人信息不向发榜企业公开';
  if (o.objectorOrgId === principal.orgId && principal.role !== 'bureau') return '本单位提出';
  return `${roleName(o.objectorRole ?? '')}（${o.objectorOrgId}）`;
}

/**
 * 异议 as the caller may see them (the service scopes the list): the bureau all with the objector, the enterprise all
 * without it, anyone else its own organisation's. The bureau decides the open ones here.
 */
export function ObjectionsCard({ c, principal }: { c: ChallengeFull; principal: Principal }) {
  const show = WITH_OBJECTIONS.includes(c.status) && principal.role !== 'admin';
  const objections = useObjections(c.id, show);
  if (!show) return null;
  const items = objections.data ?? [];
  // Outside a 公示 an empty list says nothing worth a card.
  if (c.status !== 'IN_PUBLIC_NOTICE' && !objections.isLoading && !objections.error && items.length === 0) return null;
  const bureau = principal.role === 'bureau';
  const names = new Map((c.reviewRanking ?? []).map((r) => [r.applicationId, r.applicantName]));
  return (
    <Card title={h2(bureau || principal.role === 'enterprise' ? '公示异议' : '本单位提出的异议')} style={{ marginTop: 16 }} data-testid="objections">
      <ApiErrorAlert error={objections.error} />
      {objections.isLoading ? (
        <Skeleton active />
      ) : items.length === 0 ? (
        <Empty description="暂无异议" />
      ) : (
        <List
          dataSource={items}
          renderItem={(o) => (
            <List.Item key={o.id} data-testid="objection" actions={bureau && o.status === 'OPEN' && c.status === 'IN_PUBLIC_NOTICE' ? [<Decide key="d" c={c} o={o} />] : undefined}>
              <div style={{ width: '100%' }}>
                <Space wrap>
                  <Tag color={OBJECTION_STATUS[o.status]?.color}>{OBJECTION_STATUS[o.status]?.label ?? o.status}</Tag>
                  <Typography.Text type="secondary">
                    {at(o.lodgedAt)} · {objector(o, principal)}
                  </Typography.Text>
                </Space>
                <ol style={{ margin: '8px 0', paddingLeft: 20 }}>
                  {o.reasons.map((r, i) => (
                    <li key={i}>{r}</li>
                  ))}
                </ol>
                {o.evidence.length > 0 && (
                  <div>
                    证据：
                    {o.evidence.map((e) => (
                      <a key={e.url} href={e.url} style={{ marginRight: 12 }}>
                        {e.name}
                      </a>
                    ))}
                  </div>
                )}
                {o.decidedAt && (
                  <div style={{ marginTop: 6 }}>
                    裁定（{at(o.decidedAt)}）：{o.decisionReason}
                    {o.status === 'UPHELD' && o.applicationIds.length > 0 && <>；重新评审：{o.applicationIds.map((id) => names.get(id) ?? id).join('、')}</>}
                  </div>
                )}
              </div>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
