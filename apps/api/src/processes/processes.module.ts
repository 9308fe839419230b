import { Module } from '@nestjs/common';
import { DelegateResolver } from './delegate-resolver.service';
import { ProcessDeadlinesService } from './process-deadlines.service';
import { ProcessWorkflowsService } from './process-workflows.service';

/** What the Platinum project and the X policies share: starting and updating their workflows. */
@Module({
  providers: [ProcessWorkflowsService, DelegateResolver, ProcessDeadlinesService],
  exports: [ProcessWorkflowsService, DelegateResolver, ProcessDeadlinesService],
})
export class ProcessesModule {}
