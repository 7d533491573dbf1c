import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { arbitraryFor, type JsonSchema } from './json-schema';
import { BODY_KINDS, FIELD_KINDS, fieldPaths, MALFORMED_IDS, mutateBody, objectPaths, withUnknownField, ODD_BODIES, ODD_QUERY_VALUES, Rng, seedFor, serialize, type BodyKind } from './mutations';
import { send, type RawRequest, type RawResponse } from './send';

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: JsonSchema;
}

interface Operation {
  operationId?: string;
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
  security?: unknown[];
  'x-roles'?: string[];
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
}

export interface FuzzOptions {
  baseUrl: string;
  document: OpenApiDocument;
  /** A bearer token per role; routes with `x-roles` are called as one of theirs, the others as any of these. */
  tokens: Record<string, string>;
  seed: number;
  /** Generated cases per operation, on top of the fixed ones (odd bodies, malformed ids, no token). */
  runs: number;
  /** Requests in flight at once. */
  concurrency?: number;
  /** Operations to leave out, as `METHOD /path`, with the reason in the caller's comment. */
  skip?: string[];
  /**
   * A body known to pass, by `METHOD /path`: the rules across fields (Σ tranches = bounty, a real district code) are
   * beyond JSON Schema, so generated bodies rarely get past them; an example lets half the cases and every per-field
   * mutation start from a body that reaches the handler and the database.
   */
  examples?: Record<string, unknown>;
}

export interface FuzzCase {
  route: string;
  name: string;
  request: RawRequest;
  /** Statuses this case must get (else any below 500). */
  status?: number[];
  /** The field a 400 must name. */
  field?: string;
}

export interface FuzzFailure {
  route: string;
  case: string;
  problem: string;
  status: number;
  response: unknown;
  request: { method: string; url: string; contentType?: string; body?: string };
}

export interface FuzzReport {
  requests: Map<string, number>;
  /** Per route, how many answers had each status: shows how deep the cases reached (2xx) or where they stopped. */
  statuses: Map<string, Map<number, number>>;
  failures: FuzzFailure[];
}

/** Fields (and objects) of one body mutated one by one; bodies are small, the cap only bounds a pathological one. */
const MAX_FIELDS = 40;
const COMMANDS = new Set(['post', 'put', 'patch', 'delete']);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What is wrong with a response to `c`, or undefined. The error body is `{code, message, details}` (house rule). */
export function judge(c: FuzzCase, res: RawResponse): string | undefined {
  if (res.status >= 500) return `answered ${res.status}`;
  if (c.status && !c.status.includes(res.status)) return `expected ${c.status.join(' or ')}, got ${res.status}`;
  if (res.status < 400) return undefined;
  const body = res.body as { code?: unknown; message?: unknown; details?: { field?: unknown; fields?: { field: string }[] } } | undefined;
  if (typeof body !== 'object' || body === null || typeof body.code !== 'string' || typeof body.message !== 'string') {
    return `${res.status} without the error body {code, message}`;
  }
  if (res.status === 400 && typeof body.details?.field !== 'string') return `400 ${body.code} without details.field`;
  if (c.field !== undefined && res.status === 400) {
    const named = body.details?.field === c.field || (body.details?.fields ?? []).some((f) => f.field === c.field);
    if (!named) return `400 does not name the unknown field ${c.field} (details.field ${String(body.details?.field)})`;
  }
  return undefined;
}

/** Ids of objects the run created (2xx answers with an `id`), by collection path, so later cases reach real rows. */
class IdPool {
  private readonly ids = new Map<string, string[]>();
  private static collection = (path: string) => path.split('/{')[0];
  remember(path: string, body: unknown): void {
    const id = (body as { id?: unknown } | undefined)?.id;
    if (typeof id !== 'string' || !UUID.test(id)) return;
    const key = IdPool.collection(path);
    this.ids.set(key, [...(this.ids.get(key) ?? []), id]);
  }
  pick(path: string, rng: Rng): string | undefined {
    const found = this.ids.get(IdPool.collection(path));
    return found?.length ? rng.pick(found) : undefined;
  }
}

function sample(schema: JsonSchema | undefined, seed: number, count: number): unknown[] {
  if (schema === undefined || count === 0) return [];
  return fc.sample(arbitraryFor(schema), { seed, numRuns: count });
}

