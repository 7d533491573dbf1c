import { Card, Col, Row, Statistic, Typography } from 'antd';
import { Link } from 'react-router';
import { useAuth } from '../auth/AuthProvider';
import { roleLabel } from '../auth/principal';
import { useChallenges } from '../challenges/queries';
import { PageTitle } from '../common/PageTitle';
import { menuFor } from '../layout/menu';
import { useUnreadCount } from '../notifications/queries';

/** The figures each role starts its day with. */
function Figures() {
  const { principal } = useAuth();
  const unread = useUnreadCount();
  const enterprise = principal.role === 'enterprise';
  const reviewer = principal.role === 'bureau' || principal.role === 'admin' || principal.role === 'district';
  const drafts = useChallenges({ status: 'DRAFT', page: 1, pageSize: 1 }, enterprise);
  const submitted = useChallenges({ status: 'SUBMITTED', page: 1, pageSize: 1 }, enterprise || reviewer);
  return (
    <Row gutter={16} style={{ marginBottom: 16 }}>
      <Col xs={24} md={8}>
        <Card>
          <Statistic title="未读通知" value={unread.data?.unread ?? '—'} />
        </Card>
      </Col>
      {enterprise && (
        <Col xs={24} md={8}>
          <Card>
            <Statistic title="我的草稿榜单" value={drafts.data?.total ?? '—'} />
          </Card>
        </Col>
      )}
      {(enterprise || reviewer) && (
        <Col xs={24} md={8}>
          <Card>
            <Statistic title={enterprise ? '已提交待论证' : '待论证榜单'} value={submitted.data?.total ?? '—'} />
          </Card>
        </Col>
      )}
    </Row>
  );
}

export default function HomePage() {
  const { principal } = useAuth();
  const entries = menuFor(principal.role).filter((e) => e.path !== '/');
  return (
    <>
      <PageTitle>工作台</PageTitle>
      <Typography.Paragraph>
        {principal.name ?? principal.sub}，您好！当前身份：{principal.orgName ?? principal.orgId}（{roleLabel(principal.role)}）。
      </Typography.Paragraph>
      <Figures />
      <Row gutter={[16, 16]}>
        {entries.map((e) => (
          <Col key={e.path} xs={24} md={12} xl={8}>
            <Card title={<Link to={e.path}>{e.label}</Link>}>{e.description}</Card>
          </Col>
        ))}
      </Row>
    </>
  );
}
