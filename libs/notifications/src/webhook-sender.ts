import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Jobs } from '@app/core';
import { UnrecoverableError } from 'bullmq';
import { DataSource } from 'typeorm';
import { DeliveryState, WebhookDelivery, WebhookEndpoint } from './webhook.entity';
import { SIGNATURE_HEADER, signWebhook } from './webhook-signature';

const TIMEOUT_MS = 5000;

/** Creates deliveries for an event and POSTs them, one job each, so a slow receiver never holds up another. */
@Injectable()
export class WebhookSender {
  private readonly logger = new Logger(WebhookSender.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly jobs: Jobs,
  ) {}

  /** One delivery per subscribed endpoint (idempotent per event), queued with deterministic job ids. */
  async fanOut(editionId: string, event: string, eventId: string, body: Record<string, unknown>, retryBaseMs: number): Promise<number> {
    await this.db.query(
      `INSERT INTO webhook_delivery (endpoint_id, event_id, event, body)
       SELECT e.id, $2, $3::varchar, $4 FROM webhook_endpoint e WHERE e.edition_id = $1 AND e.active AND $3::varchar = ANY(e.events)
       ON CONFLICT ON CONSTRAINT webhook_delivery_once DO NOTHING`,
      [editionId, eventId, event, body],
    );
    const pending: { id: string }[] = await this.db.query(`SELECT id FROM webhook_delivery WHERE event_id = $1 AND state = $2`, [eventId, DeliveryState.PENDING]);
    if (pending.length) {
      await this.jobs.addBulk(
        'webhook.deliver',
        pending.map((d) => ({ payload: { deliveryId: d.id }, options: { jobId: `webhook-${d.id}`, attempts: 10, backoff: { type: 'exponential', delay: retryBaseMs } } })),
      );
    }
    return pending.length;
  }

  /** One attempt. Throws to have BullMQ retry; on the last attempt the delivery is marked FAILED. */
  async deliver(deliveryId: string, attempt: number, maxAttempts: number): Promise<void> {
    const delivery = await this.db.getRepository(WebhookDelivery).findOneBy({ id: deliveryId });
    if (!delivery || delivery.state !== DeliveryState.PENDING) return; // delivered already, or gone
    const endpoint = await this.db.getRepository(WebhookEndpoint).findOneBy({ id: delivery.endpointId });
    if (!endpoint?.active) throw new UnrecoverableError('endpoint removed or inactive');
    const body = JSON.stringify(delivery.body);
    let status: number | null = null;
    let error: string | null = null;
    try {
      const response = await fetch(endpoint.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'conference-webhooks/1',
          [SIGNATURE_HEADER]: signWebhook(endpoint.secret, body),
          'x-conference-event': delivery.event,
          'x-conference-delivery': delivery.id,
        },
        body,
        signal: AbortSignal.timeout(TIMEOUT_MS),
        redirect: 'manual',
      });
      status = response.status;
      await response.body?.cancel().catch(() => undefined);
      if (response.ok) {
        await this.db.query(`UPDATE webhook_delivery SET state = $2, attempts = attempts + 1, last_status = $3, last_error = NULL, delivered_at = now() WHERE id = $1`, [deliveryId, DeliveryState.DELIVERED, status]);
        return;
      }
      error = `HTTP ${status}`;
    } catch (e) {
      error = e instanceof Error ? (e.name === 'TimeoutError' ? `timed out after ${TIMEOUT_MS} ms` : e.message) : String(e);
    }
    const last = attempt >= maxAttempts;
    await this.db.query(`UPDATE webhook_delivery SET attempts = attempts + 1, last_status = $2, last_error = $3, state = $4 WHERE id = $1`, [
      deliveryId,
      status,
      error,
      last ? DeliveryState.FAILED : DeliveryState.PENDING,
    ]);
    if (last) this.logger.warn(`webhook delivery ${deliveryId} to ${endpoint.url} failed for good: ${error}`);
    throw new Error(`webhook delivery failed: ${error}`);
  }
}
