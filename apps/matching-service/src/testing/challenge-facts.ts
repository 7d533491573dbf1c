import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { STREAMS } from '@jiebang/contracts';
import { eventually, produceRaw, query } from '@jiebang/testing';
import type { MatchingTestApp } from './matching-app';

const golden = (type: string) => JSON.parse(readFileSync(resolve(__dirname, `../../../../libs/contracts/fixtures/${type}.v1.json`), 'utf8'));

/**
 * Feeds one 榜单's facts to a running matching-service the way challenge-service does (golden-fixture-shaped events
 * on the namespaced topic), keeping the challenge's sequence.
 */
export class ChallengeFeed {
  readonly id = randomUUID();
  private sequence = 7;

  constructor(private readonly m: MatchingTestApp) {}

  message(type: string, data: Record<string, unknown> = {}, sequence = ++this.sequence) {
    const f = golden(type);
    return { key: this.id, value: JSON.stringify({ ...f, id: randomUUID(), subject: this.id, sequence, data: { ...f.data, ...data } }) };
  }

  async send(type: string, data: Record<string, unknown> = {}): Promise<void> {
    await produceRaw(this.m.namespace, STREAMS.challenge.topic, [this.message(type, data)]);
  }

  /** Published and waited for; `deadlineAt` defaults to a week from now. */
  async publish(data: Record<string, unknown> = {}): Promise<void> {
    await this.send('challenge.published', { deadlineAt: new Date(Date.now() + 7 * 86_400_000).toISOString(), ...data });
    await this.waitFor('PUBLISHED');
  }

  async acceptTerms(orgId: string, role: 'solver' | 'team' = 'solver'): Promise<void> {
    await this.send('challenge.terms-accepted', { orgId, role });
    await eventually(async () =>
      expect(await query(this.m.database, 'SELECT 1 FROM challenge_terms_acceptances WHERE challenge_id = $1 AND org_id = $2', [this.id, orgId])).toHaveLength(1),
    );
  }

  async close(data: Record<string, unknown> = {}): Promise<void> {
    await this.send('challenge.closed', { closedAt: new Date().toISOString(), ...data });
    await eventually(async () => expect(await query(this.m.database, 'SELECT 1 FROM review_rounds WHERE challenge_id = $1', [this.id])).toHaveLength(1));
  }

  async waitFor(status: string): Promise<void> {
    await eventually(async () => expect(await query(this.m.database, 'SELECT status FROM known_challenges WHERE id = $1', [this.id])).toEqual([{ status }]));
  }
}
