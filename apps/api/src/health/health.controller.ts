import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { Public } from '../auth/access-rule.decorator';
import { Refusals } from '../common/refusals.decorator';
import { TemporalHealthIndicator } from './temporal.health';
import { WORKER_POLL_FRESHNESS_MS, WorkerHealthIndicator } from './worker.health';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly temporal: TemporalHealthIndicator,
    private readonly worker: WorkerHealthIndicator,
  ) {}

  @Get()
  @Public()
  // Above @HealthCheck(), which documents its own 503 and would replace this one.
  @Refusals('service.unhealthy')
  @HealthCheck()
  @ApiOperation({
    summary: '稼働状況',
    description:
      'Access: public. 200 when PostgreSQL and Temporal are reachable and a worker polls the task queue ' +
      `(Temporal saw it ask for workflow tasks within the last ${WORKER_POLL_FRESHNESS_MS / 1000} s); ` +
      "503 naming each that is not (each service's state is the problem's `current`: database, temporal, worker).",
  })
  check() {
    return this.health.check([
      () => this.database.pingCheck('database', { timeout: 2_000 }),
      () => this.temporal.check('temporal'),
      () => this.worker.check('worker'),
    ]);
  }
}
