import type { Logger } from '@nestjs/common';
import { Client, type ClientConfig } from 'pg';

/** NOTIFY channel: every committed profile change names its id here, and every instance refreshes its index. */
export const PROFILE_CHANNEL = 'matching_profiles';
const RECONNECT_MS = 1_000;
/** How the listening connection shows up in pg_stat_activity. */
export const LISTENER_APPLICATION_NAME = 'jiebang-matching-index';

export interface ListenerHandlers {
  /** A profile changed (its id, from the NOTIFY). */
  changed(id: string): void;
  /** Called after every reconnect: notifications may have been lost meanwhile. Throwing fails the attempt. */
  reconnected(): Promise<void>;
}

/**
 * The connection that LISTENs for profile changes. NOTIFY is not durable and a connection can die without a word,
 * so it has TCP keep-alive and is pinged; one that does not answer in time (half-open, say), errs or ends is
 * replaced, and `reconnected` runs after each new connection. An attempt that fails closes its client before the
 * next one, so attempts never pile up connections.
 */
export class ProfileListener {
  private client?: Client;
  private stopped = false;
  private pinging = false;
  private reconnecting = false;
  private pinger?: NodeJS.Timeout;
  readonly counters = { connections: 0, failedReconnects: 0 };

  constructor(
    private readonly connection: ClientConfig,
    private readonly timings: { pingMs: number; timeoutMs: number },
    private readonly handlers: ListenerHandlers,
    private readonly logger: Logger,
  ) {}

  /** Connected, and not in the middle of a reconnect (whose `reconnected` has not finished). */
  get connected(): boolean {
    return this.client !== undefined && !this.reconnecting;
  }

  async start(): Promise<void> {
    await this.listen();
    this.pinger = setInterval(() => void this.ping(), this.timings.pingMs);
    this.pinger.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.pinger);
    await this.client?.end().catch(() => undefined);
  }

  private async listen(): Promise<void> {
    const client = new Client({
      ...this.connection,
      application_name: LISTENER_APPLICATION_NAME,
      // The OS probes an idle connection, so a peer that vanished is noticed even between pings.
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
    });
    client.on('notification', (n) => n.payload && this.handlers.changed(n.payload));
    client.on('error', (e) => {
      this.logger.warn(`profile listener: ${e.message}`);
      void this.replace(client);
    });
    client.on('end', () => void this.replace(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${PROFILE_CHANNEL}`);
    } catch (e) {
      await client.end().catch(() => undefined);
      throw e;
    }
    this.client = client;
    this.counters.connections++;
  }

  /** A connection that does not answer in time is treated as lost, even if the socket still looks open. */
  private async ping(): Promise<void> {
    const client = this.client;
    if (!client || this.pinging) return;
    this.pinging = true;
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        client.query('SELECT 1'),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error(`no answer in ${this.timings.timeoutMs} ms`)), this.timings.timeoutMs);
        }),
      ]);
    } catch (e) {
      this.logger.warn(`profile listener ping failed (${(e as Error).message}): reconnecting`);
      await this.replace(client);
    } finally {
      clearTimeout(timer);
      this.pinging = false;
    }
  }

  /** Drops `client` if it is still the listener, and reconnects. */
  private async replace(client: Client): Promise<void> {
    if (this.stopped || client !== this.client) return;
    this.client = undefined;
    // With a query in flight (the unanswered ping) pg destroys the socket rather than wait for a goodbye.
    void client.end().catch(() => undefined);
    if (!this.reconnecting) await this.reconnect();
  }

  private async reconnect(): Promise<void> {
    this.reconnecting = true;
    try {
      while (!this.stopped) {
        await new Promise((r) => setTimeout(r, RECONNECT_MS));
        if (await this.reconnectOnce()) return;
      }
    } finally {
      this.reconnecting = false;
    }
  }

  /** One attempt: a new connection, then `reconnected`. True when both held (the connection was not lost meanwhile). */
  private async reconnectOnce(): Promise<boolean> {
    try {
      await this.listen();
      const client = this.client;
      await this.handlers.reconnected();
      return client !== undefined && this.client === client;
    } catch (e) {
      this.counters.failedReconnects++;
      this.logger.warn(`profile listener reconnect failed: ${(e as Error).message}`);
      const failed = this.client;
      this.client = undefined;
      await failed?.end().catch(() => undefined);
      return false;
    }
  }
}
