import { fiscalYearLabel, OWED_ACTION_LABELS, OwedActionType, Role, ROLE_LABELS, STAGE_LABELS, toTokyoIsoString } from '@app/domain';
import {
  BureauNotFoundError,
  BureauRepository,
  CatalogueRepository,
  ClusterFilter,
  ClusterRow,
  PendingActionRow,
  FiscalYearAlreadyExistsError,
  FiscalYearNotFoundError,
} from '@app/persistence';
import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { ClusterPage, ClusterView, PendingActionView, UpdateClusterRequest } from './cluster.dto';
import { CatalogueStructureView, FiscalYearView } from './fiscal-year.dto';

/** The catalogue as the API shows it; turns repository outcomes into answers a person can act on. */
@Injectable()
export class CatalogueService {
  constructor(
    private readonly catalogue: CatalogueRepository,
    private readonly bureaus: BureauRepository,
  ) {}

  listFiscalYears(): Promise<FiscalYearView[]> {
    return this.catalogue.listFiscalYears();
  }

  async createFiscalYear(fiscalYear: number, copyFrom: number): Promise<FiscalYearView> {
    try {
      const clusterCount = await this.catalogue.copyFiscalYear(copyFrom, fiscalYear);
      return { fiscalYear, label: fiscalYearLabel(fiscalYear), copiedFrom: copyFrom, clusterCount };
    } catch (error) {
      if (error instanceof FiscalYearNotFoundError) throw new NotFoundException(`複製元の${fiscalYearLabel(copyFrom)}（${copyFrom}）は登録されていません`);
      if (error instanceof FiscalYearAlreadyExistsError) throw new ConflictException(`${fiscalYearLabel(fiscalYear)}（${fiscalYear}）は既に登録されています`);
      throw error;
    }
  }

  async structure(fiscalYear: number): Promise<CatalogueStructureView> {
    await this.requireFiscalYear(fiscalYear);
    const [groups, kinds] = await Promise.all([this.catalogue.listGroups(fiscalYear), this.catalogue.listKinds(fiscalYear)]);
    return { groups, kinds };
  }

  async listClusters(fiscalYear: number, filter: ClusterFilter, page: number, pageSize: number): Promise<ClusterPage> {
    await this.requireFiscalYear(fiscalYear);
    const result = await this.catalogue.listClusters(fiscalYear, filter, { page, pageSize });
    return { ...result, items: result.items.map(toClusterView) };
  }

  async getCluster(fiscalYear: number, no: number): Promise<ClusterView> {
    return toClusterView(await this.requireCluster(fiscalYear, no));
  }

  async updateCluster(fiscalYear: number, no: number, changes: UpdateClusterRequest): Promise<ClusterView> {
    if (changes.analysedThisYear === undefined && changes.owningBureauCode === undefined) {
      throw new BadRequestException('変更する項目（analysedThisYear または owningBureauCode）を指定してください');
    }
    await this.requireCluster(fiscalYear, no);
    try {
      await this.catalogue.updateCluster(fiscalYear, no, changes);
    } catch (error) {
      if (error instanceof BureauNotFoundError) throw new BadRequestException(`局コード「${changes.owningBureauCode}」は登録されていません`);
      throw error;
    }
    return this.getCluster(fiscalYear, no);
  }

  async requireBureau(code: string): Promise<{ code: string; name: string }> {
    const bureau = await this.bureaus.findByCode(code);
    if (!bureau) throw new BadRequestException(`局コード「${code}」は登録されていません`);
    return { code: bureau.code, name: bureau.name };
  }

  async requireCluster(fiscalYear: number, no: number): Promise<ClusterRow> {
    const cluster = await this.catalogue.findCluster(fiscalYear, no);
    if (cluster) return cluster;
    await this.requireFiscalYear(fiscalYear);
    throw new NotFoundException(`${fiscalYearLabel(fiscalYear)}にクラスター No.${no} はありません`);
  }

  private async requireFiscalYear(fiscalYear: number): Promise<void> {
    if (!(await this.catalogue.fiscalYearExists(fiscalYear))) {
      throw new NotFoundException(`${fiscalYearLabel(fiscalYear)}（${fiscalYear}）は登録されていません`);
    }
  }
}

export function toPendingActionView(row: PendingActionRow): PendingActionView {
  return {
    ...row,
    actionLabel: OWED_ACTION_LABELS[row.action as OwedActionType] ?? row.action,
    roleLabel: ROLE_LABELS[row.role as Role] ?? row.role,
    since: toTokyoIsoString(row.since),
    dueAt: row.dueAt ? toTokyoIsoString(row.dueAt) : null,
    provisional: row.provisional,
    overdue: row.dueAt !== null && Date.parse(row.dueAt) < Date.now(),
  };
}

export function toClusterView(row: ClusterRow): ClusterView {
  return {
    fiscalYear: row.fiscalYear,
    no: row.no,
    name: row.name,
    group: row.group,
    kind: row.kind,
    analysedThisYear: row.analysedThisYear,
    owningBureau: row.owningBureau,
    stage: row.stage,
    stageLabel: STAGE_LABELS[row.stage],
    stageChangedAt: row.stageChangedAt ? toTokyoIsoString(row.stageChangedAt) : null,
    pendingActions: row.pending.map(toPendingActionView),
  };
}
