import { Module } from '@nestjs/common';
import { NotificationDeliveriesController } from './notification-deliveries.controller';
import { NotificationDeliveriesService } from './notification-deliveries.service';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';

@Module({ controllers: [NotificationsController, NotificationDeliveriesController], providers: [NotificationsService, NotificationDeliveriesService] })
export class NotificationsModule {}
