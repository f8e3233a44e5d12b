import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser, IdArg, Principal } from '@app/core';
import { WebhookDelivery, WebhookEndpoint } from './webhook.entity';
import { WebhookInput } from './webhook.inputs';
import { WebhooksService } from './webhooks.service';

@Resolver(() => WebhookEndpoint)
export class WebhooksResolver {
  constructor(private readonly service: WebhooksService) {}

  @Mutation(() => WebhookEndpoint, { description: 'Organizers: POST signed events to a URL' })
  createWebhook(
    @CurrentUser() user: Principal,
    @IdArg('editionId') editionId: string,
    @Args('input') input: WebhookInput,
  ): Promise<WebhookEndpoint> {
    return this.service.create(user, editionId, input);
  }

  @Mutation(() => Boolean)
  deleteWebhook(@CurrentUser() user: Principal, @IdArg('id') id: string): Promise<boolean> {
    return this.service.remove(user, id);
  }

  @Query(() => [WebhookEndpoint])
  webhooks(@CurrentUser() user: Principal, @IdArg('editionId') editionId: string): Promise<WebhookEndpoint[]> {
    return this.service.list(user, editionId);
  }

  @Mutation(() => WebhookDelivery, {
    description:
      "Organizers of the endpoint's edition: tries a FAILED delivery again (state back to PENDING, retried with backoff). CONFLICT when it was delivered or is still being attempted",
  })
  retryWebhookDelivery(
    @CurrentUser() user: Principal,
    @IdArg('id', { description: 'The delivery (webhookDeliveries)' }) id: string,
  ): Promise<WebhookDelivery> {
    return this.service.retry(user, id);
  }

  @Query(() => [WebhookDelivery], { description: 'Latest deliveries to an endpoint, newest first, with their status' })
  webhookDeliveries(
    @CurrentUser() user: Principal,
    @IdArg('webhookId') webhookId: string,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
  ): Promise<WebhookDelivery[]> {
    return this.service.deliveriesOf(user, webhookId, first);
  }
}
