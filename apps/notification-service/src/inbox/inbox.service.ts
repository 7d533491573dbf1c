import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError, type Principal } from '@jiebang/contracts';
import { DataSource } from 'typeorm';
import type { Delivery } from '../deliveries/delivery.entity';
import { scopeParams, visibleSql } from './inbox.scope';
import { Notification } from './notification.entity';

export interface InboxQuery {
  unread?: boolean;
  category?: string;
  page: number;
  pageSize: number;
}

/** What callers see of a notice (recipients and ids of the pipeline stay inside). */
export function view(n: Notification) {
  const { id, eventType, category, mandatory, priority, title, body, link, createdAt, readAt } = n;
  return { id, eventType, category, mandatory, priority, title, body, link, createdAt, readAt };
}

@Injectable()
export class InboxService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The in-app channel: stores the notice under its delivery's id. Null if it was already there (a re-run). */
  async store(d: Delivery): Promise<Notification | null> {
    const n: Notification = {
      id: d.id,
      sourceId: d.sourceId,
      eventType: d.eventType,
      noticeId: d.noticeId,
      recipientOrgId: d.recipientOrgId,
      recipientUserId: d.recipientUserId,
      recipientRole: d.recipientRole,
      category: d.category,
      mandatory: d.mandatory,
      priority: d.priority,
      title: d.content.title,
      body: d.content.body,
      link: d.content.link,
      createdAt: new Date(d.content.occurredAt),
      deliveredAt: new Date(),
      readAt: null,
    };
    const inserted: unknown[] = await this.dataSource.query(
      `INSERT INTO notifications (id, source_id, event_type, notice_id, recipient_org_id, recipient_user_id, recipient_role,
         category, mandatory, priority, title, body, link, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) ON CONFLICT (id) DO NOTHING RETURNING id`,
      [n.id, n.sourceId, n.eventType, n.noticeId, n.recipientOrgId, n.recipientUserId, n.recipientRole, n.category, n.mandatory, n.priority, n.title, n.body, n.link, n.createdAt],
    );
    return inserted.length ? n : null;
  }

  async list(p: Principal, q: InboxQuery) {
    const list = this.scoped(p);
    if (q.unread) list.andWhere('n.read_at IS NULL');
    if (q.category) list.andWhere('n.category = :category', { category: q.category });
    const [items, total] = await list
      .orderBy('n.created_at', 'DESC')
      .addOrderBy('n.id', 'DESC')
      .skip((q.page - 1) * q.pageSize)
      .take(q.pageSize)
      .getManyAndCount();
    return { items: items.map(view), total, unread: (await this.unreadCount(p)).unread, page: q.page, pageSize: q.pageSize };
  }

  async unreadCount(p: Principal): Promise<{ unread: number; byCategory: Record<string, number> }> {
    const rows: { category: string; n: string }[] = await this.scoped(p)
      .select('n.category', 'category')
      .addSelect('count(*)', 'n')
      .andWhere('n.read_at IS NULL')
      .groupBy('n.category')
      .getRawMany();
    const byCategory = Object.fromEntries(rows.map((r) => [r.category, Number(r.n)]));
    return { unread: rows.reduce((sum, r) => sum + Number(r.n), 0), byCategory };
  }

  async markRead(p: Principal, id: string) {
    const n = await this.scoped(p).andWhere('n.id = :id', { id }).getOne();
    if (!n) throw DomainError.notFound('NOTIFICATION_NOT_FOUND', '没有这条通知', { id });
    if (!n.readAt) {
      n.readAt = new Date();
      await this.dataSource.getRepository(Notification).update({ id }, { readAt: n.readAt });
    }
    return view(n);
  }

  async markAllRead(p: Principal, category?: string): Promise<{ marked: number }> {
    const qb = this.dataSource
      .createQueryBuilder()
      .update(Notification)
      .set({ readAt: () => 'now()' })
      .where(visibleSql(), scopeParams(p))
      .andWhere('read_at IS NULL');
    if (category) qb.andWhere('category = :category', { category });
    return { marked: (await qb.execute()).affected ?? 0 };
  }

  private scoped(p: Principal) {
    return this.dataSource.getRepository(Notification).createQueryBuilder('n').where(visibleSql('n'), scopeParams(p));
  }
}
