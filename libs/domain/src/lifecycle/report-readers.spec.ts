import { Role } from '../roles';
import { BureauRef, ReportState } from './cluster-case';
import { approvalSteps, Participant, ApprovalStatus } from '../approval/approval-document';
import { DEFAULT_APPROVAL_CHAIN, LifecycleSettings } from './lifecycle-settings';
import { mayReadReportTexts } from './report-readers';
import { ClusterStage } from './cluster-stage';

const ENV: BureauRef = { code: 'kankyo', name: '環境局' };
const PORT: BureauRef = { code: 'kowan', name: '港湾空港局' };
const person = (id: string, roles: Role[], bureau: BureauRef | null): Participant => ({ id, name: id, roles, bureauCode: bureau?.code ?? null });

const settings: LifecycleSettings = { reportKinds: [{ slug: 'interim', label: '経過報告', stage: ClusterStage.InterimReport }], approvalChain: DEFAULT_APPROVAL_CHAIN };
const cluster = { owningBureau: ENV, settings };

const draft: Pick<ReportState, 'status' | 'submission'> = { status: ApprovalStatus.Draft, submission: null };
const submission = (bureau: BureauRef) => ({ version: 1, submittedBy: { id: 's', name: 's' }, submittedAt: '', steps: approvalSteps(DEFAULT_APPROVAL_CHAIN, bureau.code), currentStep: 0 });
const inApproval: Pick<ReportState, 'status' | 'submission'> = { status: ApprovalStatus.InApproval, submission: submission(ENV) };
const approved: Pick<ReportState, 'status' | 'submission'> = { status: ApprovalStatus.Approved, submission: { ...submission(ENV), currentStep: 3 } };

describe('who may read the texts of a report', () => {
  it.each([
    ['staff of the owning bureau', person('staff', [Role.Staff], ENV)],
    ['a manager of the owning bureau (an approver)', person('manager', [Role.Manager], ENV)],
    ['a director of the owning bureau (an approver)', person('director', [Role.Director], ENV)],
    ['the reform office', person('office', [Role.ReformOffice], null)],
  ])('lets %s read drafts, reports in approval and approved ones', (_who, caller) => {
    for (const report of [draft, inApproval, approved]) expect(mayReadReportTexts(caller, cluster, report, false)).toBe(true);
  });

  it.each([
    ['staff of another bureau', person('other-staff', [Role.Staff], PORT)],
    ['a manager of another bureau', person('other-manager', [Role.Manager], PORT)],
    ['a director of another bureau', person('other-director', [Role.Director], PORT)],
    ['an administrator', person('admin', [Role.Admin], null)],
  ])('keeps them from %s', (_who, caller) => {
    for (const report of [draft, inApproval, approved]) expect(mayReadReportTexts(caller, cluster, report, false)).toBe(false);
  });

  it('opens approved reports, and only those, to every logged-in user when the year says so', () => {
    const outsider = person('other-staff', [Role.Staff], PORT);
    expect(mayReadReportTexts(outsider, cluster, approved, true)).toBe(true);
    expect(mayReadReportTexts(outsider, cluster, inApproval, true)).toBe(false);
    expect(mayReadReportTexts(outsider, cluster, draft, true)).toBe(false);
    expect(mayReadReportTexts(person('admin', [Role.Admin], null), cluster, approved, true)).toBe(true);
  });

  it('follows the chain the report is on: its bureau steps name the bureau they were bound to', () => {
    // After a change of owning bureau the undecided steps move; an approved step stays with the bureau that decided it.
    const movedCluster = { owningBureau: PORT, settings };
    const decidedAtEnv = { status: ApprovalStatus.InApproval, submission: { ...submission(PORT), steps: [approvalSteps(DEFAULT_APPROVAL_CHAIN, ENV.code)[0], ...approvalSteps(DEFAULT_APPROVAL_CHAIN, PORT.code).slice(1)] } };
    expect(mayReadReportTexts(person('manager', [Role.Manager], ENV), movedCluster, decidedAtEnv, false)).toBe(true);
    expect(mayReadReportTexts(person('director', [Role.Director], ENV), movedCluster, decidedAtEnv, false)).toBe(false);
    expect(mayReadReportTexts(person('port-director', [Role.Director], PORT), movedCluster, decidedAtEnv, false)).toBe(true);
  });

  it('lets a delegate read while they hold the role, and not once they have lost it', () => {
    const steps = approvalSteps(DEFAULT_APPROVAL_CHAIN, ENV.code);
    const delegated = { status: ApprovalStatus.InApproval, submission: { ...submission(ENV), steps: [{ ...steps[0], delegatedTo: { id: 'deputy', name: 'deputy' } }, ...steps.slice(1)] } };
    expect(mayReadReportTexts(person('deputy', [Role.Manager], ENV), cluster, delegated, false)).toBe(true);
    expect(mayReadReportTexts(person('deputy', [Role.Manager], PORT), cluster, delegated, false)).toBe(false);
  });
});
