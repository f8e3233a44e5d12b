import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { Injectable, Logger } from '@nestjs/common';
import { AppConfig, Jobs } from '@app/core';
import { UnrecoverableError } from 'bullmq';
import { DeliveryState } from './webhook.entity';
import { WebhookRepository } from './webhook.repository';
import { SIGNATURE_HEADER, signWebhook } from './webhook-signature';
import { BlockedTargetError, pinnedLookup, resolveTarget } from './webhook-target';

const TIMEOUT_MS = 5000;

/**
 * POSTs once and answers the status. The host is resolved and checked here (resolveTarget) and the
 * connection is pinned to that address, so a name cannot pass the check and then connect inside
 * (DNS rebinding). No redirects are followed; the whole exchange is bounded by TIMEOUT_MS.
 */
async function post(url: URL, headers: Record<string, string>, body: string, allowPrivate: boolean): Promise<number> {
  const target = await resolveTarget(url, allowPrivate);
  return new Promise<number>((resolve, reject) => {
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = send(
      url,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        lookup: pinnedLookup(target),
        agent: false,
        timeout: TIMEOUT_MS,
      },
      (res) => {
        res.resume(); // the answer's body is not needed
        resolve(res.statusCode ?? 0);
      },
    );
    const timer = setTimeout(() => req.destroy(new Error(`timed out after ${TIMEOUT_MS} ms`)), TIMEOUT_MS);
    req.on('close', () => clearTimeout(timer));
    req.on('timeout', () => req.destroy(new Error(`timed out after ${TIMEOUT_MS} ms`)));
    req.on('error', reject);
    req.end(body);
  });
}

/** Creates deliveries for an event and POSTs them, one job each, so a slow receiver never holds up another. */
@Injectable()
export class WebhookSender {
  private readonly logger = new Logger(WebhookSender.name);

  constructor(
    private readonly webhooks: WebhookRepository,
    private readonly jobs: Jobs,
    private readonly config: AppConfig,
  ) {}

  /** One delivery per subscribed endpoint (idempotent per event), queued with deterministic job ids. */
  async fanOut(
    editionId: string,
    event: string,
    eventId: string,
    body: Record<string, unknown>,
    retryBaseMs: number,
  ): Promise<number> {
    const pending = await this.webhooks.createDeliveries(editionId, event, eventId, body);
    if (pending.length) {
      await this.jobs.addBulk(
        'webhook.deliver',
        pending.map((id) => ({
          payload: { deliveryId: id },
          options: { jobId: `webhook-${id}`, attempts: 10, backoff: { type: 'exponential', delay: retryBaseMs } },
        })),
      );
    }
    return pending.length;
  }

  /** One attempt. Throws to have BullMQ retry; on the last attempt the delivery is marked FAILED. */
  async deliver(deliveryId: string, attempt: number, maxAttempts: number): Promise<void> {
    const delivery = await this.webhooks.findDelivery(deliveryId);
    if (!delivery || delivery.state !== DeliveryState.PENDING) return; // delivered already, or gone
    const endpoint = await this.webhooks.findEndpoint(delivery.endpointId);
    if (!endpoint?.active) throw new UnrecoverableError('endpoint removed or inactive');
    const body = JSON.stringify(delivery.body);
    let status: number | null = null;
    let error: string | null = null;
    try {
      status = await post(
        new URL(endpoint.url),
        {
          'content-type': 'application/json',
          'user-agent': 'conference-webhooks/1',
          [SIGNATURE_HEADER]: signWebhook(endpoint.secret, body),
          'x-conference-event': delivery.event,
          'x-conference-delivery': delivery.id,
        },
        body,
        this.config.webhookAllowPrivate,
      );
      if (status >= 200 && status < 300) {
        await this.webhooks.recordAttempt(deliveryId, { state: DeliveryState.DELIVERED, status, error: null });
        return;
      }
      error = `HTTP ${status}`;
    } catch (e) {
      if (e instanceof BlockedTargetError) {
        // Refused, not failed: the address will not become public by retrying. Nothing was sent.
        await this.webhooks.recordAttempt(deliveryId, {
          state: DeliveryState.FAILED,
          status: null,
          error: `refused: ${e.message}`,
        });
        this.logger.warn(`webhook delivery ${deliveryId} refused: ${e.message}`);
        throw new UnrecoverableError(`webhook target refused: ${e.message}`);
      }
      error = e instanceof Error ? e.message : String(e);
    }
    const last = attempt >= maxAttempts;
    await this.webhooks.recordAttempt(deliveryId, {
      state: last ? DeliveryState.FAILED : DeliveryState.PENDING,
      status,
      error,
    });
    if (last) this.logger.warn(`webhook delivery ${deliveryId} to ${endpoint.url} failed for good: ${error}`);
    throw new Error(`webhook delivery failed: ${error}`);
  }
}
