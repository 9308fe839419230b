import { Module } from '@nestjs/common';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { ProcessesModule } from '../processes/processes.module';
import { PlatinumController } from './platinum.controller';
import { PlatinumProjectService } from './platinum-project.service';
import { PlatinumProposalsService } from './platinum-proposals.service';
import { ProposalDelegatesService } from './proposal-delegates.service';

@Module({
  imports: [CatalogueModule, ProcessesModule],
  controllers: [PlatinumController],
  providers: [PlatinumProjectService, PlatinumProposalsService, ProposalDelegatesService],
  exports: [PlatinumProposalsService],
})
export class PlatinumModule {}
