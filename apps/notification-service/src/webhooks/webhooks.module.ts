import { Module } from '@nestjs/common';
import { NOTIFICATION_CONFIG } from '../config';
import { SecretBox } from './secret-box';
import { WebhookEndpointStore } from './webhook-endpoint.store';
import { WebhookEndpoints } from './webhook-endpoints.service';
import { webhookSecretBox } from './webhook-secret.keys';
import { WebhookSecretsResealer } from './webhook-secrets.reseal';
import { WebhookSender } from './webhook.sender';
import { WebhooksController } from './webhooks.controller';

@Module({
  controllers: [WebhooksController],
  providers: [
    WebhookEndpoints,
    WebhookEndpointStore,
    WebhookSender,
    WebhookSecretsResealer,
    { provide: SecretBox, inject: [NOTIFICATION_CONFIG], useFactory: webhookSecretBox },
  ],
  exports: [WebhookEndpoints, WebhookEndpointStore, WebhookSender],
})
export class WebhooksModule {}
