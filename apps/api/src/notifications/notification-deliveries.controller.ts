import { Role } from '@app/domain';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/access-rule.decorator';
import { Refusals } from '../common/refusals.decorator';
import { NotificationDeliveriesService } from './notification-deliveries.service';
import { DeliveryListQuery, DeliveryPage } from './notification-delivery.dto';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notification-deliveries')
export class NotificationDeliveriesController {
  constructor(private readonly deliveries: NotificationDeliveriesService) {}

  @Get()
  @Roles(Role.Admin)
  @ApiOperation({
    summary: '通知の配信状況',
    description:
      'Access: admin. Every e-mail and webhook call of the notifications, newest attempt first, paged: its status (pending while it is ' +
      'still being tried, delivered, or failed once the attempts ran out or the server refused it for good), how often it was tried ' +
      'and the last error, without secrets. `status=failed` lists what never arrived.',
  })
  @ApiOkResponse({ type: DeliveryPage })
  @Refusals('request.invalid')
  list(@Query() query: DeliveryListQuery): Promise<DeliveryPage> {
    const { status, page, pageSize } = query;
    return this.deliveries.list({ status, page, pageSize });
  }
}
