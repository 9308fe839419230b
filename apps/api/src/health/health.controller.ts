import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { Public } from '../auth/access-rule.decorator';
import { Refusals } from '../common/refusals.decorator';
import { TemporalHealthIndicator } from './temporal.health';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly temporal: TemporalHealthIndicator,
  ) {}

  @Get()
  @Public()
  // Above @HealthCheck(), which documents its own 503 and would replace this one.
  @Refusals('service.unhealthy')
  @HealthCheck()
  @ApiOperation({ summary: '稼働状況', description: 'Access: public. 200 when PostgreSQL and Temporal are reachable; 503 naming the one that is not (the health report is the problem\'s `current`).' })
  check() {
    return this.health.check([() => this.database.pingCheck('database', { timeout: 2_000 }), () => this.temporal.check('temporal')]);
  }
}
