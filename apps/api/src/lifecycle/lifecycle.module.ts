import { Module } from '@nestjs/common';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { MeetingsModule } from '../meetings/meetings.module';
import { ClusterDetailService } from './cluster-detail.service';
import { ClusterLifecycleController } from './cluster-lifecycle.controller';
import { ClusterLifecycleService } from './cluster-lifecycle.service';
import { FiscalYearLifecycleController } from './fiscal-year-lifecycle.controller';
import { ReportsController } from './reports.controller';

@Module({
  imports: [CatalogueModule, MeetingsModule],
  controllers: [ClusterLifecycleController, ReportsController, FiscalYearLifecycleController],
  providers: [ClusterLifecycleService, ClusterDetailService],
})
export class LifecycleModule {}
