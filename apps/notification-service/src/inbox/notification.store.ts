import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Principal } from '@jiebang/contracts';
import { DataSource } from 'typeorm';
import { scopeParams, visibleSql } from './inbox.scope';
import { Notification } from './notification.entity';

export interface InboxQuery {
  unread?: boolean;
  category?: string;
  page: number;
  pageSize: number;
}

/** In-app notices; every read and every mark is scoped to what the caller may see (`inbox.scope.ts`). */
@Injectable()
export class NotificationStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** False if a notice with this id is there already. */
  async insertNotification(n: Notification): Promise<boolean> {
    const inserted: unknown[] = await this.dataSource.query(
      `INSERT INTO notifications (id, source_id, event_type, notice_id, recipient_org_id, recipient_user_id, recipient_role,
         category, mandatory, priority, title, body, link, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) ON CONFLICT (id) DO NOTHING RETURNING id`,
      [n.id, n.sourceId, n.eventType, n.noticeId, n.recipientOrgId, n.recipientUserId, n.recipientRole, n.category, n.mandatory, n.priority, n.title, n.body, n.link, n.createdAt],
    );
    return inserted.length > 0;
  }

  /** One page, newest first, and how many match in all. */
  listVisible(p: Principal, q: InboxQuery): Promise<[Notification[], number]> {
    const list = this.visible(p);
    if (q.unread) list.andWhere('n.read_at IS NULL');
    if (q.category) list.andWhere('n.category = :category', { category: q.category });
    return list
      .orderBy('n.created_at', 'DESC')
      .addOrderBy('n.id', 'DESC')
      .skip((q.page - 1) * q.pageSize)
      .take(q.pageSize)
      .getManyAndCount();
  }

  async countUnreadByCategory(p: Principal): Promise<{ category: string; count: number }[]> {
    const rows: { category: string; n: string }[] = await this.visible(p)
      .select('n.category', 'category')
      .addSelect('count(*)', 'n')
      .andWhere('n.read_at IS NULL')
      .groupBy('n.category')
      .getRawMany();
    return rows.map((r) => ({ category: r.category, count: Number(r.n) }));
  }

  findVisible(p: Principal, id: string): Promise<Notification | null> {
    return this.visible(p).andWhere('n.id = :id', { id }).getOne();
  }

  async markRead(id: string, at: Date): Promise<void> {
    await this.dataSource.getRepository(Notification).update({ id }, { readAt: at });
  }

  /** Marks every unread notice the caller sees (of one category); says how many. */
  async markAllRead(p: Principal, category?: string): Promise<number> {
    const qb = this.dataSource
      .createQueryBuilder()
      .update(Notification)
      .set({ readAt: () => 'now()' })
      .where(visibleSql(), scopeParams(p))
      .andWhere('read_at IS NULL');
    if (category) qb.andWhere('category = :category', { category });
    return (await qb.execute()).affected ?? 0;
  }

  private visible(p: Principal) {
    return this.dataSource.getRepository(Notification).createQueryBuilder('n').where(visibleSql('n'), scopeParams(p));
  }
}
