import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

/** One e-mail (to a user) or webhook call (to an endpoint) of a notification, made at most once. */
@Entity('notification_deliveries')
@Check('notification_deliveries_channel_check', `channel IN ('email', 'webhook')`)
export class NotificationDeliveryEntity {
  @PrimaryColumn({ type: 'text' })
  channel!: 'email' | 'webhook';

  @PrimaryColumn({ name: 'notification_key', type: 'text' })
  notificationKey!: string;

  /** The user's id for an e-mail, the endpoint for a webhook. */
  @PrimaryColumn({ type: 'text' })
  recipient!: string;

  @Column({ type: 'text' })
  destination!: string;

  @Column({ type: 'int', default: 0 })
  attempts!: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;

  @Column({ name: 'last_attempt_at', type: 'timestamptz', nullable: true })
  lastAttemptAt!: Date | null;

  /** Set only once the server accepted it. */
  @Column({ name: 'delivered_at', type: 'timestamptz', nullable: true })
  deliveredAt!: Date | null;
}
