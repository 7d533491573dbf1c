import { Injectable } from '@nestjs/common';
import {
  profileCapacityChangedV1,
  profileDisputeUpheldV1,
  profileRatedV1,
  profileRegisteredV1,
  profileUpdatedV1,
  profileWithdrawnV1,
  type EventOf,
} from '@jiebang/contracts';
import { OnEvent } from '@jiebang/messaging';
import type { EntityManager } from 'typeorm';
import { ProfilesProjection } from './profiles.projection';

/** Thin consumer of the profile stream: one handler per fact, each calling the projection. */
@Injectable()
export class ProfileEvents {
  constructor(private readonly profiles: ProfilesProjection) {}

  @OnEvent(profileRegisteredV1)
  registered(event: EventOf<typeof profileRegisteredV1>, em: EntityManager) {
    return this.profiles.snapshot(event, em);
  }

  @OnEvent(profileUpdatedV1)
  updated(event: EventOf<typeof profileUpdatedV1>, em: EntityManager) {
    return this.profiles.snapshot(event, em);
  }

  @OnEvent(profileCapacityChangedV1)
  capacityChanged(event: EventOf<typeof profileCapacityChangedV1>, em: EntityManager) {
    return this.profiles.capacityChanged(event, em);
  }

  @OnEvent(profileRatedV1)
  rated(event: EventOf<typeof profileRatedV1>, em: EntityManager) {
    return this.profiles.rated(event, em);
  }

  @OnEvent(profileDisputeUpheldV1)
  disputeUpheld(event: EventOf<typeof profileDisputeUpheldV1>, em: EntityManager) {
    return this.profiles.disputeUpheld(event, em);
  }

  @OnEvent(profileWithdrawnV1)
  withdrawn(event: EventOf<typeof profileWithdrawnV1>, em: EntityManager) {
    return this.profiles.withdrawn(event, em);
  }
}
