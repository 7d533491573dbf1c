import { AuditOutlined, BellOutlined, DashboardOutlined, HomeOutlined, LogoutOutlined, PlusOutlined, SettingOutlined, TeamOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { Button, Dropdown, Layout, Menu, Space, Spin, Typography } from 'antd';
import { Suspense, type ReactNode } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { useAuth } from '../auth/AuthProvider';
import { roleLabel } from '../auth/principal';
import { NotificationBell } from '../notifications/NotificationBell';
import { LiveNotifications } from '../notifications/LiveNotifications';
import { menuFor, type MenuIcon } from './menu';

const ICONS: Record<MenuIcon, ReactNode> = {
  home: <HomeOutlined />,
  list: <UnorderedListOutlined />,
  plus: <PlusOutlined />,
  audit: <AuditOutlined />,
  team: <TeamOutlined />,
  inbox: <BellOutlined />,
  settings: <SettingOutlined />,
  dashboard: <DashboardOutlined />,
};

/** The selected menu entry: the longest menu path the current location starts with. */
function selectedKey(pathname: string, paths: string[]): string {
  return paths.filter((p) => p === pathname || (p !== '/' && pathname.startsWith(`${p}/`)) || p === pathname).sort((a, b) => b.length - a.length)[0] ?? '/';
}

export function ConsoleLayout() {
  const { principal, session } = useAuth();
  const { pathname } = useLocation();
  const entries = menuFor(principal.role);
  const selected = pathname === '/challenges/new' ? '/challenges/new' : selectedKey(pathname, entries.map((e) => e.path));
  return (
    <LiveNotifications>
      <Layout style={{ minHeight: '100vh' }}>
        <Layout.Sider breakpoint="lg" collapsedWidth={0} width={220} aria-label="主导航">
          <div style={{ color: '#fff', padding: '18px 20px', fontSize: 16, fontWeight: 600 }}>揭榜挂帅平台</div>
          <nav aria-label="功能菜单">
            <Menu
              theme="dark"
              mode="inline"
              selectedKeys={[selected]}
              items={entries.map((e) => ({ key: e.path, icon: ICONS[e.icon], label: <Link to={e.path}>{e.label}</Link> }))}
            />
          </nav>
        </Layout.Sider>
        <Layout>
          <Layout.Header style={{ background: '#fff', padding: '0 24px', display: 'flex', alignItems: 'center', justifyContent: 'space-between' }}>
            <Typography.Text strong>揭榜挂帅 · 科技特派员协同平台</Typography.Text>
            <Space size="large">
              <NotificationBell />
              <Dropdown
                menu={{
                  items: [{ key: 'logout', icon: <LogoutOutlined />, label: '退出登录', onClick: () => void session.signOut() }],
                }}
              >
                <Button type="text" aria-label={`当前用户：${principal.name ?? principal.sub}，${roleLabel(principal.role)}，点击打开用户菜单`}>
                  {principal.name ?? principal.sub} · {principal.orgName ?? principal.orgId}（{roleLabel(principal.role)}）
                </Button>
              </Dropdown>
            </Space>
          </Layout.Header>
          <Layout.Content style={{ margin: 24 }}>
            <Suspense fallback={<Spin size="large" style={{ display: 'block', marginTop: 80 }} />}>
              <Outlet />
            </Suspense>
          </Layout.Content>
        </Layout>
      </Layout>
    </LiveNotifications>
  );
}
