import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  DomainError,
  profileCapacityChangedV1,
  profileDisputeUpheldV1,
  profileRatedV1,
  profileRegisteredV1,
  profileUpdatedV1,
  profileWithdrawnV1,
  type Principal,
  type ProfileContent,
} from '@jiebang/contracts';
import { Outbox, type CommandContext } from '@jiebang/messaging';
import { DataSource, type EntityManager } from 'typeorm';
import { RankingEngine } from '../engine/ranking.engine';
import { ProfileIndexSync } from '../ranking/profile-index.sync';
import { CandidateProfile } from './candidate-profile.entity';
import { withRecords } from './profile-record.domain';
import * as domain from './profile.domain';
import type { CapacityInput, DisputeInput, ListProfilesQuery, ProfileInput, RatingInput } from './profile.dto';
import { canReadProfile } from './profile.scope';
import { ProfileStore } from './profile.store';

const notFound = (id: string) => DomainError.notFound('PROFILE_NOT_FOUND', '画像不存在或无权查看', { id });

/**
 * Profile use cases: each is one transaction {load and lock (store) → decide (profile.domain.ts) → save (store, with
 * its NOTIFY) → outbox}; after the commit this instance's index is refreshed before the response, so a caller ranks
 * against what it just wrote.
 */
@Injectable()
export class ProfilesService {
  private readonly logger = new Logger('Profiles');

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly store: ProfileStore,
    private readonly outbox: Outbox,
    private readonly engine: RankingEngine,
    private readonly index: ProfileIndexSync,
  ) {}

  /**
   * PUT semantics: registers the profile under `id` if it is new (`created`), replaces its content otherwise. Someone
   * else's profile the caller may not even read is 404, as a GET would answer: a 403 would confirm that it exists.
   */
  async put(principal: Principal, id: string, input: ProfileInput, ctx: CommandContext): Promise<{ profile: CandidateProfile; created: boolean }> {
    let created = false;
    const saved = await this.ds.transaction(async (em) => {
      // A row lock cannot lock a row that does not exist yet: two PUTs registering the same new id would both see
      // none and both publish profile.registered. The id's advisory lock serialises them; the second one updates.
      await this.store.lockId(em, id);
      const current = await this.store.lockById(em, id);
      if (current && !canReadProfile(principal, current)) throw notFound(id);
      const content = this.contentOf(input, principal, current);
      const recordedAffiliations = current ? [] : await this.store.recordedAffiliations(em, content.kind, principal);
      const { state, registered, fact } = domain.put(current, { id, content, openLoad: input.openLoad, ownerId: input.ownerId, recordedAffiliations }, principal);
      // The platform's records of finished projects stay in the analysed past work whatever the owner edits.
      const analysis = this.engine.index.analyze(withRecords(state, current ? await this.store.records(em, id) : []));
      await this.store.save(em, state, analysis, new Date());
      await this.outbox.append(em, registered ? profileRegisteredV1 : profileUpdatedV1, { subject: id, sequence: state.version, data: fact }, ctx);
      created = registered;
      return this.store.loadById(em, id);
    });
    await this.refreshIndex(id);
    return { profile: saved, created };
  }

  async create(principal: Principal, input: ProfileInput, ctx: CommandContext): Promise<CandidateProfile> {
    return (await this.put(principal, randomUUID(), input, ctx)).profile;
  }

  async setCapacity(principal: Principal, id: string, input: CapacityInput, ctx: CommandContext): Promise<CandidateProfile> {
    return this.change(id, principal, async (em, current) => {
      const { state, fact } = domain.changeCapacity(current, input.openLoad, input.maxLoad ?? current.maxLoad, principal);
      await this.store.bump(em, id, state.version, { openLoad: state.openLoad, maxLoad: state.maxLoad }, new Date());
      await this.outbox.append(em, profileCapacityChangedV1, { subject: id, sequence: state.version, data: fact }, ctx);
    });
  }

  async rate(principal: Principal, id: string, input: RatingInput, ctx: CommandContext): Promise<CandidateProfile> {
    domain.assertBureau(principal);
    return this.change(id, principal, async (em, current) => {
      const now = new Date();
      const { state, rating, fact } = domain.rate(current, input, await this.store.hasRating(em, id, input.ratingId), now);
      await this.store.insertRating(em, id, rating);
      await this.store.bump(em, id, state.version, {}, now);
      await this.outbox.append(em, profileRatedV1, { subject: id, sequence: state.version, data: fact }, ctx);
    });
  }

  async upholdDispute(principal: Principal, id: string, input: DisputeInput, ctx: CommandContext): Promise<CandidateProfile> {
    domain.assertBureau(principal);
    return this.change(id, principal, async (em, current) => {
      const now = new Date();
      const { state, dispute, fact } = domain.upholdDispute(current, input, await this.store.hasDispute(em, id, input.disputeId), now);
      await this.store.insertDispute(em, id, dispute);
      await this.store.bump(em, id, state.version, {}, now);
      await this.outbox.append(em, profileDisputeUpheldV1, { subject: id, sequence: state.version, data: fact }, ctx);
    });
  }

  async withdraw(principal: Principal, id: string, reason: string, ctx: CommandContext): Promise<CandidateProfile> {
    return this.change(id, principal, async (em, current) => {
      const now = new Date();
      const { state, fact } = domain.withdraw(current, principal, reason, now);
      await this.store.bump(em, id, state.version, { withdrawnAt: now }, now);
      await this.outbox.append(em, profileWithdrawnV1, { subject: id, sequence: state.version, data: fact }, ctx);
    });
  }

  async get(id: string, principal: Principal): Promise<CandidateProfile> {
    const found = await this.store.findReadable(principal, id);
    if (!found) throw notFound(id);
    return found;
  }

  async list(principal: Principal, q: ListProfilesQuery): Promise<{ items: CandidateProfile[]; total: number }> {
    return this.store.listReadable(principal, q);
  }

  private async change(
    id: string,
    principal: Principal,
    apply: (em: EntityManager, current: domain.ProfileState) => Promise<void>,
  ): Promise<CandidateProfile> {
    const saved = await this.ds.transaction(async (em) => {
      const current = await this.store.lockById(em, id);
      if (!current || !canReadProfile(principal, current)) throw notFound(id);
      domain.assertActive(current);
      await apply(em, current);
      return this.store.loadById(em, id);
    });
    await this.refreshIndex(id);
    return saved;
  }

  // The change is committed; if this read fails, the reload is queued (and retried) like a notification's.
  private async refreshIndex(id: string): Promise<void> {
    await this.index.refresh([id]).catch((e: Error) => {
      this.logger.warn(`index refresh of ${id} deferred: ${e.message}`);
      this.index.enqueue([id]);
    });
  }

  /** The organisation defaults to the caller's (a team registers itself); an update keeps the stored one. */
  private contentOf(input: ProfileInput, p: Principal, current: domain.ProfileState | null): ProfileContent {
    const { openLoad: _openLoad, ownerId: _ownerId, orgId, orgName, districtCode, affiliations, ...rest } = input;
    return {
      ...rest,
      affiliations: affiliations ?? current?.affiliations ?? [],
      orgId: orgId ?? current?.orgId ?? p.orgId,
      orgName: orgName ?? current?.orgName ?? p.orgName ?? p.orgId,
      districtCode: districtCode === undefined ? (current?.districtCode ?? (rest.region === 'chongqing' ? (p.districtCode ?? null) : null)) : districtCode,
    };
  }
}
