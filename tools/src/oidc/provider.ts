import { createHash, createPrivateKey, createPublicKey } from 'node:crypto';
import express, { urlencoded, type Express, type NextFunction, type Request, type Response } from 'express';
import Provider, { errors, type Configuration, type JWK } from 'oidc-provider';
import { passwordMatches, type DemoAccount } from './demo-accounts';
import { errorPage, loginPage, logoutPage, signedOutPage } from './pages';

export const CONSOLE_CLIENT_ID = 'jiebang-console';
/** The services as one OAuth resource server; its access tokens carry `aud` = the services' JWT_AUDIENCE. */
export const API_RESOURCE = 'urn:jiebang:api';
export const API_SCOPE = 'api';
/** Everything the provider answers lives under this path, so one reverse proxy can put it beside the console. */
export const MOUNT_PATH = '/oidc';

export interface OidcProviderOptions {
  /** The public issuer URL as browsers and token verifiers see it, e.g. http://127.0.0.1:3000/oidc. */
  issuer: string;
  /** Origins of the console: its sign-in callback and signed-out page are the only redirect targets. */
  consoleOrigins: string[];
  audience: string;
  signingKeyPem: string;
  accessTokenTtlSeconds: number;
  sessionTtlSeconds: number;
  accounts: DemoAccount[];
  password: string;
  cookieKeys: string[];
}

/** The dev private key as a signing JWK; its `kid` is derived from the public key, so it is stable across restarts. */
function signingJwk(pem: string): JWK {
  const key = createPrivateKey(pem);
  const kid = createHash('sha256').update(createPublicKey(key).export({ type: 'spki', format: 'der' })).digest('base64url').slice(0, 16);
  return { ...(key.export({ format: 'jwk' }) as JWK), kid, alg: 'RS256', use: 'sig' };
}

function configuration(o: OidcProviderOptions): Configuration {
  const bySub = new Map(o.accounts.map((a) => [a.claims.sub, a]));
  const claimsOf = (sub: string) => {
    const { sub: _sub, ...claims } = bySub.get(sub)!.claims;
    return claims;
  };
  return {
    clients: [
      {
        client_id: CONSOLE_CLIENT_ID,
        client_name: '揭榜挂帅平台控制台',
        application_type: 'web',
        token_endpoint_auth_method: 'none',
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        redirect_uris: o.consoleOrigins.map((origin) => `${origin}/auth/callback`),
        post_logout_redirect_uris: o.consoleOrigins.map((origin) => `${origin}/signed-out`),
      },
    ],
    jwks: { keys: [signingJwk(o.signingKeyPem)] },
    cookies: { keys: o.cookieKeys },
    pkce: { required: () => true },
    scopes: ['openid', 'profile', 'offline_access', API_SCOPE],
    // The console shows who is signed in from the ID token; the same claims go into the access token below.
    claims: { openid: ['sub'], profile: ['name', 'role', 'orgId', 'orgName', 'districtCode'] },
    conformIdTokenClaims: false,
    async findAccount(_ctx, sub) {
      if (!bySub.has(sub)) return undefined;
      return { accountId: sub, claims: () => ({ sub, ...claimsOf(sub) }) };
    },
    async extraTokenClaims(_ctx, token) {
      return token.kind === 'AccessToken' && token.accountId && bySub.has(token.accountId) ? claimsOf(token.accountId) : undefined;
    },
    // A first-party SPA: every sign-in may be refreshed while the session lasts (no offline_access consent dance).
    issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    ttl: {
      AccessToken: o.accessTokenTtlSeconds,
      IdToken: o.accessTokenTtlSeconds,
      RefreshToken: o.sessionTtlSeconds,
      Session: o.sessionTtlSeconds,
      Grant: o.sessionTtlSeconds,
      Interaction: 600,
      AuthorizationCode: 60,
    },
    interactions: { url: (_ctx, interaction) => `${MOUNT_PATH}/interaction/${interaction.uid}` },
    features: {
      devInteractions: { enabled: false },
      revocation: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: (ctx, form) => {
          ctx.type = 'html';
          ctx.body = logoutPage(form);
        },
        postLogoutSuccessSource: (ctx) => {
          ctx.type = 'html';
          ctx.body = signedOutPage();
        },
      },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => API_RESOURCE,
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx, indicator) => {
          if (indicator !== API_RESOURCE) throw new errors.InvalidTarget();
          return {
            scope: API_SCOPE,
            audience: o.audience,
            accessTokenTTL: o.accessTokenTtlSeconds,
            accessTokenFormat: 'jwt',
            jwt: { sign: { alg: 'RS256' } },
          };
        },
      },
    },
    renderError: (ctx, out) => {
      ctx.type = 'html';
      ctx.body = errorPage(out);
    },
  };
}

