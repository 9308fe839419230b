import { Module } from '@nestjs/common';
import { CatalogueService } from './catalogue.service';
import { ClusterBoardService } from './cluster-board.service';
import { ClustersController } from './clusters.controller';
import { FiscalYearsController } from './fiscal-years.controller';
import { NextMeetingController } from './next-meeting.controller';

@Module({
  controllers: [FiscalYearsController, ClustersController, NextMeetingController],
  providers: [CatalogueService, ClusterBoardService],
  exports: [CatalogueService],
})
export class CatalogueModule {}
