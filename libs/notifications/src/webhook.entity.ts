import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Edition } from '@app/editions';
import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';

/** Events a webhook endpoint can subscribe to. */
export const WEBHOOK_EVENTS = ['schedule.changed'] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/** An organizer's receiver (mobile app backend, signage): every matching event is POSTed to it, signed. */
@ObjectType()
@Entity()
export class WebhookEndpoint {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id: string;
  @Index() @Column({ type: 'uuid' }) @ForeignKey(() => Edition, { onDelete: 'CASCADE' }) editionId: string;
  @Field() @Column({ type: 'varchar', length: 2000 }) url: string;
  /** HMAC-SHA256 key the receiver verifies signatures with. */
  @Column({ type: 'varchar', length: 200 }) secret: string;
  @Field(() => [String]) @Column({ type: 'varchar', array: true, length: 64 }) events: string[];
  @Field() @Column({ type: 'boolean', default: true }) active: boolean;
  @Field() @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}

export enum DeliveryState {
  PENDING = 'PENDING',
  DELIVERED = 'DELIVERED',
  FAILED = 'FAILED',
}

/** One event for one endpoint, with what happened on each attempt. */
@ObjectType()
@Entity()
@Unique('webhook_delivery_once', ['endpointId', 'eventId'])
export class WebhookDelivery {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) @ForeignKey(() => WebhookEndpoint, { onDelete: 'CASCADE' }) endpointId: string;
  /** The event's own id (a schedule change id): one delivery per endpoint and event. */
  @Field() @Column({ type: 'uuid' }) eventId: string;
  @Field() @Column({ type: 'varchar', length: 64 }) event: string;
  @Column({ type: 'jsonb' }) body: Record<string, unknown>;
  @Field() @Column({ type: 'varchar', length: 16, default: DeliveryState.PENDING }) state: DeliveryState;
  @Field(() => Int) @Column({ type: 'int', default: 0 }) attempts: number;
  @Field(() => Int, { nullable: true }) @Column({ type: 'int', nullable: true }) lastStatus: number | null;
  @Field(() => String, { nullable: true }) @Column({ type: 'text', nullable: true }) lastError: string | null;
  @Field() @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @Field(() => Date, { nullable: true }) @Column({ type: 'timestamptz', nullable: true }) deliveredAt: Date | null;
}
