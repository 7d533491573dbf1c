import { Result, Spin } from 'antd';
import type { User } from 'oidc-client-ts';
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { principalOf, type Principal } from './principal';
import type { AuthSession } from './session';

interface AuthState {
  session: AuthSession;
  principal: Principal;
}

const AuthContext = createContext<AuthState | null>(null);

export function useAuth(): AuthState {
  const state = useContext(AuthContext);
  if (!state) throw new Error('useAuth outside <AuthProvider>');
  return state;
}

/**
 * Everything below needs a signed-in user: without one (or with a session the provider no longer renews) the browser
 * goes to the login page, never to a blank page.
 */
export function AuthProvider({ session, children }: { session: AuthSession; children: ReactNode }) {
  const [user, setUser] = useState<User | null | undefined>(undefined);

  useEffect(() => {
    const { events } = session.manager;
    const loaded = (u: User) => setUser(u);
    const ended = () => void session.signIn();
    events.addUserLoaded(loaded);
    events.addSilentRenewError(ended);
    events.addUserSignedOut(ended);
    void session.manager.getUser().then(async (u) => {
      if (u && !u.expired) return setUser(u);
      if (u?.refresh_token) {
        await session.renew().catch(() => undefined);
        return;
      }
      await session.signIn();
    });
    return () => {
      events.removeUserLoaded(loaded);
      events.removeSilentRenewError(ended);
      events.removeUserSignedOut(ended);
    };
  }, [session]);

  if (!user) return <Spin size="large" fullscreen tip="正在登录…" />;
  const principal = principalOf(user.profile);
  if (!principal) {
    return <Result status="403" title="登录信息不完整" subTitle="身份认证服务没有提供角色或所属机构（role、orgId），请联系管理员检查账号配置。" />;
  }
  return <AuthContext.Provider value={{ session, principal }}>{children}</AuthContext.Provider>;
}
