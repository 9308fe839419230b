import { ClusterCase, fiscalYearLabel, mayReadReportTexts, Participant, refused, ApprovalStatus } from '@app/domain';
import { FiscalYearSettingsRepository } from '@app/persistence';
import { Injectable } from '@nestjs/common';

/** Whether the caller may read the texts of a report of the case, by its kind. */
export type TextReader = (reportKind: string | null) => boolean;

/** Said wherever texts are left out, so a restricted report does not look empty. */
export const TEXTS_RESTRICTED_MESSAGE = '本文・コメントは所管局の職員、この報告書の決裁者と市政変革室だけが閲覧できます';

/** The one place every endpoint serving report texts asks the domain's rule, with the year's setting as it is now. */
@Injectable()
export class ReportTextAccessService {
  constructor(private readonly fiscalYearSettings: FiscalYearSettingsRepository) {}

  /** What of the case the caller may read; entries about the cluster as a whole (no report) are not report texts. */
  async readerFor(fiscalYear: number, state: ClusterCase | null, caller: Participant): Promise<TextReader> {
    if (!state) return () => true;
    return readerOf(state, caller, (await this.fiscalYearSettings.lifecycleSettings(fiscalYear))?.approvedReportsReadableByAll ?? false);
  }

  /** Refuses a text endpoint with 404, as if there were nothing to read. */
  async requireReader(fiscalYear: number, clusterNo: number, state: ClusterCase | null, reportKind: string, caller: Participant): Promise<void> {
    if ((await this.readerFor(fiscalYear, state, caller))(reportKind)) return;
    throw refused('report.text-restricted', `${fiscalYearLabel(fiscalYear)} No.${clusterNo} の${reportKind}は閲覧できません。${TEXTS_RESTRICTED_MESSAGE}`);
  }
}

/** The reader of a case whose year's setting the caller has already read (`approvedReportsReadableByAll`). */
export function readerOf(state: ClusterCase | null, caller: Participant, openWhenApproved: boolean): TextReader {
  if (!state) return () => true;
  return (reportKind) => {
    if (reportKind === null) return true;
    const report = state.reports.find((candidate) => candidate.kind === reportKind) ?? { status: ApprovalStatus.NotStarted, submission: null };
    return mayReadReportTexts(caller, state, report, openWhenApproved);
  };
}
