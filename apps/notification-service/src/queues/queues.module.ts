import { Global, Module } from '@nestjs/common';
import { BullBoardMount } from './bull-board';
import { DeliveryQueues } from './delivery.queues';

/** Global so the service kit's readiness check can reach the queues. */
@Global()
@Module({ providers: [DeliveryQueues, BullBoardMount], exports: [DeliveryQueues] })
export class QueuesModule {}
