import { CLUSTER_STAGES, fiscalYearLabel, lifecycleSettingsProblems, OWED_ACTION_LABELS, OwedActionType, Role, toTokyoIsoString } from '@app/domain';
// eslint-disable-next-line no-restricted-imports -- repository injection predates the rule; moving it into a service is under way
import { CatalogueRepository, LifecycleReadRepository } from '@app/persistence';
import { BadRequestException, Body, Controller, Get, HttpCode, NotFoundException, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, Roles } from '../auth/access-rule.decorator';
import { AuthenticatedUser } from '../auth/authenticated-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { participantOf } from '../auth/participant';
import { CatalogueService } from '../catalogue/catalogue.service';
import { FiscalYearPipe } from '../common/fiscal-year.param';
import { IDEMPOTENCY_HEADER_DOC } from './cluster-lifecycle.controller';
import { ClusterLifecycleService } from './cluster-lifecycle.service';
import { BulkKickoffResponse, KickoffRequest } from './dto/kickoff.dto';
import { LifecycleSettingsDto } from './dto/lifecycle-settings.dto';
import { ProgressView, StageCounts } from './dto/progress.dto';

/** Starting workflows several at a time keeps a bulk kickoff quick without flooding the server. */
const KICKOFF_CONCURRENCY = 8;

@ApiTags('lifecycle')
@ApiBearerAuth()
@Controller('fiscal-years/:fy')
export class FiscalYearLifecycleController {
  constructor(
    private readonly lifecycle: ClusterLifecycleService,
    private readonly catalogue: CatalogueService,
    private readonly catalogueRepository: CatalogueRepository,
    private readonly reads: LifecycleReadRepository,
  ) {}

