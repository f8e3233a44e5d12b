import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig, conflict, notFound, Principal, writeOutbox } from '@app/core';
import { AccessService } from '@app/editions';
import { DataSource } from 'typeorm';
import { DeliveryState, WebhookDelivery, WebhookEndpoint } from './webhook.entity';
import { WebhookRepository } from './webhook.repository';
import { WebhookInput } from './webhook.inputs';
import { checkWebhookUrl } from './webhook-target';

/** Organizers' webhook endpoints and their delivery log. */
@Injectable()
export class WebhooksService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
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

  /**
   * Organizers: a FAILED delivery gets another round of attempts (the worker's usual retries with
   * backoff), queued through the outbox with the state change. CONFLICT when it was delivered or is
   * still being attempted.
   */
  async retry(user: Principal | undefined, deliveryId: string): Promise<WebhookDelivery> {
    const delivery = await this.webhooks.findDelivery(deliveryId);
    if (!delivery) throw notFound('Webhook delivery', deliveryId);
    await this.owned(user, delivery.endpointId);
    const refused = () =>
      conflict(
        delivery.state === DeliveryState.DELIVERED
          ? 'This delivery already reached its receiver'
          : 'This delivery is still being attempted',
        { state: delivery.state },
      );
    if (delivery.state !== DeliveryState.FAILED) throw refused();
    await this.db.transaction(async (em) => {
      if (!(await this.webhooks.requeue(deliveryId, em))) throw refused();
      await writeOutbox(em, 'webhook.retry', { deliveryId });
    });
    return (await this.webhooks.findDelivery(deliveryId))!;
  }

  private async owned(user: Principal | undefined, id: string): Promise<WebhookEndpoint> {
    const endpoint = await this.webhooks.findEndpoint(id);
    if (!endpoint) throw notFound('Webhook', id);
    await this.access.requireOrganizer(user, endpoint.editionId);
    return endpoint;
  }
}
