import { Actor, fiscalYearLabel, OWED_ACTION_LABELS, OwedActionType, refused, Role, ROLE_LABELS, STAGE_LABELS, toTokyoIsoString } from '@app/domain';
import { BureauRepository, CatalogueRepository, ClusterDetailRecord, ClusterNaming, ClusterRow, PendingActionRow } from '@app/persistence';
import { Injectable } from '@nestjs/common';
import { invalidFields } from '../common/validation.pipe';
import { AnalysedChangeView, ClusterView, PendingActionView } from './cluster.dto';
import { CatalogueStructureView, FiscalYearView } from './fiscal-year.dto';

/** Unknown cluster numbers a refusal names one by one; the rest it counts. */
const MISSING_NAMED = 10;

/** The catalogue as the API shows it; turns repository outcomes into answers a person can act on. */
@Injectable()
export class CatalogueService {
  constructor(
    private readonly catalogue: CatalogueRepository,
    private readonly bureauRows: BureauRepository,
  ) {}

  listFiscalYears(): Promise<FiscalYearView[]> {
    return this.catalogue.listFiscalYears();
  }

  async createFiscalYear(fiscalYear: number, copyFrom: number): Promise<FiscalYearView> {
    const clusterCount = await this.catalogue.copyFiscalYear(copyFrom, fiscalYear);
    return { fiscalYear, label: fiscalYearLabel(fiscalYear), copiedFrom: copyFrom, clusterCount };
  }

  async structure(fiscalYear: number): Promise<CatalogueStructureView> {
    await this.requireFiscalYear(fiscalYear);
    const [groups, kinds] = await Promise.all([this.catalogue.listGroups(fiscalYear), this.catalogue.listKinds(fiscalYear)]);
    return { groups, kinds };
  }

  /** Changes the catalogue fields of a cluster the caller has already found. */
  updateCluster(cluster: ClusterRow, changes: { readonly analysedThisYear?: boolean; readonly owningBureauCode?: string | null }, changedBy: Actor): Promise<void> {
    return this.catalogue.updateCluster(cluster.fiscalYear, cluster.no, changes, changedBy);
  }

  /** 分析対象の一括設定: every numbered cluster of the year gets the flag, or none does when a number is not one of them. */
  async setAnalysedThisYear(fiscalYear: number, nos: readonly number[], analysed: boolean, changedBy: Actor): Promise<AnalysedChangeView> {
    await this.requireFiscalYear(fiscalYear);
    const { missing, changed } = await this.catalogue.setAnalysedThisYear(fiscalYear, nos, analysed, changedBy);
    if (missing.length > 0) {
      const named = missing.slice(0, MISSING_NAMED).map((no) => `No.${no}`).join('、');
      const rest = missing.length > MISSING_NAMED ? `ほか${missing.length - MISSING_NAMED}件` : '';
      throw invalidFields([{ field: 'nos', problems: [`${fiscalYearLabel(fiscalYear)}に ${named}${rest} の事業群はありません。どの事業群も変更していません`] }]);
    }
    return { analysedThisYear: analysed, changed: changed.length, unchanged: new Set(nos).size - changed.length };
  }

  /** The cluster as it is now, after a change to one the caller has already found. */
  async reload(cluster: ClusterRow): Promise<ClusterRow> {
    return (await this.catalogue.findCluster(cluster.fiscalYear, cluster.no)) ?? cluster;
  }

  /** Every bureau, office and ward (a city has some dozens). */
  async bureaus(): Promise<{ code: string; name: string }[]> {
    return (await this.bureauRows.list({ page: 1, pageSize: 1_000 })).items.map((bureau) => ({ code: bureau.code, name: bureau.name }));
  }

  async requireBureau(code: string, field = 'owningBureauCode'): Promise<{ code: string; name: string }> {
    const bureau = await this.bureauRows.findByCode(code);
    if (!bureau) {
      const problem = `局コード「${code}」は登録されていません`;
      throw refused('bureau.unknown', problem, { fields: [{ field, problems: [problem] }] });
    }
    return { code: bureau.code, name: bureau.name };
  }

  /** The cluster, or a refusal naming the year or the cluster that is not registered; one query when it exists. */
  async requireCluster(fiscalYear: number, no: number): Promise<ClusterRow> {
    return (await this.catalogue.findCluster(fiscalYear, no)) ?? this.unknownCluster(fiscalYear, no);
  }

  /** Everything the cluster's page shows, in one read; refused as {@link requireCluster} refuses. */
  async requireClusterDetail<N extends string>(fiscalYear: number, no: number, namings: Readonly<Record<N, ClusterNaming>>): Promise<ClusterDetailRecord<N>> {
    return (await this.catalogue.findClusterDetail(fiscalYear, no, namings)) ?? this.unknownCluster(fiscalYear, no);
  }

  /** An unknown year is said as such, not as an unknown cluster of it. */
  private async unknownCluster(fiscalYear: number, no: number): Promise<never> {
    await this.requireFiscalYear(fiscalYear);
    throw refused('cluster.unknown', `${fiscalYearLabel(fiscalYear)}にクラスター No.${no} はありません`);
  }

  /** Checks that the year is registered, without reading its catalogue. */
  async requireFiscalYear(fiscalYear: number): Promise<void> {
    if (!(await this.catalogue.fiscalYearExists(fiscalYear))) {
      throw refused('fiscal-year.unknown', `${fiscalYearLabel(fiscalYear)}（${fiscalYear}）は登録されていません`);
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
