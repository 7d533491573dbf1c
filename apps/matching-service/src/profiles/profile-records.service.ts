import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { RankingEngine } from '../engine/ranking.engine';
import { withRecords, type ProfileRecord } from './profile-record.domain';
import { ProfileStore } from './profile.store';

/**
 * On `project.closed` / `project.terminated`: the solver's profile records the finished project (once per project),
 * and its analysed past work is redone with it, so later rankings weigh it where they weigh past work.
 */
@Injectable()
export class ProfileRecordsService {
  private readonly logger = new Logger('ProfileRecords');

  constructor(
    private readonly store: ProfileStore,
    private readonly engine: RankingEngine,
  ) {}

  async record(em: EntityManager, r: ProfileRecord, eventId: string): Promise<void> {
    const profile = await this.store.lockById(em, r.profileId);
    if (!profile) {
      this.logger.warn(`project ${r.projectId} ended for unknown profile ${r.profileId}: not recorded`);
      return;
    }
    if (!(await this.store.insertRecord(em, r, eventId))) return; // recorded already (a re-drive under a new event id)
    const text = { name: profile.name, keywords: profile.keywords, capabilities: profile.capabilities, pastWork: profile.pastWork };
    await this.store.saveAnalysis(em, profile.id, this.engine.index.analyze(withRecords(text, await this.store.records(em, profile.id))), new Date());
  }
}
