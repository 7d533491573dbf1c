import type { User, UserManager } from 'oidc-client-ts';

/** Renew this long before expiry, so a request never leaves with a token that expires on the way. */
const EXPIRY_MARGIN_SECONDS = 30;

/** The sign-in is over (refresh refused): the browser is already on its way to the login page. */
export class SessionEndedError extends Error {
  constructor() {
    super('登录已失效，正在跳转到登录页');
  }
}

interface ReturnState {
  returnTo: string;
}

/** Tokens for API calls: renewed with the refresh token when needed, one renewal at a time; sign-in again when refused. */
export class AuthSession {
  private renewal?: Promise<string>;

  constructor(readonly manager: UserManager) {}

  async accessToken(): Promise<string> {
    const user = await this.manager.getUser();
    if (user && !user.expired && (user.expires_in ?? 0) > EXPIRY_MARGIN_SECONDS) return user.access_token;
    return this.renew();
  }

  renew(): Promise<string> {
    this.renewal ??= this.manager
      .signinSilent()
      .then((user) => {
        if (!user) throw new Error('no user after renewal');
        return user.access_token;
      })
      .catch(async () => {
        await this.signIn();
        throw new SessionEndedError();
      })
      .finally(() => {
        this.renewal = undefined;
      });
    return this.renewal;
  }

  /** To the provider's login page; back to where the user was afterwards. */
  async signIn(returnTo = `${window.location.pathname}${window.location.search}`): Promise<void> {
    await this.manager.removeUser();
    await this.manager.signinRedirect({ state: { returnTo } satisfies ReturnState });
  }

  async completeSignIn(): Promise<string> {
    const user: User = await this.manager.signinRedirectCallback();
    const state = user.state as ReturnState | undefined;
    return state?.returnTo?.startsWith('/') ? state.returnTo : '/';
  }

  async signOut(): Promise<void> {
    await this.manager.signoutRedirect();
  }
}

/** `fetch` for the API clients: the bearer token on every request; one renewal and retry on a 401. */
export function authorizedFetch(session: AuthSession): (request: Request) => Promise<Response> {
  const send = (request: Request, token: string) => {
    request.headers.set('authorization', `Bearer ${token}`);
    return fetch(request);
  };
  return async (request) => {
    const retry = request.clone();
    const first = await send(request, await session.accessToken());
    if (first.status !== 401) return first;
    const second = await send(retry, await session.renew());
    if (second.status === 401) await session.signIn();
    return second;
  };
}
