import { TEMPORAL_CONNECTION } from '@app/temporal';
import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { Connection } from '@temporalio/client';

const CHECK_TIMEOUT_MS = 2_000;

/** Asks the Temporal frontend's gRPC health service, with a short deadline so a dead server answers fast. */
@Injectable()
export class TemporalHealthIndicator {
  constructor(
    @Inject(TEMPORAL_CONNECTION) private readonly connection: Connection,
    private readonly health: HealthIndicatorService,
  ) {}

  async check(key: string) {
    const indicator = this.health.check(key);
    try {
      await this.connection.withDeadline(Date.now() + CHECK_TIMEOUT_MS, () => this.connection.healthService.check({}));
      return indicator.up();
    } catch (error) {
      return indicator.down({ message: `Temporal に接続できません: ${error instanceof Error ? error.message : String(error)}` });
    }
  }
}
