import { Button, Result } from 'antd';
import type { AuthSession } from './session';

export function SignedOutPage({ session }: { session: AuthSession }) {
  return (
    <main>
      <Result
        status="success"
        title={<h1 style={{ fontSize: 24, margin: 0 }}>您已退出登录</h1>}
        subTitle="揭榜挂帅 · 科技特派员协同平台"
        extra={
          <Button type="primary" onClick={() => void session.signIn('/')}>
            重新登录
          </Button>
        }
      />
    </main>
  );
}
