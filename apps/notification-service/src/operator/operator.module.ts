import { Module } from '@nestjs/common';
import { DeliveriesModule } from '../deliveries/deliveries.module';
import { DigestModule } from '../digest/digest.module';
import { WebhooksModule } from '../webhooks/webhooks.module';
import { OperatorController } from './operator.controller';
import { OperatorService } from './operator.service';

@Module({ imports: [DeliveriesModule, DigestModule, WebhooksModule], controllers: [OperatorController], providers: [OperatorService] })
export class OperatorModule {}
