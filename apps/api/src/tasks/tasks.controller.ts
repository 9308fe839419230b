import { OWED_ACTION_LABELS, OwedActionType, STAGE_LABELS, ClusterStage, toTokyoIsoString } from '@app/domain';
// eslint-disable-next-line no-restricted-imports -- repository injection predates the rule; moving it into a service is under way
import { LifecycleReadRepository } from '@app/persistence';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '../auth/access-rule.decorator';
import { AuthenticatedUser } from '../auth/authenticated-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { PageMeta, PageQuery } from '../common/page.dto';

export class TaskView {
  @ApiProperty({ example: 2024 }) fiscalYear!: number;
  @ApiProperty({ example: 27 }) clusterNo!: number;
  @ApiProperty({ example: 'ごみ処理事業' }) clusterName!: string;
  @ApiProperty({ example: 'INTERIM_REPORT' }) stage!: string;
  @ApiProperty({ example: '経過報告' }) stageLabel!: string;
  @ApiProperty({ example: 'interim' }) reportKind!: string;
  @ApiProperty({ example: '経過報告' }) reportLabel!: string;
  @ApiProperty({ enum: ['write', 'revise', 'decide'] }) action!: string;
  @ApiProperty({ example: '決裁（承認・差戻し）' }) actionLabel!: string;
  @ApiProperty({ type: String, nullable: true, example: '所管課長' }) stepLabel!: string | null;
  @ApiProperty({ description: '代理として回ってきた決裁か' }) delegated!: boolean;
  @ApiProperty({ description: 'この状態になった時刻（Asia/Tokyo）' }) since!: string;
  @ApiProperty({ type: String, nullable: true, description: '期限（Asia/Tokyo）' }) dueAt!: string | null;
  @ApiProperty({ description: 'X会議の日程が未確定のため暫定の期限か' }) provisional!: boolean;
  @ApiProperty({ description: '期限を過ぎているか' }) overdue!: boolean;
  @ApiProperty({ example: '/api/v1/fiscal-years/2024/clusters/27' }) link!: string;
}

export class TaskPage extends PageMeta {
  @ApiProperty({ type: [TaskView] }) items!: TaskView[];
}

@ApiTags('me')
@ApiBearerAuth()
@Controller('me')
export class TasksController {
  constructor(private readonly reads: LifecycleReadRepository) {}

  @Get('tasks')
  @Authenticated()
  @ApiOperation({
    summary: '自分の仕事',
    description: 'Access: any logged-in user; answers for the caller only. Drafts to write or revise (staff of the owning bureau) and decisions awaiting the caller (approvers and delegates), soonest deadline first; each with its due date, whether it is provisional and whether it is overdue; paged.',
  })
  @ApiOkResponse({ type: TaskPage })
  async tasks(@CurrentUser() user: AuthenticatedUser, @Query() query: PageQuery): Promise<TaskPage> {
    const page = await this.reads.tasksFor(user, query);
    return {
      ...page,
      items: page.items.map((task) => ({
        ...task,
        stageLabel: STAGE_LABELS[task.stage as ClusterStage] ?? task.stage,
        actionLabel: OWED_ACTION_LABELS[task.action as OwedActionType] ?? task.action,
        since: toTokyoIsoString(task.since),
        dueAt: task.dueAt ? toTokyoIsoString(task.dueAt) : null,
        overdue: task.dueAt !== null && task.dueAt.getTime() < Date.now(),
        link: `/api/v1/fiscal-years/${task.fiscalYear}/clusters/${task.clusterNo}`,
      })),
    };
  }
}
