import type { Role } from '@jiebang/contracts';
import type { Rendered } from './template';

/** What every channel delivers: the rendered notice, plus the addresses for e-mail. */
export interface DeliveryContent extends Rendered {
  occurredAt: string;
  to?: string[];
}

/**
 * One delivery as a channel makes it: the notice, to whom, and the delivery's id (the inbox row's id, the receiver's
 * de-duplication key). Defined beside the notice rather than with the deliveries, so the channels (inbox, e-mail,
 * webhooks) depend on the catalogue alone and the deliveries on them, never the reverse.
 */
export interface ChannelInput {
  id: string;
  sourceId: string;
  eventType: string;
  noticeId: string;
  category: string;
  mandatory: boolean;
  priority: string;
  recipientOrgId: string | null;
  recipientUserId: string | null;
  recipientRole: Role;
  content: DeliveryContent;
}
