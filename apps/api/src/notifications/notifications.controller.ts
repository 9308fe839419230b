import { NOTIFICATION_KIND_LABELS, NotificationKind, toTokyoIsoString } from '@app/domain';
// eslint-disable-next-line no-restricted-imports -- repository injection predates the rule; moving it into a service is under way
import { InboxEntryRow, NotificationRepository } from '@app/persistence';
import { Controller, Get, HttpCode, NotFoundException, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '../auth/access-rule.decorator';
import { AuthenticatedUser } from '../auth/authenticated-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { PageQuery } from '../common/page.dto';
import { MarkAllReadResult, NotificationPage, NotificationView } from './notification.dto';

@ApiTags('me')
@ApiBearerAuth()
@Controller('me/notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationRepository) {}

  @Get()
  @Authenticated()
  @ApiOperation({
    summary: '自分への通知',
    description:
      'Access: any logged-in user; answers for the caller only. The caller\'s inbox of reminders, escalations, deadline changes and meeting notices: ' +
      'unread first, newest first within each; paged, with the number of unread notifications.',
  })
  @ApiOkResponse({ type: NotificationPage })
  async list(@CurrentUser() user: AuthenticatedUser, @Query() query: PageQuery): Promise<NotificationPage> {
    const page = await this.notifications.inbox(user.id, query);
    return { ...page, items: page.items.map(toNotificationView) };
  }

  @Post('read-all')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({ summary: '通知をすべて既読にする', description: 'Access: any logged-in user; the caller\'s own notifications only. Marks every unread notification read.' })
  @ApiOkResponse({ type: MarkAllReadResult })
  async markAllRead(@CurrentUser() user: AuthenticatedUser): Promise<MarkAllReadResult> {
    const marked = await this.notifications.markAllRead(user.id);
    return { marked, unread: await this.notifications.countUnread(user.id) };
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
  @ApiNotFoundResponse({ description: 'この通知は見つかりません' })
  async markRead(@CurrentUser() user: AuthenticatedUser, @Param('id') id: string): Promise<NotificationView> {
    const entry = await this.notifications.markRead(user.id, id);
    if (!entry) throw new NotFoundException('この通知は見つかりません');
    return toNotificationView(entry);
  }
}

function toNotificationView(entry: InboxEntryRow): NotificationView {
  return {
    id: entry.id,
    kind: entry.kind,
    kindLabel: NOTIFICATION_KIND_LABELS[entry.kind as NotificationKind] ?? entry.kind,
    subject: entry.subject,
    body: entry.body,
    link: entry.link,
    fiscalYear: entry.fiscalYear,
    clusterNo: entry.clusterNo,
    reportKind: entry.reportKind,
    dueAt: entry.dueAt === null ? null : toTokyoIsoString(entry.dueAt),
    createdAt: toTokyoIsoString(entry.createdAt),
    read: entry.readAt !== null,
  };
}
