import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { DeliveryState, WebhookDelivery, WebhookEndpoint } from './webhook.entity';

/** What one delivery attempt ended with. */
export interface AttemptOutcome {
  state: DeliveryState;
  status: number | null;
  error: string | null;
}

/** Data access for webhook_endpoint and webhook_delivery. */
@Injectable()
export class WebhookRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Stores an organizer's endpoint. */
  insertEndpoint(
    endpoint: Pick<WebhookEndpoint, 'editionId' | 'url' | 'secret' | 'events' | 'active'>,
  ): Promise<WebhookEndpoint> {
    const endpoints = this.db.getRepository(WebhookEndpoint);
    return endpoints.save(endpoints.create(endpoint));
  }

  /** An edition's endpoints, oldest first. */
  endpointsOf(editionId: string): Promise<WebhookEndpoint[]> {
    return this.db.getRepository(WebhookEndpoint).find({ where: { editionId }, order: { createdAt: 'ASC' } });
  }

  /** One endpoint, or null. */
  findEndpoint(id: string): Promise<WebhookEndpoint | null> {
    return this.db.getRepository(WebhookEndpoint).findOneBy({ id });
  }

  /** Deletes an endpoint and (cascade) its deliveries. */
  async deleteEndpoint(id: string): Promise<void> {
    await this.db.getRepository(WebhookEndpoint).delete(id);
  }

  /** An endpoint's latest deliveries, newest first. */
  deliveriesOf(endpointId: string, take: number): Promise<WebhookDelivery[]> {
    return this.db.getRepository(WebhookDelivery).find({ where: { endpointId }, order: { createdAt: 'DESC' }, take });
  }

  /** One delivery, or null. */
  findDelivery(id: string): Promise<WebhookDelivery | null> {
    return this.db.getRepository(WebhookDelivery).findOneBy({ id });
  }

  /**
   * One delivery of an event per active endpoint of the edition subscribed to it (webhook_delivery_once:
   * an event fanned out again adds none); returns the event's deliveries still PENDING.
   */
  async createDeliveries(
    editionId: string,
    event: string,
    eventId: string,
    body: Record<string, unknown>,
  ): Promise<string[]> {
    await this.db.query(
      `INSERT INTO webhook_delivery (endpoint_id, event_id, event, body)
       SELECT e.id, $2, $3::varchar, $4 FROM webhook_endpoint e WHERE e.edition_id = $1 AND e.active AND $3::varchar = ANY(e.events)
       ON CONFLICT ON CONSTRAINT webhook_delivery_once DO NOTHING`,
      [editionId, eventId, event, body],
    );
    const pending: { id: string }[] = await this.db.query(
      `SELECT id FROM webhook_delivery WHERE event_id = $1 AND state = $2`,
      [eventId, DeliveryState.PENDING],
    );
    return pending.map((d) => d.id);
  }

  /** Puts a FAILED delivery back to PENDING for another round of attempts (in the caller's transaction); false when it was not FAILED. */
  async requeue(deliveryId: string, manager: EntityManager): Promise<boolean> {
    const [, affected]: [unknown, number] = await manager.query(
      `UPDATE webhook_delivery SET state = $2 WHERE id = $1 AND state = $3`,
      [deliveryId, DeliveryState.PENDING, DeliveryState.FAILED],
    );
    return affected > 0;
  }

  /** Counts an attempt and what it ended with; DELIVERED also stamps the delivery time. */
  async recordAttempt(deliveryId: string, outcome: AttemptOutcome): Promise<void> {
    await this.db.query(
      `UPDATE webhook_delivery SET attempts = attempts + 1, last_status = $2, last_error = $3, state = $4::varchar,
              delivered_at = CASE WHEN $4::varchar = '${DeliveryState.DELIVERED}' THEN now() ELSE delivered_at END
        WHERE id = $1`,
      [deliveryId, outcome.status, outcome.error, outcome.state],
    );
  }
}
