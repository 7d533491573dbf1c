import type { ServiceDatabase } from '@jiebang/service-kit';
import type { NotificationConfig } from './config';
import { DeliveryAttempt } from './deliveries/delivery-attempt.entity';
import { Delivery } from './deliveries/delivery.entity';
import { Member } from './directory/member.entity';
import { Organisation } from './directory/organisation.entity';
import { Profile } from './directory/profile.entity';
import { Notification } from './inbox/notification.entity';
import { Notifications1764201900000 } from './migrations/1764201900000-notifications';
import { DeliveryPipeline1764202000000 } from './migrations/1764202000000-delivery-pipeline';
import { sealWebhookSecrets } from './migrations/1764202100000-seal-webhook-secrets';
import { AudienceKeys1764202200000 } from './migrations/1764202200000-audience-keys';
import { ProfileOwners1764202300000 } from './migrations/1764202300000-profile-owners';
import { Dashboard1766200000000 } from './migrations/1766200000000-dashboard';
import { Preference } from './preferences/preference.entity';
import { WebhookEndpoint } from './webhooks/webhook-endpoint.entity';
import { webhookSecretBox } from './webhooks/webhook-secret.keys';

/** A function of the configuration because one migration seals webhook secrets with the configured key. */
export function database(config: NotificationConfig): ServiceDatabase {
  return {
    entities: [Notification, Delivery, DeliveryAttempt, Organisation, Member, Profile, Preference, WebhookEndpoint],
    migrations: [
      Notifications1764201900000,
      DeliveryPipeline1764202000000,
      sealWebhookSecrets(webhookSecretBox(config)),
      AudienceKeys1764202200000,
      ProfileOwners1764202300000,
      Dashboard1766200000000,
    ],
  };
}
