import { connect, createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { pgConnection } from '@jiebang/test-infra';

interface Pair {
  client: Socket;
  server: Socket;
  /** What the client sent, as far as needed to recognise its LISTENs. */
  sent: string;
  frozen: boolean;
}

/**
 * A TCP proxy in front of Postgres, for tests of a connection that goes half-open. `freezeListeners` makes every
 * connection that has sent a LISTEN stop passing bytes either way while both sockets stay open: what a dropped NAT
 * entry or a peer that vanished looks like to the client, which sees no error and no close. Only the connections
 * listening on the given channel freeze (the outbox relay LISTENs too).
 */
export class PgProxy {
  private readonly pairs = new Set<Pair>();

  private constructor(private readonly listener: Server) {}

  static async start(target: { host: string; port: number } = pgConnection('postgres')): Promise<PgProxy> {
    const proxy: PgProxy = new PgProxy(createServer((client) => proxy.accept(client, target)));
    await new Promise<void>((resolve) => proxy.listener.listen(0, '127.0.0.1', resolve));
    return proxy;
  }

  get port(): number {
    return (this.listener.address() as AddressInfo).port;
  }

  /** Freezes the connections that LISTEN on `channel` now; returns how many. Later connections pass bytes as usual. */
  freezeListeners(channel: string): number {
    let frozen = 0;
    for (const pair of this.pairs) {
      if (pair.sent.includes(`LISTEN ${channel}`) && !pair.frozen) {
        pair.frozen = true;
        frozen++;
      }
    }
    return frozen;
  }

  async close(): Promise<void> {
    for (const { client, server } of this.pairs) {
      client.destroy();
      server.destroy();
    }
    await new Promise((resolve) => this.listener.close(resolve));
  }

  private accept(client: Socket, target: { host: string; port: number }): void {
    const pair: Pair = { client, server: connect(target.port, target.host), sent: '', frozen: false };
    this.pairs.add(pair);
    client.on('data', (chunk: Buffer) => {
      if (pair.sent.length < 4096) pair.sent += chunk.toString('latin1');
      if (!pair.frozen) pair.server.write(chunk);
    });
    pair.server.on('data', (chunk: Buffer) => {
      if (!pair.frozen) client.write(chunk);
    });
    const drop = () => {
      client.destroy();
      pair.server.destroy();
      this.pairs.delete(pair);
    };
    for (const socket of [client, pair.server]) {
      socket.on('close', drop);
      socket.on('error', drop);
    }
  }
}
