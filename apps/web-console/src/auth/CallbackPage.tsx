import { Button, Result, Spin } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import type { AuthSession } from './session';

/** Where the identity provider sends the browser back with the authorization code. */
export function CallbackPage({ session }: { session: AuthSession }) {
  const navigate = useNavigate();
  const [error, setError] = useState<string>();
  const started = useRef(false);

  useEffect(() => {
    // The code may be exchanged once only (StrictMode runs effects twice in development).
    if (started.current) return;
    started.current = true;
    session
      .completeSignIn()
      .then((returnTo) => navigate(returnTo, { replace: true }))
      .catch((e: Error) => setError(e.message));
  }, [session, navigate]);

  if (!error) return <Spin size="large" fullscreen tip="正在完成登录…" />;
  return (
    <main>
      <Result
        status="warning"
        title={<h1 style={{ fontSize: 24, margin: 0 }}>登录没有完成</h1>}
        subTitle={`身份认证服务返回：${error}`}
        extra={
          <Button type="primary" onClick={() => void session.signIn('/')}>
            重新登录
          </Button>
        }
      />
    </main>
  );
}
