import { Module } from '@nestjs/common';
import { WebhookEndpoints } from './webhook-endpoints.service';
import { WebhookSender } from './webhook.sender';
import { WebhooksController } from './webhooks.controller';

@Module({ controllers: [WebhooksController], providers: [WebhookEndpoints, WebhookSender], exports: [WebhookEndpoints, WebhookSender] })
export class WebhooksModule {}
