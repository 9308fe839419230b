import { Module } from '@nestjs/common';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { MeetingsModule } from '../meetings/meetings.module';
import { PlatinumModule } from '../platinum/platinum.module';
import { ProcessesModule } from '../processes/processes.module';
import { XPoliciesModule } from '../x-policies/x-policies.module';
import { ClusterActionsService } from './cluster-actions.service';
import { ClusterDetailService } from './cluster-detail.service';
import { ClusterHistoryService } from './cluster-history.service';
import { ClusterLifecycleController } from './cluster-lifecycle.controller';
import { ClusterLifecycleService } from './cluster-lifecycle.service';
import { DelegateCandidatesService } from './delegate-candidates.service';
import { DelegationReleaseService } from './delegation-release.service';
import { FiscalYearLifecycleController } from './fiscal-year-lifecycle.controller';
import { KickoffService } from './kickoff.service';
import { LifecycleSettingsService } from './lifecycle-settings.service';
import { MeetingDueController } from './meeting-due.controller';
import { MeetingDueService } from './meeting-due.service';
import { ProgressService } from './progress.service';
import { ReportsController } from './reports.controller';
import { ReportTextAccessService } from './report-text-access.service';

const USE_CASES = [ClusterActionsService, KickoffService, ClusterHistoryService, ProgressService, LifecycleSettingsService, ClusterDetailService, DelegateCandidatesService, MeetingDueService];

@Module({
  imports: [CatalogueModule, MeetingsModule, ProcessesModule, PlatinumModule, XPoliciesModule],
  controllers: [ClusterLifecycleController, ReportsController, FiscalYearLifecycleController, MeetingDueController],
  providers: [ClusterLifecycleService, ReportTextAccessService, DelegationReleaseService, ...USE_CASES],
  exports: [DelegationReleaseService],
})
export class LifecycleModule {}
