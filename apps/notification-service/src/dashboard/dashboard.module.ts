import { Module } from '@nestjs/common';
import { DashboardController } from './dashboard.controller';
import { DashboardEvents } from './dashboard.events';
import { DashboardService } from './dashboard.service';
import { DashboardStore } from './dashboard.store';
import { DashboardWriter } from './dashboard.writer';

/** The 驾驶舱: a projection fed by the facts (events, writer) and its one read (store, service, controller). */
@Module({ controllers: [DashboardController], providers: [DashboardEvents, DashboardWriter, DashboardStore, DashboardService] })
export class DashboardModule {}
