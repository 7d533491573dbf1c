import type { LookupAddress } from 'node:dns';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startWebhookReceiver, type WebhookReceiver } from '../testing/webhook-receiver';
import { Agents, postOnce, PostTimeout } from './webhook.http';
import { publicOnlyLookup, TargetBlocked } from './webhook-target';

/** The transport on real sockets: the SSRF guard sits in the connection itself, and timeouts are reported as such. */
describe('postOnce', () => {
  let receiver: WebhookReceiver;
  const agents = new Agents();
  const post = (url: string, lookup?: ReturnType<typeof publicOnlyLookup>, timeoutMs = 5_000) =>
    postOnce(new URL(url), agents, { headers: { 'content-type': 'application/json' }, body: '{"a":1}', timeoutMs, lookup });

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
  });

  afterAll(async () => {
    agents.destroy();
    await receiver.close();
  });

  it('posts the body and answers the status', async () => {
    receiver.on('/ok', () => 204);
    expect(await post(`${receiver.url}/ok`)).toBe(204);
    expect(receiver.callsTo('/ok')).toEqual([expect.objectContaining({ body: '{"a":1}', status: 204 })]);
  });

  it('never connects when the name resolves to a private address, whatever the name', async () => {
    const port = new URL(receiver.url).port;
    await expect(post(`http://localhost:${port}/guarded`, publicOnlyLookup())).rejects.toBeInstanceOf(TargetBlocked);
    // A public-looking name whose DNS answers loopback (rebinding): the resolver is the only thing faked.
    const rebinding = publicOnlyLookup((_h, _o, cb) => cb(null, [{ address: '127.0.0.1', family: 4 } as LookupAddress]));
    await expect(post(`http://hooks.example.com:${port}/guarded`, rebinding)).rejects.toThrow('blocked: resolves to a private address');
    expect(receiver.callsTo('/guarded')).toEqual([]);
  });

  it('reports a receiver that does not answer in time as a timeout', async () => {
    const silent: Server = createServer(() => undefined); // reads the request, never answers
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as AddressInfo;
    try {
      await expect(post(`http://127.0.0.1:${port}/`, undefined, 100)).rejects.toBeInstanceOf(PostTimeout);
    } finally {
      silent.closeAllConnections();
      await new Promise((resolve) => silent.close(resolve));
    }
  });
});
