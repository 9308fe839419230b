import { Module } from '@nestjs/common';
import { ProcessWorkflowsService } from './process-workflows.service';

/** What the Platinum project and the X policies share: starting and updating their workflows. */
@Module({
  providers: [ProcessWorkflowsService],
  exports: [ProcessWorkflowsService],
})
export class ProcessesModule {}
