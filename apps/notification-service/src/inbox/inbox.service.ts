import { Injectable } from '@nestjs/common';
import { DomainError, type Principal } from '@jiebang/contracts';
import type { ChannelInput } from '../catalogue/channel-input';
import type { Notification } from './notification.entity';
import { NotificationStore, type InboxQuery } from './notification.store';

/** What callers see of a notice (recipients and ids of the pipeline stay inside). */
export function view(n: Notification) {
  const { id, eventType, category, mandatory, priority, title, body, link, createdAt, readAt } = n;
  return { id, eventType, category, mandatory, priority, title, body, link, createdAt, readAt };
}

@Injectable()
export class InboxService {
  constructor(private readonly notifications: NotificationStore) {}

  /** The in-app channel: stores the notice under its delivery's id. Null if it was already there (a re-run). */
  async store(d: ChannelInput): Promise<Notification | null> {
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
    return (await this.notifications.insertNotification(n)) ? n : null;
  }

  async list(p: Principal, q: InboxQuery) {
    const [items, total] = await this.notifications.listVisible(p, q);
    return { items: items.map(view), total, unread: (await this.unreadCount(p)).unread, page: q.page, pageSize: q.pageSize };
  }

  async unreadCount(p: Principal): Promise<{ unread: number; byCategory: Record<string, number> }> {
    const rows = await this.notifications.countUnreadByCategory(p);
    const byCategory = Object.fromEntries(rows.map((r) => [r.category, r.count]));
    return { unread: rows.reduce((sum, r) => sum + r.count, 0), byCategory };
  }

  async markRead(p: Principal, id: string) {
    const n = await this.notifications.findVisible(p, id);
    if (!n) throw DomainError.notFound('NOTIFICATION_NOT_FOUND', '没有这条通知', { id });
    if (!n.readAt) {
      n.readAt = new Date();
      await this.notifications.markRead(id, n.readAt);
    }
    return view(n);
  }

  async markAllRead(p: Principal, category?: string): Promise<{ marked: number }> {
    return { marked: await this.notifications.markAllRead(p, category) };
  }
}