  @Post('kickoff')
  @HttpCode(200)
  @Roles(Role.ReformOffice)
  @ApiHeader(IDEMPOTENCY_HEADER_DOC)
  @ApiOperation({
    summary: '一括着手',
    description:
      'Access: reform-office. Kicks off every cluster flagged as analysed this fiscal year, with one kickoff meeting record. Idempotent: clusters already running are counted, not restarted; clusters without an owning bureau are listed with the reason.',
  })
  @ApiOkResponse({ type: BulkKickoffResponse })
  async bulkKickoff(
    @Param('fy', FiscalYearPipe) fiscalYear: number,
    @Body() body: KickoffRequest,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<BulkKickoffResponse> {
    await this.catalogue.structure(fiscalYear);
    const { items: flagged } = await this.catalogueRepository.listClusters(fiscalYear, { analysedThisYear: true }, { page: 1, pageSize: 10_000 });
    const answer: BulkKickoffResponse = { started: 0, alreadyRunning: 0, skipped: [], flagged: flagged.length };
    for (let index = 0; index < flagged.length; index += KICKOFF_CONCURRENCY) {
      await Promise.all(
        flagged.slice(index, index + KICKOFF_CONCURRENCY).map(async (cluster) => {
          if (!cluster.owningBureau) {
            answer.skipped.push({ no: cluster.no, name: cluster.name, reason: '所管局が設定されていません' });
            return;
          }
          const outcome = await this.lifecycle.kickoff(cluster, body, participantOf(user));
          if (outcome === 'started') answer.started += 1;
          else answer.alreadyRunning += 1;
        }),
      );
    }
    answer.skipped.sort((a, b) => a.no - b.no);
    await this.lifecycle.startCalendar(fiscalYear);
    return answer;
  }

  @Get('progress')
  @Authenticated()
  @ApiOperation({ summary: '進捗状況', description: 'Access: any logged-in user. Counts of clusters by group × kind × stage, and by owning bureau × stage, each with the number of open items past their deadline; and every open item with its due date, whether it is provisional and whether it is overdue.' })
  @ApiOkResponse({ type: ProgressView })
  async progress(@Param('fy', FiscalYearPipe) fiscalYear: number): Promise<ProgressView> {
    await this.catalogue.structure(fiscalYear);
    const [categories, bureaus] = await Promise.all([this.reads.progressByCategory(fiscalYear), this.reads.progressByBureau(fiscalYear)]);
    const byCategory = new Map<string, ProgressView['byCategory'][number]>();
    for (const row of categories) {
      const key = `${row.groupCode}/${row.kindCode ?? ''}`;
      const entry = byCategory.get(key) ?? { groupCode: row.groupCode, groupName: row.groupName, kindCode: row.kindCode, kindName: row.kindName, ...emptyCounts() };
      addCount(entry, row.stage, row.count);
      byCategory.set(key, entry);
    }
    const byBureau = new Map<string, ProgressView['byBureau'][number]>();
    for (const row of bureaus) {
      const key = row.bureauCode ?? '';
      const entry = byBureau.get(key) ?? { bureauCode: row.bureauCode, bureauName: row.bureauName, ...emptyCounts() };
      addCount(entry, row.stage, row.count);
      byBureau.set(key, entry);
    }
    const overall = emptyCounts();
    for (const row of categories) addCount(overall, row.stage, row.count);
    const openItems = (await this.reads.openItems(fiscalYear)).map((item) => ({
      clusterNo: item.clusterNo,
      clusterName: item.clusterName,
      reportKind: item.reportKind,
      reportLabel: item.reportLabel,
      action: item.action,
      actionLabel: OWED_ACTION_LABELS[item.action as OwedActionType] ?? item.action,
      role: item.role,
      bureauCode: item.bureauCode,
      dueAt: item.dueAt ? toTokyoIsoString(item.dueAt) : null,
      provisional: item.provisional,
      overdue: item.dueAt !== null && item.dueAt.getTime() < Date.now(),
    }));
    // Overdue counts come from the open items themselves, grouped by each cluster's place in the catalogue.
    const overdueByCluster = new Map<number, number>();
    for (const item of openItems.filter((open) => open.overdue)) overdueByCluster.set(item.clusterNo, (overdueByCluster.get(item.clusterNo) ?? 0) + 1);
    if (overdueByCluster.size > 0) {
      const { items } = await this.catalogueRepository.listClusters(fiscalYear, {}, { page: 1, pageSize: 10_000 });
      for (const cluster of items) {
        const count = overdueByCluster.get(cluster.no) ?? 0;
        overall.overdue += count;
        const category = byCategory.get(`${cluster.group.code}/${cluster.kind?.code ?? ''}`);
        if (category) category.overdue += count;
        const bureau = byBureau.get(cluster.owningBureau?.code ?? '');
        if (bureau) bureau.overdue += count;
      }
    }
    return { fiscalYear, overall, byCategory: [...byCategory.values()], byBureau: [...byBureau.values()], openItems };
  }

  @Get('lifecycle-settings')
  @Authenticated()
  @ApiOperation({ summary: '報告書と決裁経路の設定', description: "Access: any logged-in user. The fiscal year's report kinds and approval chain." })
  @ApiOkResponse({ type: LifecycleSettingsDto })
  async settings(@Param('fy', FiscalYearPipe) fiscalYear: number): Promise<LifecycleSettingsDto> {
    await this.catalogue.structure(fiscalYear);
    const settings = await this.catalogueRepository.lifecycleSettings(fiscalYear);
    if (!settings) throw new NotFoundException(`${fiscalYearLabel(fiscalYear)}の報告書・決裁経路は未設定です`);
    return settings as LifecycleSettingsDto;
  }

  @Put('lifecycle-settings')
  @Roles(Role.ReformOffice)
  @ApiOperation({
    summary: '報告書と決裁経路の設定変更',
    description: 'Access: reform-office. Applies to clusters kicked off afterwards; analyses already running keep the settings they started with.',
  })
  @ApiOkResponse({ type: LifecycleSettingsDto })
  async changeSettings(@Param('fy', FiscalYearPipe) fiscalYear: number, @Body() body: LifecycleSettingsDto): Promise<LifecycleSettingsDto> {
    await this.catalogue.structure(fiscalYear);
    const problems = lifecycleSettingsProblems(body);
    if (problems.length > 0) throw new BadRequestException(`設定に誤りがあります（${problems.join(' / ')}）`);
    await this.catalogueRepository.setLifecycleSettings(fiscalYear, body);
    return body;
  }
}

function emptyCounts(): StageCounts {
  return { byStage: Object.fromEntries(CLUSTER_STAGES.map((stage) => [stage, 0])), total: 0, overdue: 0 };
}

function addCount(counts: StageCounts, stage: string, count: number): void {
  counts.byStage[stage] = (counts.byStage[stage] ?? 0) + count;
  counts.total += count;
}
