import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedCall {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** What the receiver answered. */
  status: number;
}

/** How a path answers its n-th call (0-based). */
export type Behaviour = (n: number) => number;

export interface WebhookReceiver {
  url: string;
  calls: ReceivedCall[];
  callsTo(path: string): ReceivedCall[];
  /** Sets how `path` answers from now on; unknown paths answer 200. */
  on(path: string, behaviour: Behaviour): void;
  close(): Promise<void>;
}

/** A real HTTP server standing in for an organisation's webhook receiver. */
export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const calls: ReceivedCall[] = [];
  const behaviours = new Map<string, Behaviour>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = req.url ?? '/';
      const n = calls.filter((c) => c.path === path).length;
      const status = (behaviours.get(path) ?? (() => 200))(n);
      calls.push({ path, headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), status });
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    callsTo: (path) => calls.filter((c) => c.path === path),
    on: (path, behaviour) => behaviours.set(path, behaviour),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