function pathValue(p: Parameter, rng: Rng, pool: IdPool, path: string, valid: unknown): string {
  if (p.schema?.format === 'uuid') return pool.pick(path, rng) ?? (rng.next() < 0.5 ? String(valid) : randomUUID());
  return encodeURIComponent(String(valid));
}

/** Every case for one operation: `runs` generated ones plus the fixed odd bodies, malformed ids and no token. */
export function casesFor(method: string, path: string, op: Operation, options: FuzzOptions, pool: IdPool): FuzzCase[] {
  const route = `${method.toUpperCase()} ${path}`;
  const rng = new Rng(seedFor(options.seed, route));
  const params = op.parameters ?? [];
  const pathParams = params.filter((p) => p.in === 'path');
  const queryParams = params.filter((p) => p.in === 'query');
  const bodySchema = op.requestBody?.content?.['application/json']?.schema;
  const isCommand = COMMANDS.has(method);
  const roles = op['x-roles'] ?? Object.keys(options.tokens);
  // No requirement, or the empty one (`[{}]`), means anonymous callers are welcome.
  const isPublic = Array.isArray(op.security) && (op.security.length === 0 || op.security.some((r) => Object.keys(r as object).length === 0));
  const seed = seedFor(options.seed, `${route}#values`);
  const example = options.examples?.[route];
  const bodies = sample(bodySchema, seed, options.runs).map((b, i) => (example !== undefined && i % 2 === 0 ? structuredClone(example) : b));
  const pathValues = Object.fromEntries(pathParams.map((p) => [p.name, sample(p.schema ?? { type: 'string' }, seed + 1, options.runs + 1)]));
  const queryValues = Object.fromEntries(queryParams.map((p) => [p.name, sample(p.schema ?? { type: 'string' }, seed + 2, options.runs)]));

  const token = () => options.tokens[rng.pick(roles.filter((r) => r in options.tokens))] ?? Object.values(options.tokens)[0];
  const url = (i: number, override: { path?: [string, string]; query?: string } = {}) => {
    let p = path;
    for (const param of pathParams) {
      const value = override.path?.[0] === param.name ? override.path[1] : pathValue(param, rng, pool, path, pathValues[param.name][i % pathValues[param.name].length]);
      p = p.replace(`{${param.name}}`, value);
    }
    const query = override.query ?? validQuery(i);
    return `${options.baseUrl}${p}${query ? `?${query}` : ''}`;
  };
  const validQuery = (i: number) =>
    queryParams
      .filter((q) => q.required || rng.next() < 0.5)
      .map((q) => {
        const v = queryValues[q.name][i % Math.max(1, queryValues[q.name].length)];
        return v === undefined || v === null ? undefined : `${encodeURIComponent(q.name)}=${encodeURIComponent(typeof v === 'object' ? JSON.stringify(v) : String(v))}`;
      })
      .filter(Boolean)
      .join('&');
  const request = (target: string, body?: string, contentType = 'application/json', auth = true): RawRequest => ({
    method: method.toUpperCase(),
    url: target,
    headers: { ...(auth && !isPublic ? { authorization: `Bearer ${token()}` } : {}), ...(body !== undefined && contentType ? { 'content-type': contentType } : {}) },
    body,
  });

  const cases: FuzzCase[] = [];
  for (let i = 0; i < options.runs; i++) {
    const kind: BodyKind = BODY_KINDS[i % BODY_KINDS.length];
    if (bodySchema) {
      const m = mutateBody(bodies[i], kind, rng);
      cases.push({ route, name: `body ${kind}`, request: request(url(i), serialize(m.body)), field: m.field });
    } else if (isCommand && kind === 'extra') {
      cases.push({ route, name: 'body on a body-less command', request: request(url(i), '{"fuzzUnknownField":1}'), status: [400], field: 'fuzzUnknownField' });
    } else if (queryParams.length > 0 && i % 2 === 1) {
      const q = rng.pick(queryParams);
      const value = rng.pick(ODD_QUERY_VALUES);
      cases.push({ route, name: `query ${q.name}=${value.slice(0, 20)}`, request: request(url(i, { query: `${encodeURIComponent(q.name)}=${value}` })) });
    } else {
      cases.push({ route, name: 'valid', request: request(url(i)) });
    }
  }
  if (bodySchema) {
    // Systematically too: every field of one valid body with each field mutation, an unknown field in every object.
    const valid = bodies[0];
    for (const field of fieldPaths(valid).slice(0, MAX_FIELDS)) {
      for (const kind of FIELD_KINDS) {
        const m = mutateBody(valid, kind, rng, field);
        cases.push({ route, name: `${field.join('.')} ${kind}`, request: request(url(0), serialize(m.body)) });
      }
    }
    for (const target of objectPaths(valid).slice(0, MAX_FIELDS)) {
      const m = withUnknownField(valid, target);
      cases.push({ route, name: `unknown field ${m.field}`, request: request(url(0), serialize(m.body)), status: [400], field: m.field });
    }
  }
  if (queryParams.length > 0) {
    cases.push({ route, name: 'unknown query parameter', request: request(url(0, { query: 'fuzzUnknown=1' })), status: [400], field: 'fuzzUnknown' });
    const q = queryParams[0];
    cases.push({ route, name: 'repeated query parameter', request: request(url(0, { query: `${q.name}=1&${q.name}=2` })) });
  }
  for (const param of pathParams) {
    for (const bad of MALFORMED_IDS) cases.push({ route, name: `path ${param.name}=${bad.slice(0, 20)}`, request: request(url(0, { path: [param.name, bad] }), bodySchema ? serialize(bodies[0]) : undefined) });
  }
  if (bodySchema || isCommand) {
    for (const odd of ODD_BODIES) {
      cases.push({ route, name: `body ${odd.name}`, request: request(url(0), odd.text, odd.contentType ?? 'application/json'), status: odd.status });
    }
  }
  if (!isPublic) cases.push({ route, name: 'no token', request: request(url(0), bodySchema ? serialize(bodies[0]) : undefined, 'application/json', false), status: [401] });
  return cases;
}

