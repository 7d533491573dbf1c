import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Principal } from '@jiebang/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { CATALOGUE } from '../catalogue/catalogue';
import { CATEGORIES, CHANNELS, type Category, type Channel } from '../catalogue/notice';
import { orgRoleKey, type OrgRole } from '../directory/directory.domain';
import { checkPreference, type Mode, type PreferenceSet } from './preference.domain';
import { PreferenceStore } from './preference.store';

export interface PreferenceInput {
  category: Category;
  channel: Channel;
  mode: Mode;
}

/**
 * Preferences belong to an audience (organisation × role), like the inbox: the members who read its notices choose
 * which of them to mute or fold into the digest, and a member acting in another role cannot touch them.
 */
@Injectable()
export class PreferencesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly store: PreferenceStore,
  ) {}

  async forAudiences(em: EntityManager, audiences: OrgRole[]): Promise<Map<string, PreferenceSet>> {
    const sets = new Map<string, Map<`${Category}/${Channel}`, Mode>>();
    if (audiences.length === 0) return sets;
    for (const p of await this.store.findForAudiences(em, audiences)) {
      const set = sets.get(orgRoleKey(p)) ?? new Map();
      set.set(`${p.category}/${p.channel}`, p.mode);
      sets.set(orgRoleKey(p), set);
    }
    return sets;
  }

  /** Every category × channel with its mode, and which notices of the category ignore it because they are mandatory. */
  async list(a: OrgRole) {
    const set = (await this.forAudiences(this.dataSource.manager, [a])).get(orgRoleKey(a)) ?? new Map();
    return {
      items: CATEGORIES.flatMap((category) =>
        CHANNELS.map((channel) => ({ category, channel, mode: set.get(`${category}/${channel}`) ?? 'immediate' })),
      ),
      mandatory: CATALOGUE.filter((n) => n.mandatory).map((n) => ({ notice: n.id, category: n.category, title: n.template.title })),
    };
  }

  /** The caller's own audience only: their organisation, in the role they act in. */
  async set(p: Principal, items: PreferenceInput[]) {
    items.forEach((i) => checkPreference(i.channel, i.mode));
    // One row per category × channel, the last item winning (Postgres refuses to upsert a row twice in one statement).
    const unique = [...new Map(items.map((i) => [`${i.category}/${i.channel}`, i])).values()];
    await this.store.upsertPreferences(unique.map((i) => ({ ...i, orgId: p.orgId, role: p.role, updatedBy: p.sub, updatedAt: new Date() })));
    return this.list(p);
  }
}
