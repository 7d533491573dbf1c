import { Injectable } from '@nestjs/common';
import type {
  EventOf,
  profileCapacityChangedV1,
  profileDisputeUpheldV1,
  profileRatedV1,
  profileRegisteredV1,
  profileUpdatedV1,
  profileWithdrawnV1,
} from '@jiebang/contracts';
import type { EntityManager } from 'typeorm';
import { RankingEngine } from '../engine/ranking.engine';
import { assertNotFuture } from './profile.domain';
import { bumpProfile, insertDispute, insertRating, saveProfile } from './profile.store';

type Snapshot = EventOf<typeof profileRegisteredV1> | EventOf<typeof profileUpdatedV1>;

/**
 * Applies facts from the profile stream to the table, each "if newer" on the aggregate's sequence. The service's own
 * events find their change already applied (a no-op); a fact published by another producer (an import, a registry)
 * is applied here, and the NOTIFY in the same transaction brings it into every instance's index.
 */
@Injectable()
export class ProfilesProjection {
  constructor(private readonly engine: RankingEngine) {}

  async snapshot(event: Snapshot, em: EntityManager): Promise<void> {
    const { openLoad, ownerId: named, ...content } = event.data;
    const [stored]: { owner_id: string | null; version: number }[] = await em.query(
      `SELECT owner_id, version FROM candidate_profiles WHERE id = $1`,
      [event.subject],
    );
    if (stored && stored.version >= event.sequence) return; // already applied (our own event) or stale
    // The owner never changes once recorded. A new expert profile belongs to the person the event names (`ownerId`);
    // an event that names nobody (published before the field existed) belongs to the expert who registered itself,
    // never to an authority importing it — as over HTTP, where the bureau registering an expert must name the owner.
    const ownerId = stored?.owner_id ?? (content.kind !== 'expert' ? null : (named ?? (event.actor.role === 'expert' ? event.actor.id : null)));
    const state = { ...content, id: event.subject, version: event.sequence, ownerId, openLoad, withdrawnAt: null };
    await saveProfile(em, state, this.engine.index.analyze(content), new Date(event.time));
  }

  async capacityChanged(event: EventOf<typeof profileCapacityChangedV1>, em: EntityManager): Promise<void> {
    await bumpProfile(em, event.subject, event.sequence, event.data, new Date(event.time));
  }

  /**
   * A rating or dispute dated in the future is schema-valid but would outweigh every real one (its decay weight
   * grows with the date): the handler refuses it, so the event is parked on the dead-letter topic, not applied.
   */
  async rated(event: EventOf<typeof profileRatedV1>, em: EntityManager): Promise<void> {
    assertNotFuture(new Date(event.data.ratedAt), new Date(), 'ratedAt');
    if (await bumpProfile(em, event.subject, event.sequence, {}, new Date(event.time))) {
      await insertRating(em, event.subject, { ...event.data, ratedAt: new Date(event.data.ratedAt) });
    }
  }

  async disputeUpheld(event: EventOf<typeof profileDisputeUpheldV1>, em: EntityManager): Promise<void> {
    assertNotFuture(new Date(event.data.upheldAt), new Date(), 'upheldAt');
    if (await bumpProfile(em, event.subject, event.sequence, {}, new Date(event.time))) {
      await insertDispute(em, event.subject, { ...event.data, upheldAt: new Date(event.data.upheldAt) });
    }
  }

  async withdrawn(event: EventOf<typeof profileWithdrawnV1>, em: EntityManager): Promise<void> {
    await bumpProfile(em, event.subject, event.sequence, { withdrawnAt: new Date(event.data.withdrawnAt) }, new Date(event.time));
  }
}
