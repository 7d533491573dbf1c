import { readFileSync } from 'node:fs';
import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { runInThisContext } from 'node:vm';
import { eventually, http, mintToken, query } from '@jiebang/testing';
import express from 'express';
import { districtOffice, publish, startNotificationApp, submitted, type NotificationApp } from '../testing/notification-app';
import { sign } from './webhook.signature';

/** The Node.js receiver of docs/notifications.md, verbatim, as a function of what it takes from its surroundings. */
function documentedReceiver(): (require: NodeJS.Require, process: { env: Record<string, string> }, handle: (notice: any) => void) => void {
  const docs = readFileSync(resolve(__dirname, '../../../../docs/notifications.md'), 'utf8');
  const code = /Receiver-side verification \(Node\.js[\s\S]*?```js\n([\s\S]*?)```/.exec(docs)?.[1];
  if (!code?.includes('timingSafeEqual')) throw new Error('the receiver snippet is not in docs/notifications.md');
  return runInThisContext(`(function (require, process, handle) {\n${code}\n})`);
}

/** What the receiver got and answered, raw, as a replaying attacker would have captured it. */
interface Exchange {
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** A POST with exactly these headers (Node's http client sends latin-1 header values as the bytes they are). */
function post(url: string, headers: Record<string, string>, body: Buffer): Promise<number> {
  return new Promise((done, fail) => {
    const req = request(url, { method: 'POST', headers: { ...headers, 'content-length': String(body.length) } }, (res) => {
      res.resume();
      done(res.statusCode ?? 0);
    });
    req.on('error', fail);
    req.end(body);
  });
}

describe('the receiver snippet of docs/notifications.md, against a real delivery', () => {
  let app: NotificationApp;
  let front: Server;
  let url: string;
  const exchanges: Exchange[] = [];
  const handled: { id: string; title: string }[] = [];

  beforeAll(async () => {
    app = await startNotificationApp();
    // The snippet's app is attached to this server when it calls listen(8080): same code, a free port.
    front = createServer((req) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => exchanges.push({ headers: req.headers, body: Buffer.concat(chunks) }));
    });
    await new Promise<void>((r) => front.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(front.address() as AddressInfo).port}/hooks/jiebang`;
  });

  afterAll(async () => {
    await app?.close();
    await new Promise((r) => front?.close(r));
  });

  it('accepts the delivery once, and refuses replays, forgeries and odd headers without a 500', async () => {
    const office = await mintToken(districtOffice('500117'));
    const hook = await http('POST', `${app.url}/api/v1/webhooks`, { token: office, body: { url, categories: ['challenge'] } });
    expect(hook.status).toBe(201);
    const shim = Object.assign((...args: Parameters<typeof express>) => {
      const receiver = express(...args);
      receiver.listen = (() => front.on('request', receiver)) as never;
      return receiver;
    }, express);
    const requireShim = ((id: string) => (id === 'express' ? shim : require(id))) as NodeJS.Require;
    documentedReceiver()(requireShim, { env: { JIEBANG_WEBHOOK_SECRET: hook.body.secret } }, (notice) => handled.push(notice));

    const event = submitted('500117', '永川茶叶品质快速分级');
    await publish(app.namespace, 'challenge', event);
    const delivery = await eventually(async () => {
      const [d] = await query<{ id: string; status: string }>(
        app.database,
        `SELECT id, status FROM deliveries WHERE source_id = $1 AND channel = 'webhook'`,
        [event.id],
      );
      expect(d.status).toBe('sent'); // the snippet's 204
      return d;
    });
    expect(handled).toEqual([expect.objectContaining({ id: delivery.id, title: '辖区企业提交榜单：永川茶叶品质快速分级' })]);

    const [captured] = exchanges;
    const headers = Object.fromEntries(Object.entries(captured.headers).map(([k, v]) => [k, String(v)]));
    // The same request again, and again with its unsigned delivery header changed: handled once.
    expect(await post(url, headers, captured.body)).toBe(204);
    expect(await post(url, { ...headers, 'x-jiebang-delivery': 'another-id' }, captured.body)).toBe(204);
    expect(handled).toHaveLength(1);

    const forged = Buffer.from(captured.body.toString().replace('永川', '江津'));
    const stale = Math.floor(Date.now() / 1000) - 600;
    const refusals: [string, Record<string, string>, Buffer][] = [
      ['a changed body', headers, forged],
      ['a latin-1 signature of the right length in characters', { ...headers, 'x-jiebang-signature': `v1=${'é'.repeat(64)}` }, captured.body],
      ['no signature', { ...headers, 'x-jiebang-signature': '' }, captured.body],
      ['a timestamp that is not a number', { ...headers, 'x-jiebang-timestamp': 'soon' }, captured.body],
      [
        'a correct signature of a stale timestamp',
        { ...headers, 'x-jiebang-timestamp': String(stale), 'x-jiebang-signature': sign(hook.body.secret, stale, captured.body.toString()) },
        captured.body,
      ],
    ];
    for (const [what, h, body] of refusals) expect({ what, status: await post(url, h, body) }).toEqual({ what, status: 401 });
    expect(handled).toHaveLength(1);
  });
});
