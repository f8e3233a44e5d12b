import { Injectable } from '@nestjs/common';
import { AppConfig, notFound, Principal } from '@app/core';
import { AccessService } from '@app/editions';
import { WebhookDelivery, WebhookEndpoint } from './webhook.entity';
import { WebhookRepository } from './webhook.repository';
import { WebhookInput } from './webhook.inputs';
import { checkWebhookUrl } from './webhook-target';

/** Organizers' webhook endpoints and their delivery log. */
@Injectable()
export class WebhooksService {
  constructor(
    private readonly webhooks: WebhookRepository,
    private readonly access: AccessService,
    private readonly config: AppConfig,
  ) {}

  async create(user: Principal | undefined, editionId: string, input: WebhookInput): Promise<WebhookEndpoint> {
    await this.access.requireOrganizer(user, editionId);
    await checkWebhookUrl(input.url, this.config.webhookAllowPrivate); // no internal targets (SSRF); each delivery checks again
    return this.webhooks.insertEndpoint({
      editionId,
      url: input.url,
      secret: input.secret,
      events: input.events,
      active: true,
    });
  }

  async list(user: Principal | undefined, editionId: string): Promise<WebhookEndpoint[]> {
    await this.access.requireOrganizer(user, editionId);
    return this.webhooks.endpointsOf(editionId);
  }

  async remove(user: Principal | undefined, id: string): Promise<boolean> {
    const endpoint = await this.owned(user, id);
    await this.webhooks.deleteEndpoint(endpoint.id);
    return true;
  }

  /** The latest deliveries to an endpoint, newest first. */
  async deliveriesOf(user: Principal | undefined, endpointId: string, first = 50): Promise<WebhookDelivery[]> {
    await this.owned(user, endpointId);
    return this.webhooks.deliveriesOf(endpointId, Math.min(Math.max(first, 1), 200));
  }

  private async owned(user: Principal | undefined, id: string): Promise<WebhookEndpoint> {
    const endpoint = await this.webhooks.findEndpoint(id);
    if (!endpoint) throw notFound('Webhook', id);
    await this.access.requireOrganizer(user, endpoint.editionId);
    return endpoint;
  }
}
