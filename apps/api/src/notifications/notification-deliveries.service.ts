import { toTokyoIsoString } from '@app/domain';
import { DeliveryRow, NotificationRepository } from '@app/persistence';
import { Injectable } from '@nestjs/common';
import { DeliveryPage, DeliveryStatusValue, DeliveryView } from './notification-delivery.dto';

export interface DeliveryQuery {
  readonly status?: DeliveryStatusValue;
  readonly page: number;
  readonly pageSize: number;
}

/** How notifications' e-mails and webhook calls went, for admins: above all, what finally failed. */
@Injectable()
export class NotificationDeliveriesService {
  constructor(private readonly notifications: NotificationRepository) {}

  async list({ status, page, pageSize }: DeliveryQuery): Promise<DeliveryPage> {
    const rows = await this.notifications.deliveries({ status }, { page, pageSize });
    return { ...rows, items: rows.items.map(toDeliveryView) };
  }
}

function toDeliveryView(row: DeliveryRow): DeliveryView {
  return {
    channel: row.channel,
    notificationKey: row.notificationKey,
    username: row.username,
    destination: row.destination,
    status: row.status,
    attempts: row.attempts,
    lastError: row.lastError,
    lastAttemptAt: row.lastAttemptAt === null ? null : toTokyoIsoString(row.lastAttemptAt),
    deliveredAt: row.deliveredAt === null ? null : toTokyoIsoString(row.deliveredAt),
    createdAt: toTokyoIsoString(row.createdAt),
  };
}
