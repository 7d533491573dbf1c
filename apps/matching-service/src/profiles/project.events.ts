import { Injectable } from '@nestjs/common';
import { PROJECT_EVENTS, projectClosedV1, projectTerminatedV1, type EventOf } from '@jiebang/contracts';
import { IgnoresEvents, OnEvent } from '@jiebang/messaging';
import type { EntityManager } from 'typeorm';
import { ProfileRecordsService } from './profile-records.service';

/** Thin consumer of challenge-service's project stream: only how a project ended matters to the solver's profile. */
@IgnoresEvents(...PROJECT_EVENTS.filter((d) => d !== projectClosedV1 && d !== projectTerminatedV1))
@Injectable()
export class ProjectEvents {
  constructor(private readonly records: ProfileRecordsService) {}

  @OnEvent(projectClosedV1)
  closed(event: EventOf<typeof projectClosedV1>, em: EntityManager) {
    return this.records.record(em, this.recordOf(event, 'CLOSED', event.data.closedAt), event.id);
  }

  @OnEvent(projectTerminatedV1)
  terminated(event: EventOf<typeof projectTerminatedV1>, em: EntityManager) {
    return this.records.record(em, this.recordOf(event, 'TERMINATED', event.data.terminatedAt), event.id);
  }

  private recordOf(event: EventOf<typeof projectClosedV1> | EventOf<typeof projectTerminatedV1>, outcome: 'CLOSED' | 'TERMINATED', at: string) {
    const d = event.data;
    return { projectId: event.subject, profileId: d.profileId, challengeId: d.challengeId, challengeTitle: d.title, applicationId: d.applicationId, outcome, endedAt: new Date(at) };
  }
}
