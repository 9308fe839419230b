import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '../auth/access-rule.decorator';
import { AuthenticatedUser } from '../auth/authenticated-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { PageQuery } from '../common/page.dto';
import { Refusals } from '../common/refusals.decorator';
import { MarkAllReadResult, NotificationPage, NotificationView } from './notification.dto';
import { NotificationsService } from './notifications.service';

@ApiTags('me')
@ApiBearerAuth()
@Controller('me/notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @Authenticated()
  @ApiOperation({
    summary: '自分への通知',
    description:
      'Access: any logged-in user; answers for the caller only. The caller\'s inbox of reminders, escalations, deadline changes and meeting notices: ' +
      'unread first, newest first within each; paged, with the number of unread notifications.',
  })
  @ApiOkResponse({ type: NotificationPage })
  @Refusals('request.invalid')
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: PageQuery): Promise<NotificationPage> {
    return this.notifications.inbox({ userId: user.id, page: query.page, pageSize: query.pageSize });
  }

  @Post('read-all')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({ summary: '通知をすべて既読にする', description: 'Access: any logged-in user; the caller\'s own notifications only. Marks every unread notification read.' })
  @ApiOkResponse({ type: MarkAllReadResult })
  markAllRead(@CurrentUser() user: AuthenticatedUser): Promise<MarkAllReadResult> {
    return this.notifications.markAllRead(user.id);
  }

  @Post(':id/read')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({
    summary: '通知を既読にする',
    description: 'Access: any logged-in user, on their own notifications only; another person\'s notification answers 404 like one that does not exist. Marking it again changes nothing.',
  })
  @ApiParam({ name: 'id', description: '通知のID（"/" を含むので URL エンコードしてください）' })
  @ApiOkResponse({ type: NotificationView })
  @Refusals('notification.unknown')
  markRead(@CurrentUser() user: AuthenticatedUser, @Param('id') id: string): Promise<NotificationView> {
    return this.notifications.markRead(user.id, id);
  }
}
