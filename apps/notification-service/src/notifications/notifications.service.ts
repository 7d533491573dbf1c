import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Envelope, Principal } from '@jiebang/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import type { Audience, CatalogueEntry } from './catalogue';
import { Notification } from './notification.entity';
import { render } from './template';

export interface InboxQuery {
  unread?: boolean;
  category?: string;
  page: number;
  pageSize: number;
}

function audienceOf(a: Audience, event: Envelope) {
  if (a.kind === 'org') {
    const org = a.org(event);
    return { key: `org:${org}`, recipientOrgId: org, recipientRole: null, recipientDistrict: null };
  }
  const district = a.district?.(event) ?? null;
  return { key: `role:${a.role}:${district ?? '*'}`, recipientOrgId: null, recipientRole: a.role, recipientDistrict: district };
}

@Injectable()
export class NotificationsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Stores the in-app notices of one event, inside the consumer's inbox transaction. */
  async notify(entry: CatalogueEntry, event: Envelope, em: EntityManager): Promise<void> {
    const vars = entry.vars(event);
    const title = render(entry.template.title, vars);
    const body = render(entry.template.body, vars);
    const link = render(entry.template.link, vars);
    for (const audience of entry.audiences.map((a) => audienceOf(a, event))) {
      await em
        .createQueryBuilder()
        .insert()
        .into(Notification)
        .values({
          id: randomUUID(),
          eventId: event.id,
          eventType: event.type,
          audienceKey: audience.key,
          recipientOrgId: audience.recipientOrgId,
          recipientRole: audience.recipientRole,
          recipientDistrict: audience.recipientDistrict,
          category: entry.category,
          mandatory: entry.mandatory,
          title,
          body,
          link,
          createdAt: new Date(event.time),
        })
        .orIgnore()
        .execute();
    }
  }

  /** The caller's inbox: notices to their organisation, or to their role (within their district, if addressed so). */
  async inbox(p: Principal, q: InboxQuery): Promise<{ items: Notification[]; total: number; unread: number }> {
    const scoped = () => {
      const qb = this.dataSource.getRepository(Notification).createQueryBuilder('n');
      qb.where(
        `(n.recipient_org_id = :org OR (n.recipient_org_id IS NULL AND n.recipient_role = :role
          AND (n.recipient_district IS NULL OR n.recipient_district = :district)))`,
        { org: p.orgId, role: p.role, district: p.districtCode ?? '' },
      );
      return qb;
    };
    const list = scoped();
    if (q.unread) list.andWhere('n.read_at IS NULL');
    if (q.category) list.andWhere('n.category = :category', { category: q.category });
    const [items, total] = await list
      .orderBy('n.created_at', 'DESC')
      .addOrderBy('n.id', 'DESC')
      .skip((q.page - 1) * q.pageSize)
      .take(q.pageSize)
      .getManyAndCount();
    const unread = await scoped().andWhere('n.read_at IS NULL').getCount();
    return { items, total, unread };
  }
}
