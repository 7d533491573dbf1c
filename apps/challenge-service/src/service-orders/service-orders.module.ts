import { Module } from '@nestjs/common';
import { EnterprisesModule } from '../enterprises/enterprises.module';
import { ConfirmationClock } from './confirmation-clock';
import { ConfirmationService } from './confirmation.service';
import { DispatchEvents } from './dispatch.events';
import { DispatchFactsService } from './dispatch-facts.service';
import { RatingsController } from './ratings.controller';
import { RatingsService } from './ratings.service';
import { ServiceOrderTimers } from './service-order.timers';
import { ServiceOrderViews } from './service-order-views.service';
import { ServiceOrderWriter } from './service-order.writer';
import { ServiceOrdersController } from './service-orders.controller';
import { ServiceOrdersService } from './service-orders.service';

/** 企业下单 and 企业评价: the ServiceOrder as the enterprise sees it, following the dispatch facts of matching-service. */
@Module({
  imports: [EnterprisesModule],
  controllers: [ServiceOrdersController, RatingsController],
  providers: [
    ConfirmationClock,
    ServiceOrderWriter,
    ServiceOrdersService,
    ConfirmationService,
    RatingsService,
    DispatchFactsService,
    DispatchEvents,
    ServiceOrderTimers,
    ServiceOrderViews,
  ],
})
export class ServiceOrdersModule {}
