import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { commonConfigSchema, JwtVerifier, parseConfig, signDevToken } from '@jiebang/service-kit';
import { eventually } from '@jiebang/test-infra';

const MAIN = resolve(__dirname, '../../dist/oidc/main.js'); // compiled by `npm test` before jest runs
const CONSOLE = 'http://console.test';
const CALLBACK = `${CONSOLE}/auth/callback`;

function freePort(): Promise<number> {
  return new Promise((done) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

/** A browser's cookie jar, as much as the provider's flow needs (its cookie names are distinct, paths ignored). */
class Browser {
  private cookies = new Map<string, string>();

  async request(url: string, init: RequestInit = {}): Promise<Response> {
    const res = await fetch(url, { ...init, redirect: 'manual', headers: { ...init.headers, cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, value] = [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)];
      if (value) this.cookies.set(name, value);
      else this.cookies.delete(name);
    }
    return res;
  }

  /** Follows redirects until one leaves the provider (the console's callback) or a page is shown. */
  async follow(url: string, init?: RequestInit): Promise<{ res: Response; url: string }> {
    let res = await this.request(url, init);
    while (res.status >= 300 && res.status < 400) {
      url = new URL(res.headers.get('location')!, url).toString();
      if (url.startsWith(CONSOLE)) return { res, url };
      res = await this.request(url);
    }
    return { res, url };
  }
}

const form = (fields: Record<string, string>): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(fields).toString(),
});

describe('local OIDC provider (compiled command)', () => {
  let child: ChildProcess;
  let issuer: string;
  const logs: string[] = [];

  beforeAll(async () => {
    const port = await freePort();
    issuer = `http://127.0.0.1:${port}/oidc`;
    child = spawn(process.execPath, [MAIN], {
      env: { ...process.env, NODE_ENV: 'test', OIDC_PORT: String(port), OIDC_ISSUER: issuer, CONSOLE_ORIGINS: CONSOLE },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (b: Buffer) => logs.push(b.toString()));
    child.stderr!.on('data', (b: Buffer) => logs.push(b.toString()));
    await eventually(async () => expect((await fetch(`${issuer}/.well-known/openid-configuration`)).status).toBe(200), 20_000, 200);
  });

  afterAll(() => {
    child?.kill('SIGTERM');
  });

  /** The console's flow: authorization code with PKCE, through the login page, to tokens. */
  async function signIn(browser: Browser, username: string) {
    const verifier = randomBytes(32).toString('base64url');
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    const authorize = new URL(`${issuer}/auth`);
    authorize.search = new URLSearchParams({
      client_id: 'jiebang-console',
      response_type: 'code',
      redirect_uri: CALLBACK,
      scope: 'openid profile api',
      state: 'st-1',
      code_challenge: challenge,
      code_challenge_method: 'S256',
    }).toString();
    const login = await browser.follow(authorize.toString());
    expect(login.res.status).toBe(200);
    const html = await login.res.text();
    expect(html).toContain('登录揭榜挂帅');
    expect(html).toContain('渝北区科学技术局');

    const wrong = await browser.request(`${login.url}/login`, form({ username, password: 'wrong-password' }));
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).toContain('密码不正确');

    const back = await browser.follow(`${login.url}/login`, form({ username, password: 'jiebang-demo' }));
    const callback = new URL(back.url);
    expect(callback.origin + callback.pathname).toBe(CALLBACK);
    expect(callback.searchParams.get('state')).toBe('st-1');
    const token = await fetch(
      `${issuer}/token`,
      form({ grant_type: 'authorization_code', code: callback.searchParams.get('code')!, redirect_uri: CALLBACK, client_id: 'jiebang-console', code_verifier: verifier }),
    );
    expect(token.status).toBe(200);
    return (await token.json()) as { access_token: string; refresh_token: string; id_token: string; expires_in: number };
  }

  const verifier = (issuers: string) =>
    JwtVerifier.fromConfig(parseConfig(commonConfigSchema, { PGDATABASE: 'x', NODE_ENV: 'test', JWT_JWKS_URL: `${issuer}/jwks`, JWT_ISSUER: issuers }));

  it('signs a demo account in with code + PKCE and issues JWT access tokens the services verify through its JWKS', async () => {
    const tokens = await signIn(new Browser(), 'yubei');
    expect(tokens.access_token.split('.')).toHaveLength(3);
    await expect(verifier(issuer).verify(tokens.access_token)).resolves.toEqual({
      sub: 'demo-yubei',
      role: 'district',
      orgId: 'org-district-500112',
      districtCode: '500112',
      name: '王建国',
      orgName: '渝北区科学技术局',
    });
    const idClaims = JSON.parse(Buffer.from(tokens.id_token.split('.')[1], 'base64url').toString());
    expect(idClaims).toMatchObject({ sub: 'demo-yubei', role: 'district', orgName: '渝北区科学技术局', aud: 'jiebang-console' });
  });

  it('refreshes while the session lasts, and not after sign-out', async () => {
    const browser = new Browser();
    const tokens = await signIn(browser, 'yujiang');
    const refreshed = await fetch(`${issuer}/token`, form({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token, client_id: 'jiebang-console' }));
    expect(refreshed.status).toBe(200);
    const next = (await refreshed.json()) as { access_token: string; refresh_token: string };
    await expect(verifier(issuer).verify(next.access_token)).resolves.toMatchObject({ role: 'enterprise', orgId: 'org-ent-yujiang-alu', districtCode: '500112' });

    const end = new URL(`${issuer}/session/end`);
    end.search = new URLSearchParams({ id_token_hint: tokens.id_token, post_logout_redirect_uri: `${CONSOLE}/signed-out`, client_id: 'jiebang-console' }).toString();
    const confirm = await browser.request(end.toString());
    const page = await confirm.text();
    expect(page).toContain('正在退出登录');
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(page)![1];
    const out = await browser.follow(`${issuer}/session/end/confirm`, form({ xsrf, logout: 'yes' }));
    expect(out.url).toBe(`${CONSOLE}/signed-out`);

    const afterLogout = await fetch(`${issuer}/token`, form({ grant_type: 'refresh_token', refresh_token: next.refresh_token, client_id: 'jiebang-console' }));
    expect(afterLogout.status).toBe(400);
    expect(await afterLogout.json()).toMatchObject({ error: 'invalid_grant' });
  });

  it('refuses an authorization request without PKCE', async () => {
    const authorize = new URL(`${issuer}/auth`);
    authorize.search = new URLSearchParams({ client_id: 'jiebang-console', response_type: 'code', redirect_uri: CALLBACK, scope: 'openid' }).toString();
    const { url } = await new Browser().follow(authorize.toString());
    expect(new URL(url).searchParams.get('error')).toBe('invalid_request');
  });

  it('shares its key with the dev token tool, so `npm run -s token` keeps working beside it', async () => {
    const devToken = await signDevToken({ sub: 'u', role: 'bureau', orgId: 'org-bureau' }, { issuer: 'jiebang-dev' });
    await expect(verifier(`${issuer},jiebang-dev`).verify(devToken)).resolves.toMatchObject({ role: 'bureau' });
  });

  it('refuses to start when NODE_ENV=production', () => {
    const run = spawnSync(process.execPath, [MAIN], { env: { ...process.env, NODE_ENV: 'production', OIDC_PORT: '1' }, encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/refuses to start when NODE_ENV=production/);
  });
});
