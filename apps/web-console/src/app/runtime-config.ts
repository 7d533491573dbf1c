/** What a deployment decides at run time (served as /config.json by the console server or nginx), not at build time. */
export interface RuntimeConfig {
  oidc: {
    /** The issuer; a path (e.g. /oidc) is taken relative to the console's own origin. */
    authority: string;
    clientId: string;
    scope: string;
    /** Extra authorization request parameters some providers need (e.g. `resource` or `audience` for the API). */
    extraQueryParams?: Record<string, string>;
  };
}

export async function loadRuntimeConfig(): Promise<RuntimeConfig> {
  const res = await fetch('/config.json', { cache: 'no-store' });
  if (!res.ok) throw new Error(`无法读取控制台配置 /config.json（HTTP ${res.status}）`);
  const config = (await res.json()) as RuntimeConfig;
  return { ...config, oidc: { ...config.oidc, authority: new URL(config.oidc.authority, window.location.origin).toString().replace(/\/$/, '') } };
}
