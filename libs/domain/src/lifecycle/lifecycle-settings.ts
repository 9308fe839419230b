import { Role, ROLE_LABELS } from '../roles';
import { type FieldProblem, fieldProblemList } from '../refusals/refusal';
import { ClusterStage, STAGE_LABELS } from './cluster-stage';
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

/** How far an approval step's role reaches, as the settings show it. */
export const APPROVAL_SCOPE_LABELS: Readonly<Record<RoleStepRule['scope'], string>> = { 'owning-bureau': '所管局の中で', programme: '全庁（市政変革室）' };

/**
 * Problems that would make a year's lifecycle impossible to run, in Japanese, each under the request
 * field it concerns (`approvalChain.1.scope`); empty when it is sound.
 */
export function lifecycleSettingsProblems(settings: LifecycleSettings): FieldProblem[] {
  const problems = fieldProblemList();
  const slugs = settings.reportKinds.map((kind) => kind.slug);
  for (const [index, kind] of settings.reportKinds.entries()) {
    const name = isBlank(kind.label) ? `報告書「${kind.slug}」` : kind.label;
    if (!SLUG_PATTERN.test(kind.slug)) problems.add(`reportKinds.${index}.slug`, `${name}の識別子「${kind.slug}」は英小文字・数字・ハイフンにしてください`);
    if (!REPORT_STAGES.includes(kind.stage)) problems.add(`reportKinds.${index}.stage`, `${name}の段階は${REPORT_STAGES.map((stage) => STAGE_LABELS[stage]).join('・')}のどれかにしてください`);
    if (isBlank(kind.label)) problems.add(`reportKinds.${index}.label`, '報告書の名称を入力してください');
  }
  for (const duplicate of new Set(slugs.filter((slug, index) => slugs.indexOf(slug) !== index))) {
    problems.add('reportKinds', `報告書の識別子「${duplicate}」が重複しています`);
  }
  for (const stage of REPORT_STAGES) {
    if (!settings.reportKinds.some((kind) => kind.stage === stage)) problems.add('reportKinds', `${STAGE_LABELS[stage]}の段階の報告書がありません。どれかの報告書の段階を${STAGE_LABELS[stage]}にしてください`);
  }
  if (settings.approvalChain.length === 0) problems.add('approvalChain', '決裁の経路に1段以上を設けてください');
  for (const [index, step] of settings.approvalChain.entries()) {
    const name = isBlank(step.label) ? `${index + 1}段目` : step.label;
    const bureauRole = BUREAU_ROLES.includes(step.role);
    if (step.role === Role.Staff || step.role === Role.Admin) problems.add(`approvalChain.${index}.role`, `${name}：${ROLE_LABELS[step.role]}は決裁者になれません`);
    else if (bureauRole !== (step.scope === 'owning-bureau')) {
      const fitting = bureauRole ? 'owning-bureau' : 'programme';
      problems.add(`approvalChain.${index}.scope`, `${name}：${ROLE_LABELS[step.role]}の範囲は「${APPROVAL_SCOPE_LABELS[fitting]}」にしてください`);
    }
  }
  return problems.list();
}

export function reportKindsOfStage(settings: LifecycleSettings, stage: ClusterStage): ReportKindSetting[] {
  return settings.reportKinds.filter((kind) => kind.stage === stage);
}
