import { randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError, type Principal } from '@jiebang/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { NOTIFICATION_CONFIG, type NotificationConfig } from '../config';
import { orgRoleKey, type OrgRole } from '../directory/directory.domain';
import { SecretBox } from './secret-box';
import { checkRegistration } from './webhook.domain';
import type { RegisterWebhookInput } from './webhook.dto';
import type { WebhookEndpoint } from './webhook-endpoint.entity';
import { WebhookEndpointStore } from './webhook-endpoint.store';
import { refuseTarget, webhookTargetPolicy, type TargetRefusal } from './webhook-target';

/** Registration refusals (SSRF): 400 with a stable code and the field at fault. */
const REFUSALS: Record<TargetRefusal, () => DomainError> = {
  'https-required': () => DomainError.invalid('WEBHOOK_URL_HTTPS_REQUIRED', 'Webhook 地址必须使用 https', 'url'),
  'private-address': () =>
    DomainError.invalid(
      'WEBHOOK_URL_PRIVATE_TARGET',
      'Webhook 地址不能指向本机、内网、链路本地或云平台元数据等内部地址，请填写可从公网访问的地址',
      'url',
    ),
};

/** Active endpoints by audience (`orgRoleKey`). */
export type ActiveEndpoints = Map<string, { id: string; categories: string[] }[]>;

/**
 * Webhook endpoints, and their health: repeated failures disable an endpoint. An endpoint belongs to an audience —
 * the organisation and the role it was registered in — and is called only for notices addressed to that audience,
 * so a member acting in another role never receives them; it is also managed only from that audience.
 */
@Injectable()
export class WebhookEndpoints {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(NOTIFICATION_CONFIG) private readonly config: NotificationConfig,
    private readonly box: SecretBox,
    private readonly store: WebhookEndpointStore,
  ) {}

  /**
   * The secret is returned here (and on rotation) only; it is stored sealed. A URL aimed at an internal address
   * is refused (SSRF); the sender checks again after resolving the name, which this cannot see.
   */
  async register(p: Principal, input: RegisterWebhookInput): Promise<Omit<WebhookEndpoint, 'sealedSecret'> & { secret: string }> {
    const refusal = refuseTarget(new URL(input.url), webhookTargetPolicy(this.config));
    if (refusal) throw REFUSALS[refusal]();
    return this.dataSource.transaction(async (em) => {
      // One registration at a time per audience, so two at once cannot both pass the checks below.
      await this.store.lockAudience(em, p);
      checkRegistration(await this.store.findOfAudience(em, p), input, this.config.WEBHOOK_MAX_ENDPOINTS);
      return this.insert(em, p, input);
    });
  }

  private async insert(em: EntityManager, p: Principal, input: RegisterWebhookInput) {
    const id = randomUUID();
    const secret = newSecret();
    const endpoint: Omit<WebhookEndpoint, 'sealedSecret'> = {
      id,
      orgId: p.orgId,
      ownerRole: p.role,
      url: input.url,
      categories: [...new Set(input.categories)],
      description: input.description,
      status: 'active',
      consecutiveFailures: 0,
      lastError: null,
      lastSuccessAt: null,
      disabledAt: null,
      createdBy: p.sub,
      createdAt: new Date(),
    };
    await this.store.insertEndpoint(em, { ...endpoint, sealedSecret: this.box.seal(secret, id) });
    return { ...endpoint, secret };
  }

  async list(p: Principal, page: { page: number; pageSize: number }) {
    const [items, total] = await this.store.listEndpoints(p, page);
    return { items, total, ...page };
  }

  async remove(p: Principal, id: string): Promise<void> {
    await this.own(p, id);
    await this.store.deleteEndpoint(id);
  }

  /** The owner re-enables an endpoint after fixing the receiver; the failure count starts again. */
  async enable(p: Principal, id: string): Promise<WebhookEndpoint> {
    await this.own(p, id);
    await this.store.reactivate(id);
    return this.own(p, id);
  }

  async rotateSecret(p: Principal, id: string): Promise<{ id: string; secret: string }> {
    await this.own(p, id);
    const secret = newSecret();
    await this.store.replaceSecret(id, this.box.seal(secret, id));
    return { id, secret };
  }

  /** The active endpoints of these audiences: an endpoint is the audience's own, whatever else its organisation is. */
  async activeFor(em: EntityManager, audiences: OrgRole[]): Promise<ActiveEndpoints> {
    const byAudience: ActiveEndpoints = new Map();
    if (audiences.length === 0) return byAudience;
    for (const { orgId, role, ...e } of await this.store.findActive(em, audiences)) {
      const key = orgRoleKey({ orgId, role });
      byAudience.set(key, [...(byAudience.get(key) ?? []), e]);
    }
    return byAudience;
  }

  /** What sending needs, the secret opened; null once deleted. */
  async forSending(id: string): Promise<(Pick<WebhookEndpoint, 'id' | 'url' | 'status' | 'orgId' | 'ownerRole'> & { secret: string }) | null> {
    const row = await this.store.findForSending(id);
    if (!row) return null;
    const { sealed, ...endpoint } = row;
    return { ...endpoint, secret: this.box.open(sealed, id) };
  }

  recordSuccess(id: string): Promise<void> {
    return this.store.recordSuccess(id);
  }

  /**
   * Counts a failed attempt; at `threshold` consecutive failures the endpoint is disabled. Returns the endpoint
   * when this very failure disabled it (exactly one caller sees that, so its owner is told once).
   */
  async recordFailure(em: EntityManager, id: string, error: string, threshold: number): Promise<WebhookEndpoint | null> {
    const endpoint = await this.store.recordFailure(em, id, error, threshold);
    return endpoint?.disabledNow ? endpoint : null;
  }

  /** The caller's audience's endpoint; another audience's (same organisation, other role) is not found, like a stranger's. */
  private async own(p: Principal, id: string): Promise<WebhookEndpoint> {
    const endpoint = await this.store.findOwned(p, id);
    if (!endpoint) throw DomainError.notFound('WEBHOOK_NOT_FOUND', '本机构本角色没有该 Webhook 端点', { id });
    return endpoint;
  }
}

function newSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}
