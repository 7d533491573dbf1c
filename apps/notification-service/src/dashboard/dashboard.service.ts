import { Injectable } from '@nestjs/common';
import { DomainError } from '@jiebang/contracts';
import { DataSource } from 'typeorm';
import { dashboardDocument } from './dashboard.document';
import { periodBounds } from './dashboard.domain';
import type { DashboardQueryInput } from './dashboard.dto';
import { DashboardStore } from './dashboard.store';

/** The bureau's 驾驶舱: the projection read once, every figure computed from it. */
@Injectable()
export class DashboardService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: DashboardStore,
  ) {}

  async dashboard(q: DashboardQueryInput) {
    if (q.from && q.to && q.from > q.to) throw DomainError.invalid('DASHBOARD_PERIOD_INVALID', '统计期的结束日期不能早于开始日期', 'to');
    const { from, to } = periodBounds(q.from, q.to);
    const rows = await this.store.rows(this.dataSource.manager, { from, to, field: q.field ?? null });
    return dashboardDocument({ from: q.from ?? null, to: q.to ?? null, field: q.field ?? null }, rows, new Date());
  }
}
