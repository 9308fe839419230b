import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '../auth/access-rule.decorator';
import { AuthenticatedUser } from '../auth/authenticated-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { PageQuery } from '../common/page.dto';
import { Refusals } from '../common/refusals.decorator';
import { participantOf } from '../auth/participant';
import { ProcessTasksService } from './process-tasks.service';
import { ProcessTaskPage, TaskPage } from './task.dto';
import { TasksService } from './tasks.service';

@ApiTags('me')
@ApiBearerAuth()
@Controller('me')
export class TasksController {
  constructor(
    private readonly tasksOf: TasksService,
    private readonly processTasks: ProcessTasksService,
  ) {}

  @Get('tasks')
  @Authenticated()
  @ApiOperation({
    summary: '自分の仕事',
    description: 'Access: any logged-in user; answers for the caller only. Drafts to write or revise (staff of the owning bureau) and decisions awaiting the caller (approvers and delegates), soonest deadline first; each with its due date, whether it is provisional and whether it is overdue; paged.',
  })
  @ApiOkResponse({ type: TaskPage })
  @Refusals('request.invalid')
  tasks(@CurrentUser() user: AuthenticatedUser, @Query() query: PageQuery): Promise<TaskPage> {
    return this.tasksOf.tasks({ owner: user, page: query.page, pageSize: query.pageSize });
  }

  @Get('process-tasks')
  @Authenticated()
  @ApiOperation({
    summary: '自分の仕事（プラチナ市役所プロジェクト・局区X方針）',
    description:
      "Access: any logged-in user; answers for the caller only. What the caller owes now in the bureaus' X policies and the Platinum proposals (drafts to write or revise, decisions, assignments, response policies), each with its deadline, whether it is provisional and whether it is overdue; soonest first; paged.",
  })
  @ApiOkResponse({ type: ProcessTaskPage })
  @Refusals('request.invalid')
  processTasksOf(@CurrentUser() user: AuthenticatedUser, @Query() query: PageQuery): Promise<ProcessTaskPage> {
    return this.processTasks.tasks(participantOf(user), { page: query.page, pageSize: query.pageSize });
  }
}
