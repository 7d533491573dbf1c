import { Injectable } from '@nestjs/common';
import { DomainError, type Principal } from '@jiebang/contracts';
import type { CommandContext } from '@jiebang/messaging';
import type { EntityManager } from 'typeorm';
import type { AwardFields } from './award.domain';
import type { ChallengeState, Escalation, Transition } from './challenge.domain';
import { Challenge } from './challenge.entity';
import { ChallengeTransition } from './challenge-transition.entity';
import { DeadlineClock } from './deadline-clock';
import { PublicNoticeClock } from './public-notice-clock';
import { VettingClock } from './vetting-clock';

/** Column values as TypeORM loads them: scalars, dates, and jsonb arrays (compared by content). */
function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Date || b instanceof Date) return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  if (typeof a === 'object' && a !== null) return JSON.stringify(a) === JSON.stringify(b);
  return a === b;
}

export const challengeNotFound = (id: string) => DomainError.notFound('CHALLENGE_NOT_FOUND', '榜单不存在或无权查看', { id });

/** The steps every challenge use case shares inside its transaction: lock, save the changed columns, audit, timers. */
@Injectable()
export class ChallengeWriter {
  constructor(
    private readonly vettingClock: VettingClock,
    private readonly deadlineClock: DeadlineClock,
    private readonly publicNoticeClock: PublicNoticeClock,
  ) {}

  /** Row lock first, so concurrent commands (and timers) on one challenge serialise and its events keep their order. */
  lockForUpdate(em: EntityManager, id: string): Promise<Challenge | null> {
    return em.findOne(Challenge, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async loadOwnForUpdate(em: EntityManager, id: string, principal: Principal): Promise<Challenge> {
    const found = await this.lockForUpdate(em, id);
    if (!found || found.enterpriseOrgId !== principal.orgId) throw challengeNotFound(id);
    return found;
  }

  /** The bureau sees every submitted challenge; a draft is the enterprise's alone. */
  async loadForBureau(em: EntityManager, id: string): Promise<Challenge> {
    const found = await this.lockForUpdate(em, id);
    if (!found || found.status === 'DRAFT') throw challengeNotFound(id);
    return found;
  }

  /**
   * Writes the new state of a challenge this transaction has locked: one UPDATE of the columns that changed. `save`
   * would first SELECT the row again to find them: a second round trip and most of the ORM's CPU on every command.
   */
  async save(em: EntityManager, current: Challenge, state: ChallengeState, at: Date): Promise<Challenge> {
    const next = { ...current, ...state, updatedAt: at } as Challenge;
    const changed = Object.fromEntries(
      Object.entries(next).filter(([column, value]) => !sameValue(current[column as keyof Challenge], value)),
    );
    if (Object.keys(changed).length > 0) await em.update(Challenge, { id: current.id }, changed);
    return next;
  }

  /** Every transition goes through here: its audit entry, then the timers it arms or cancels. */
  async record(em: EntityManager, state: ChallengeState & Partial<AwardFields>, t: Transition, eventId: string | null, ctx: CommandContext): Promise<void> {
    await this.audit(em, state.id, t, eventId);
    await this.vettingClock.follow(em, state.id, t, ctx, eventId);
    await this.deadlineClock.follow(em, state, t, ctx, eventId);
    await this.publicNoticeClock.follow(em, state, t, ctx, eventId);
  }

  async audit(em: EntityManager, challengeId: string, t: Transition | Escalation, eventId: string | null): Promise<void> {
    const escalation = 'kind' in t;
    await em.insert(ChallengeTransition, {
      challengeId,
      kind: escalation ? 'escalation' : 'transition',
      fromStatus: escalation ? t.status : t.from,
      toStatus: escalation ? t.status : t.to,
      actorId: t.actor.id,
      actorRole: t.actor.role,
      actorOrgId: t.actor.orgId ?? null,
      reason: t.reason,
      changes: t.changes,
      eventId,
      at: t.at,
    });
  }
}
