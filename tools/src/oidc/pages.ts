import type { DemoAccount } from './demo-accounts';

/** Everything interpolated into a page passes through here. */
export function escapeHtml(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const STYLE = `
  *{box-sizing:border-box}
  body{margin:0;font-family:"PingFang SC","Microsoft YaHei","Noto Sans CJK SC","Noto Sans SC",sans-serif;background:#f0f2f5;color:#1f1f1f;line-height:1.6}
  main{max-width:760px;margin:40px auto;padding:32px 40px;background:#fff;border-radius:8px;box-shadow:0 1px 4px rgba(0,0,0,.12)}
  h1{font-size:24px;margin:0 0 4px}
  .sub{color:#595959;margin:0 0 24px}
  fieldset{border:1px solid #d9d9d9;border-radius:6px;padding:12px 16px;margin:0 0 20px}
  legend{padding:0 6px;font-weight:600}
  .accounts{display:grid;grid-template-columns:repeat(auto-fill,minmax(320px,1fr));gap:8px}
  .account{display:flex;gap:10px;align-items:flex-start;padding:8px 10px;border:1px solid #e8e8e8;border-radius:6px;cursor:pointer}
  .account:hover,.account:focus-within{border-color:#0958d9;background:#f0f7ff}
  .account input{margin-top:6px}
  .role{display:inline-block;font-size:12px;padding:0 6px;border-radius:4px;background:#e6f4ff;color:#0958d9;margin-right:6px}
  .org{display:block;color:#434343;font-size:13px}
  label.field{display:block;font-weight:600;margin-bottom:6px}
  input[type=password]{width:100%;max-width:320px;padding:8px 10px;font-size:16px;border:1px solid #8c8c8c;border-radius:6px}
  .hint{color:#595959;font-size:13px;margin:6px 0 20px}
  button{font-size:16px;padding:8px 28px;border:0;border-radius:6px;background:#0958d9;color:#fff;cursor:pointer}
  button:focus-visible{outline:3px solid #91caff;outline-offset:2px}
  .error{padding:10px 14px;margin:0 0 20px;border:1px solid #ffccc7;background:#fff2f0;color:#a8071a;border-radius:6px}
`;

function page(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · 揭榜挂帅平台</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>`;
}

export interface LoginPageInput {
  uid: string;
  accounts: DemoAccount[];
  selected?: string;
  error?: string;
  /** Shown on the page: this provider exists for development and tests only. */
  passwordHint: string;
}

export function loginPage(input: LoginPageInput): string {
  const selected = input.selected ?? input.accounts[0]?.username;
  const accounts = input.accounts
    .map(
      (a) => `<label class="account">
  <input type="radio" name="username" value="${escapeHtml(a.username)}"${a.username === selected ? ' checked' : ''}>
  <span><span class="role">${escapeHtml(a.roleLabel)}</span><strong>${escapeHtml(a.claims.name)}</strong>（${escapeHtml(a.title)}）
  <span class="org">${escapeHtml(a.claims.orgName)}</span></span>
</label>`,
    )
    .join('\n');
  const error = input.error ? `<p class="error" role="alert">${escapeHtml(input.error)}</p>` : '';
  return page(
    '登录',
    `<h1>登录揭榜挂帅 · 科技特派员协同平台</h1>
<p class="sub">本地开发身份认证服务：请选择一个演示账号并输入密码。</p>
${error}
<form method="post" action="/oidc/interaction/${escapeHtml(input.uid)}/login" autocomplete="off">
<fieldset>
<legend>演示账号</legend>
<div class="accounts">
${accounts}
</div>
</fieldset>
<label class="field" for="password">密码</label>
<input type="password" id="password" name="password" required aria-describedby="password-hint">
<p class="hint" id="password-hint">${escapeHtml(input.passwordHint)}</p>
<button type="submit">登录</button>
</form>`,
  );
}

/** RP-initiated logout: the user already chose 退出登录 in the console, so the confirmation submits itself. */
export function logoutPage(form: string): string {
  return page(
    '退出登录',
    `<h1>正在退出登录…</h1>
${form}
<noscript><p class="sub">浏览器未启用脚本，请点击下方按钮完成退出。</p></noscript>
<button type="submit" form="op.logoutForm" name="logout" value="yes">确认退出</button>
<script>document.getElementById('op.logoutForm').insertAdjacentHTML('beforeend','<input type="hidden" name="logout" value="yes">');document.getElementById('op.logoutForm').submit();</script>`,
  );
}

export function signedOutPage(): string {
  return page('已退出', `<h1>您已退出登录</h1><p class="sub">可以关闭此页面，或返回平台重新登录。</p>`);
}

export function errorPage(out: { error?: string; error_description?: string }): string {
  const description = out.error_description ?? out.error ?? '未知错误';
  return page('认证出错', `<h1>身份认证出错</h1><p class="error" role="alert">${escapeHtml(description)}</p><p class="sub">请返回平台重新登录。</p>`);
}
