import { Role } from '../roles';
import { ClusterStage } from './cluster-stage';
import { isBlank, SLUG_PATTERN } from '../fields/field-limits';
import type { RoleStepRule } from '../approval/approval-document';

/** One report a cluster writes in a year, named by a stable slug used in URLs. */
export interface ReportKindSetting {
  readonly slug: string;
  readonly label: string;
  /** The stage whose work this report is; a stage ends when all its reports are approved. */
  readonly stage: ClusterStage;
}

/** Per fiscal year: which reports each stage has and who approves them, in order. */
export interface LifecycleSettings {
  readonly reportKinds: readonly ReportKindSetting[];
  /** Cluster reports are decided by role holders: the owning bureau's, then programme-wide. */
  readonly approvalChain: readonly RoleStepRule[];
  /**
   * Once a report is approved, every logged-in user may read its texts (absent = no: only the
   * owning bureau, its approvers and the reform office). Read from the year's settings as they are now.
   */
  readonly approvedReportsReadableByAll?: boolean;
}

/** The stages that end in reports, in order. */
export const REPORT_STAGES: readonly ClusterStage[] = [ClusterStage.InterimReport, ClusterStage.DirectionReport, ClusterStage.FinalReport];

/** Roles held within a bureau; the others act for the whole programme. */
export const BUREAU_ROLES: readonly Role[] = [Role.Staff, Role.Manager, Role.Director];

export const DEFAULT_APPROVAL_CHAIN: readonly RoleStepRule[] = [
  { role: Role.Manager, scope: 'owning-bureau', label: '所管課長' },
  { role: Role.Director, scope: 'owning-bureau', label: '所管局長' },
  { role: Role.ReformOffice, scope: 'programme', label: '市政変革室' },
];

/** Problems that would make a year's lifecycle impossible to run, in Japanese; empty when it is sound. */
export function lifecycleSettingsProblems(settings: LifecycleSettings): string[] {
  const problems: string[] = [];
  const slugs = settings.reportKinds.map((kind) => kind.slug);
  for (const kind of settings.reportKinds) {
    if (!SLUG_PATTERN.test(kind.slug)) problems.push(`報告書の種類「${kind.slug}」は英小文字・数字・ハイフンの識別子にしてください`);
    if (!REPORT_STAGES.includes(kind.stage)) problems.push(`報告書の種類「${kind.slug}」の段階 ${kind.stage} は報告の段階ではありません`);
    if (isBlank(kind.label)) problems.push(`報告書の種類「${kind.slug}」に名称がありません`);
  }
  for (const duplicate of new Set(slugs.filter((slug, index) => slugs.indexOf(slug) !== index))) {
    problems.push(`報告書の種類「${duplicate}」が重複しています`);
  }
  for (const stage of REPORT_STAGES) {
    if (!settings.reportKinds.some((kind) => kind.stage === stage)) problems.push(`段階 ${stage} の報告書がありません`);
  }
  if (settings.approvalChain.length === 0) problems.push('決裁の経路が空です');
  for (const step of settings.approvalChain) {
    const bureauRole = BUREAU_ROLES.includes(step.role);
    if (step.role === Role.Staff || step.role === Role.Admin) problems.push(`${step.label}: 役割 ${step.role} は決裁者になれません`);
    else if (bureauRole !== (step.scope === 'owning-bureau')) problems.push(`${step.label}: 役割 ${step.role} と範囲 ${step.scope} が合いません`);
  }
  return problems;
}

export function reportKindsOfStage(settings: LifecycleSettings, stage: ClusterStage): ReportKindSetting[] {
  return settings.reportKinds.filter((kind) => kind.stage === stage);
}
