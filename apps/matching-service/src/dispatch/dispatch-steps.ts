import { Injectable } from '@nestjs/common';
import type { ServiceRecord } from '@jiebang/contracts';
import type { CommandContext } from '@jiebang/messaging';
import type { EntityManager } from 'typeorm';
import type { DispatchState, Step } from './dispatch.domain';
import { DispatchClocks } from './dispatch-clocks';
import { DispatchEvents } from './dispatch-events';
import { DispatchStore } from './dispatch.store';
import { TeamLoad } from './team-load';

/** The write half of every use case, once the domain decided: save → open load → outbox → audit → timers. */
@Injectable()
export class DispatchSteps {
  constructor(
    private readonly store: DispatchStore,
    private readonly events: DispatchEvents,
    private readonly clocks: DispatchClocks,
    private readonly load: TeamLoad,
  ) {}

  async commit(
    em: EntityManager,
    before: DispatchState | null,
    step: Step,
    ctx: CommandContext,
    extra: { orderSequence?: number; record?: ServiceRecord } = {},
  ): Promise<void> {
    const at = step.transitions.at(-1)?.at ?? step.facts.at(-1)?.at ?? new Date();
    if (before) await this.store.save(em, before, step.state, at, extra.orderSequence);
    else {
      await this.store.insert(em, step.state, extra.orderSequence ?? 0);
      await this.store.save(em, { ...step.state, offers: [] }, step.state, at);
    }
    await this.load.apply(em, step.load, ctx);
    const eventId = await this.events.publish(em, step.state, step.facts, ctx, extra.record);
    await this.store.audit(em, step.state.id, step.transitions, eventId, ctx);
    await this.clocks.follow(em, before, step.state, ctx, eventId);
  }

  /** Once committed: this instance's index sees a team's new load before the caller ranks again. */
  afterCommit(step: Step): Promise<void> {
    return this.load.refresh(step.load);
  }
}
