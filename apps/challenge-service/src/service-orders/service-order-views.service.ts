import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Principal } from '@jiebang/contracts';
import type { DataSource } from 'typeorm';
import type { ListServiceOrdersQuery } from './service-order.dto';
import type { ServiceOrder } from './service-order.entity';
import type { ServiceOrderTimeline } from './service-order-timeline.entity';
import { serviceOrderStats } from './service-order-stats.store';
import * as store from './service-order.store';

/** Reads, every one scoped to the caller in SQL. */
@Injectable()
export class ServiceOrderViews {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  list(principal: Principal, query: ListServiceOrdersQuery): Promise<{ items: ServiceOrder[]; total: number }> {
    return store.listVisible(this.dataSource.manager, principal, query);
  }

  async get(id: string, principal: Principal): Promise<ServiceOrder> {
    const found = await store.findVisible(this.dataSource.manager, id, principal);
    if (!found) throw store.orderNotFound(id);
    return found;
  }

  async timeline(id: string, principal: Principal): Promise<ServiceOrderTimeline[]> {
    await this.get(id, principal);
    return store.timeline(this.dataSource.manager, id);
  }

  stats() {
    return serviceOrderStats(this.dataSource.manager);
  }
}
