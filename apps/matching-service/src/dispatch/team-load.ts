import { Injectable, Logger } from '@nestjs/common';
import { DomainError, profileCapacityChangedV1, type TeamRef } from '@jiebang/contracts';
import { Outbox, type CommandContext } from '@jiebang/messaging';
import type { EntityManager } from 'typeorm';
import { ProfileIndexSync } from '../ranking/profile-index.sync';
import { ProfileStore } from '../profiles/profile.store';
import type { LoadChange } from './dispatch.domain';

/**
 * A team's open load follows its accepted orders, through the profile's own capacity path: the row locked after the
 * dispatch's (one lock order everywhere), the version bumped with its NOTIFY (every index follows) and
 * `profile.capacity-changed` appended in the same transaction.
 */
@Injectable()
export class TeamLoad {
  private readonly logger = new Logger('TeamLoad');

  constructor(
    private readonly profiles: ProfileStore,
    private readonly outbox: Outbox,
    private readonly index: ProfileIndexSync,
  ) {}

  async apply(em: EntityManager, change: LoadChange, ctx: CommandContext): Promise<void> {
    if (!change) return;
    const profile = await this.profiles.lockById(em, change.team.profileId);
    if (!profile) return;
    // Accepting is refused on a team that filled up (another order accepted first) or was suspended meanwhile.
    if (change.delta > 0) assertAvailable(profile, change.team);
    const openLoad = Math.max(0, profile.openLoad + change.delta);
    const version = profile.version + 1;
    await this.profiles.bump(em, profile.id, version, { openLoad }, new Date());
    await this.outbox.append(em, profileCapacityChangedV1, { subject: profile.id, sequence: version, data: { openLoad, maxLoad: profile.maxLoad } }, ctx);
  }

  /** After the commit: this instance ranks against the new load at once (others follow the NOTIFY). */
  async refresh(change: LoadChange): Promise<void> {
    if (!change) return;
    await this.index.refresh([change.team.profileId]).catch((e: Error) => {
      this.logger.warn(`index refresh of ${change.team.profileId} deferred: ${e.message}`);
      this.index.enqueue([change.team.profileId]);
    });
  }
}

function assertAvailable(p: { openLoad: number; maxLoad: number; suspended: boolean; withdrawnAt: Date | null }, team: TeamRef): void {
  const why = p.withdrawnAt ? '画像已撤销' : p.suspended ? '团队已被暂停' : p.openLoad >= p.maxLoad ? `负荷已满（在办 ${p.openLoad} 项，上限 ${p.maxLoad} 项）` : null;
  if (why) throw DomainError.invalidState('DISPATCH_TEAM_UNAVAILABLE', `团队「${team.name}」不能接单：${why}`, 'OFFERED');
}
