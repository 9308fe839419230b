import { Role } from '../roles';
import { ClusterCase, ReportState } from './cluster-case';
import { approvalSteps, holdsRoleOfStep, Participant, ApprovalStatus } from '../approval/approval-document';

/**
 * Whether the caller may read the texts of this report: its drafts and earlier versions, the comments
 * on its decisions and returns, and what its history says of them. Readers are the owning bureau's
 * users, the report's approvers (holders of a role of its approval chain in that step's scope; a
 * delegate holds the role, and one who lost it reads no more) and the reform office; everyone once
 * the report is approved, if the year's settings open approved reports to all.
 */
export function mayReadReportTexts(
  caller: Participant,
  cluster: Pick<ClusterCase, 'owningBureau' | 'settings'>,
  report: Pick<ReportState, 'status' | 'submission'>,
  approvedReportsReadableByAll: boolean,
): boolean {
  if (caller.roles.includes(Role.ReformOffice)) return true;
  if (caller.bureauCode !== null && caller.bureauCode === cluster.owningBureau.code) return true;
  // The chain the report is on if it was submitted (its bureau steps move with the owning bureau), else the one it will take.
  const steps = report.submission?.steps ?? approvalSteps(cluster.settings.approvalChain, cluster.owningBureau.code);
  if (steps.some((step) => holdsRoleOfStep(step, caller))) return true;
  return approvedReportsReadableByAll && report.status === ApprovalStatus.Approved;
}
