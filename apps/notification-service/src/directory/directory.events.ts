import { Injectable } from '@nestjs/common';
import { challengeSubmittedV1, profileRegisteredV1, profileUpdatedV1, type EventOf } from '@jiebang/contracts';
import { OnEvent } from '@jiebang/messaging';
import type { EntityManager } from 'typeorm';
import { DirectoryService } from './directory.service';

type ProfileEvent = EventOf<typeof profileRegisteredV1> | EventOf<typeof profileUpdatedV1>;

/** Events that tell the directory who an organisation is, and whose a matching profile is. */
@Injectable()
export class DirectoryEvents {
  constructor(private readonly directory: DirectoryService) {}

  @OnEvent(challengeSubmittedV1)
  enterpriseSubmitted(e: EventOf<typeof challengeSubmittedV1>, em: EntityManager): Promise<void> {
    return this.directory.learn(em, {
      id: e.data.enterpriseOrgId,
      name: e.data.enterpriseName,
      role: 'enterprise',
      districtCode: e.data.districtCode,
    });
  }

  @OnEvent(profileRegisteredV1)
  profileRegistered(e: EventOf<typeof profileRegisteredV1>, em: EntityManager): Promise<void> {
    return this.profile(e, em);
  }

  @OnEvent(profileUpdatedV1)
  profileUpdated(e: EventOf<typeof profileUpdatedV1>, em: EntityManager): Promise<void> {
    return this.profile(e, em);
  }

  /**
   * A team's or a solver's profile names the organisation acting in that role; an expert's names the organisation
   * employing the expert, which is not an expert, so it teaches the directory nothing about the organisation — and
   * the person owning the profile (`ownerId`), to whom its notices go.
   */
  private async profile(e: ProfileEvent, em: EntityManager): Promise<void> {
    const { orgId, orgName, kind, districtCode, name, ownerId } = e.data;
    if (kind !== 'expert') await this.directory.learn(em, { id: orgId, name: orgName, role: kind, districtCode });
    await this.directory.learnProfile(em, { profileId: e.subject, orgId, role: kind, name, ownerId: ownerId ?? null, sequence: e.sequence });
  }
}
