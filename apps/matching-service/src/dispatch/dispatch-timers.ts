import { Injectable, type OnModuleInit } from '@nestjs/common';
import { Timers, type FiringTimer, type TimerHandler } from '@jiebang/timers';
import type { EntityManager } from 'typeorm';
import type { Step } from './dispatch.domain';
import { expireOffer } from './dispatch-offer.domain';
import { flagDistrictOverdue, flagServiceOverdue, flagServiceOverdueToBureau } from './dispatch-service.domain';
import { DispatchClocks, DISTRICT_SLA_TIMER, ESCALATION_GRACE_TIMER, OFFER_TIMER, SERVICE_SLA_TIMER } from './dispatch-clocks';
import { DispatchStore, type StoredDispatch } from './dispatch.store';
import { DispatchSteps } from './dispatch-steps';
import { DispatchTeamService } from './dispatch-team.service';

type Decide = (s: StoredDispatch, timer: FiringTimer, em: EntityManager) => Promise<Step | null>;

/**
 * The dispatch's timers, thin like consumers: lock the dispatch (the order commands use), let the domain decide
 * from the state it finds (null: it moved on, nothing happens), commit the step. A second firing finds nothing to do.
 */
@Injectable()
export class DispatchTimers implements OnModuleInit {
  constructor(
    private readonly timers: Timers,
    private readonly store: DispatchStore,
    private readonly steps: DispatchSteps,
    private readonly team: DispatchTeamService,
    private readonly clocks: DispatchClocks,
  ) {}

  onModuleInit(): void {
    this.register(OFFER_TIMER, async (s, t, em) => expireOffer(s, t.firedAt, await this.team.nextOffer(em, s, t.firedAt), t.ctx.actor));
    this.register(DISTRICT_SLA_TIMER, async (s, t) => flagDistrictOverdue(s, t.ctx.actor, t.firedAt));
    this.register(SERVICE_SLA_TIMER, async (s, t) => flagServiceOverdue(s, this.clocks.graceClock(t.firedAt), t.ctx.actor, t.firedAt));
    this.register(ESCALATION_GRACE_TIMER, async (s, t) => flagServiceOverdueToBureau(s, t.ctx.actor, t.firedAt));
  }

  private register(kind: string, decide: Decide): void {
    const handler: TimerHandler = {
      kind,
      lockSubject: (em, id) => this.store.lockById(em, id),
      fire: async (em, timer) => {
        const current = await this.store.lockById(em, timer.subject);
        const step = current && (await decide(current, timer, em));
        if (step) await this.steps.commit(em, current, step, timer.ctx);
      },
    };
    this.timers.handle(handler);
  }
}
