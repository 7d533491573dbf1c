export type ConsumerState = 'starting' | 'idle' | 'running' | 'rebalancing' | 'restarting' | 'dead' | 'stopped';

/** What readiness and liveness report about the Kafka consumer; a dead consumer must never look healthy. */
export class ConsumerHealth {
  state: ConsumerState = 'starting';
  lastError?: string;
  restarts = 0;

  /**
   * `idle`: the service consumes no stream. A rebalance is brief and normal when instances scale, so it does not
   * take every instance out of the load balancer at once.
   */
  get ready(): boolean {
    return this.state === 'running' || this.state === 'idle' || this.state === 'rebalancing';
  }

  /** Liveness fails only when the consumer will not come back by itself. */
  get alive(): boolean {
    return this.state !== 'dead';
  }
}
