import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Principal } from '@jiebang/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { CATALOGUE } from '../catalogue/catalogue';
import { CATEGORIES, CHANNELS, type Category, type Channel } from '../catalogue/notice';
import { checkPreference, type Mode, type PreferenceSet } from './preference.domain';
import { Preference } from './preference.entity';

export interface PreferenceInput {
  category: Category;
  channel: Channel;
  mode: Mode;
}

@Injectable()
export class PreferencesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async forOrgs(em: EntityManager, orgIds: string[]): Promise<Map<string, PreferenceSet>> {
    const sets = new Map<string, Map<`${Category}/${Channel}`, Mode>>();
    if (orgIds.length === 0) return sets;
    const rows: Pick<Preference, 'orgId' | 'category' | 'channel' | 'mode'>[] = await em.query(
      `SELECT org_id AS "orgId", category, channel, mode FROM preferences WHERE org_id = ANY($1)`,
      [orgIds],
    );
    for (const p of rows) {
      const set = sets.get(p.orgId) ?? new Map();
      set.set(`${p.category}/${p.channel}`, p.mode);
      sets.set(p.orgId, set);
    }
    return sets;
  }

  /** Every category × channel with its mode, and which notices of the category ignore it because they are mandatory. */
  async list(orgId: string) {
    const set = (await this.forOrgs(this.dataSource.manager, [orgId])).get(orgId) ?? new Map();
    return {
      items: CATEGORIES.flatMap((category) =>
        CHANNELS.map((channel) => ({ category, channel, mode: set.get(`${category}/${channel}`) ?? 'immediate' })),
      ),
      mandatory: CATALOGUE.filter((n) => n.mandatory).map((n) => ({ notice: n.id, category: n.category, title: n.template.title })),
    };
  }

  async set(p: Principal, items: PreferenceInput[]) {
    items.forEach((i) => checkPreference(i.channel, i.mode));
    // One row per category × channel, the last item winning (Postgres refuses to upsert a row twice in one statement).
    const unique = [...new Map(items.map((i) => [`${i.category}/${i.channel}`, i])).values()];
    await this.dataSource
      .getRepository(Preference)
      .upsert(
        unique.map((i) => ({ ...i, orgId: p.orgId, updatedBy: p.sub, updatedAt: new Date() })),
        ['orgId', 'category', 'channel'],
      );
    return this.list(p.orgId);
  }
}
