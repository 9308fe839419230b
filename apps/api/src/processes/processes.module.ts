import { Module } from '@nestjs/common';
import { DelegateResolver } from './delegate-resolver.service';
import { ProcessWorkflowsService } from './process-workflows.service';

/** What the Platinum project and the X policies share: starting and updating their workflows. */
@Module({
  providers: [ProcessWorkflowsService, DelegateResolver],
  exports: [ProcessWorkflowsService, DelegateResolver],
})
export class ProcessesModule {}
