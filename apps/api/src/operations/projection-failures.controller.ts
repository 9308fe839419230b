import { Role } from '@app/domain';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/access-rule.decorator';
import { PageQuery } from '../common/page.dto';
import { Refusals } from '../common/refusals.decorator';
import { ProjectionFailurePage } from './projection-failure.dto';
import { ProjectionFailuresService } from './projection-failures.service';

@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/projection-failures')
export class ProjectionFailuresController {
  constructor(private readonly failures: ProjectionFailuresService) {}

  @Get()
  @Roles(Role.Admin)
  @ApiOperation({
    summary: '読み取りモデルに反映できなかった事象',
    description:
      'Access: admin. Events of a cluster workflow that the read model refused (a constraint, data it cannot store, an event of another analysis), newest first. ' +
      'They are not retried, so they never block the cluster; each is logged by the worker with the same problem.',
  })
  @ApiOkResponse({ type: ProjectionFailurePage })
  @Refusals('request.invalid')
  list(@Query() query: PageQuery): Promise<ProjectionFailurePage> {
    return this.failures.list(query.page, query.pageSize);
  }
}