/**
 * The local OpenID Connect provider for development and tests (oidc-provider): a zh-CN login page over the demo
 * accounts, authorization code + PKCE for the console, JWT access tokens (RS256, the committed dev key) with the
 * claims the services verify, refresh tokens, and RP-initiated logout. Sessions live in memory.
 */
export function createOidcApp(o: OidcProviderOptions): { app: Express; provider: Provider } {
  const provider = new Provider(o.issuer, configuration(o));
  // Browsers reach it through the console's reverse proxy, which says how they called (X-Forwarded-*).
  provider.proxy = true;
  const app = express();
  app.disable('x-powered-by');
  const noStore = (_req: Request, res: Response, next: NextFunction) => {
    res.set('cache-control', 'no-store');
    next();
  };
  const hint = `演示环境：所有演示账号的密码均为 ${o.password}`;

  app.get(`${MOUNT_PATH}/interaction/:uid`, noStore, async (req, res, next) => {
    try {
      const details = await provider.interactionDetails(req, res);
      if (details.prompt.name === 'login') {
        res.type('html').send(loginPage({ uid: details.uid, accounts: o.accounts, passwordHint: hint }));
        return;
      }
      // Consent for the first-party console is implied: grant what it asked for and carry on.
      const grant = details.grantId
        ? (await provider.Grant.find(details.grantId))!
        : new provider.Grant({ accountId: details.session!.accountId, clientId: details.params.client_id as string });
      const missing = details.prompt.details as { missingOIDCScope?: string[]; missingOIDCClaims?: string[]; missingResourceScopes?: Record<string, string[]> };
      if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
      if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
      for (const [indicator, scopes] of Object.entries(missing.missingResourceScopes ?? {})) grant.addResourceScope(indicator, scopes.join(' '));
      const grantId = await grant.save();
      await provider.interactionFinished(req, res, { consent: details.grantId ? {} : { grantId } }, { mergeWithLastSubmission: true });
    } catch (e) {
      next(e);
    }
  });

  app.post(`${MOUNT_PATH}/interaction/:uid/login`, noStore, urlencoded({ extended: false, limit: '10kb' }), async (req, res, next) => {
    try {
      const details = await provider.interactionDetails(req, res);
      const username = String(req.body?.username ?? '');
      const account = o.accounts.find((a) => a.username === username);
      if (details.prompt.name !== 'login' || !account || !passwordMatches(String(req.body?.password ?? ''), o.password)) {
        const error = account ? '密码不正确，请重新输入' : '请选择一个演示账号';
        res.status(401).type('html').send(loginPage({ uid: details.uid, accounts: o.accounts, selected: username, error, passwordHint: hint }));
        return;
      }
      await provider.interactionFinished(req, res, { login: { accountId: account.claims.sub } }, { mergeWithLastSubmission: false });
    } catch (e) {
      next(e);
    }
  });

  app.use(MOUNT_PATH, provider.callback());

  app.use((err: Error, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(err);
    const expired = err instanceof errors.SessionNotFound;
    res
      .status(expired ? 400 : 500)
      .type('html')
      .send(errorPage({ error_description: expired ? '登录页面已过期，请返回平台重新登录' : '身份认证服务出错，请稍后重试' }));
  });
  return { app, provider };
}