async function inPool<T>(items: T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, async () => {
    while (next < items.length) await work(items[next++]);
  }));
}

/**
 * Sends every case of every operation of `document` and judges each answer. Collections first (routes without a
 * path parameter), so the ids they create are there for the routes on single objects.
 */
export async function fuzzDocument(options: FuzzOptions): Promise<FuzzReport> {
  const pool = new IdPool();
  const requests = new Map<string, number>();
  const statuses = new Map<string, Map<number, number>>();
  const failures: FuzzFailure[] = [];
  const operations = Object.entries(options.document.paths)
    .flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ path, method, op })))
    .filter(({ method, path }) => !(options.skip ?? []).includes(`${method.toUpperCase()} ${path}`))
    .sort((a, b) => Number(a.path.includes('{')) - Number(b.path.includes('{')));
  for (const { path, method, op } of operations) {
    const cases = casesFor(method, path, op, options, pool);
    await inPool(cases, options.concurrency ?? 4, async (c) => {
      requests.set(c.route, (requests.get(c.route) ?? 0) + 1);
      let res: RawResponse;
      try {
        res = await send(c.request);
      } catch (e) {
        failures.push({ route: c.route, case: c.name, problem: `no answer: ${(e as Error).message}`, status: 0, response: undefined, request: brief(c.request) });
        return;
      }
      const counts = statuses.get(c.route) ?? new Map<number, number>();
      statuses.set(c.route, counts.set(res.status, (counts.get(res.status) ?? 0) + 1));
      if (res.status >= 200 && res.status < 300 && method === 'post') pool.remember(path, res.body);
      const problem = judge(c, res);
      if (problem) failures.push({ route: c.route, case: c.name, problem, status: res.status, response: res.body, request: brief(c.request) });
    });
  }
  return { requests, statuses, failures };
}

function brief(r: RawRequest): FuzzFailure['request'] {
  const cut = (s: string | undefined) => (s && s.length > 300 ? `${s.slice(0, 300)}… (${s.length} chars)` : s);
  return { method: r.method, url: cut(r.url)!, contentType: r.headers['content-type'], body: cut(r.body) };
}

/** One line per route with its request count, and the total: what the run covered. */
export function describeReport(report: FuzzReport): string {
  const lines = [...report.requests.entries()].map(([route, n]) => {
    const statuses = [...(report.statuses.get(route) ?? new Map<number, number>()).entries()].sort(([a], [b]) => a - b);
    return `${String(n).padStart(5)}  ${route.padEnd(60)} ${statuses.map(([s, k]) => `${s}×${k}`).join(' ')}`;
  });
  const total = [...report.requests.values()].reduce((a, b) => a + b, 0);
  return [...lines, `${String(total).padStart(5)}  requests over ${report.requests.size} routes, ${report.failures.length} failures`].join('\n');
}
