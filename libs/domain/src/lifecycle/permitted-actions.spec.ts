import { Role } from '../roles';
import { BureauRef, ClusterCase, openClusterCase } from './cluster-case';
import { Participant } from '../approval/approval-document';
import { ClusterCommand, decide, textRefOf } from './cluster-commands';
import { ClusterStage } from './cluster-stage';
import { ClusterStanding, eligibleDelegates, permittedActions, ReportPermissions } from './permitted-actions';
import { FY2024_LIFECYCLE_SETTINGS } from '../../../persistence/src/seed/fy2024-lifecycle-settings';

const ENV: BureauRef = { code: 'kankyo', name: '環境局' };
const person = (id: string, roles: Role[], bureauCode: string | null): Participant => ({ id, name: id, roles, bureauCode });
const staff = person('staff', [Role.Staff], 'kankyo');
const staff2 = person('staff2', [Role.Staff], 'kankyo');
const otherStaff = person('other-staff', [Role.Staff], 'kodomo');
const manager = person('manager', [Role.Manager], 'kankyo');
const manager2 = person('manager2', [Role.Manager], 'kankyo');
const otherManager = person('other-manager', [Role.Manager], 'kodomo');
const director = person('director', [Role.Director], 'kankyo');
const office = person('office', [Role.ReformOffice], null);
const staffManager = person('staff-manager', [Role.Staff, Role.Manager], 'kankyo');

const NOW = '2024-07-01T00:00:00.000Z';
const opened = (): ClusterCase =>
  openClusterCase({
    fiscalYear: 2024,
    clusterNo: 27,
    clusterName: 'ごみ処理事業',
    owningBureau: ENV,
    kickoff: { meetingDate: '2024-06-04', attendees: [], notes: null },
    settings: FY2024_LIFECYCLE_SETTINGS,
  });
const standingOf = (state: ClusterCase | null, stage = state?.stage ?? ClusterStage.NotStarted): ClusterStanding => ({
  no: 27,
  name: 'ごみ処理事業',
  stage,
  owningBureau: ENV,
});
const apply = (state: ClusterCase, ...commands: ClusterCommand[]): ClusterCase =>
  commands.reduce((current, command) => {
    const decision = decide(current, command, NOW);
    if (!decision.accepted) throw new Error(decision.refusal.message);
    return decision.state;
  }, state);
const saved = (state: ClusterCase, by = staff) => apply(state, { type: 'save-draft', actor: by, kind: 'interim', title: '経過報告', text: textRefOf('本文', 'h'), basedOnVersion: null });
const submitted = (state: ClusterCase, by = staff) => apply(saved(state, by), { type: 'submit', actor: by, kind: 'interim' });

const interim = (state: ClusterCase | null, caller: Participant): ReportPermissions => {
  const found = permittedActions(standingOf(state), state, caller).reports.find((report) => report.kind === 'interim');
  if (!found) throw new Error('no interim report');
  return found;
};
const allowed = (permissions: ReportPermissions) =>
  (['save', 'submit', 'recall', 'approve', 'return', 'delegate'] as const).filter((action) => permissions[action]);

describe('permittedActions', () => {
  it('before kickoff: only the reform office may kick off and change the settings; nothing can be done to reports', () => {
    const forOffice = permittedActions(standingOf(null), null, office);
    expect(forOffice).toEqual({ case: { kickoff: true, withdraw: false, changeOwningBureau: true, changeAnalysed: true }, reports: [] });
    expect(permittedActions(standingOf(null), null, manager).case).toEqual({ kickoff: false, withdraw: false, changeOwningBureau: false, changeAnalysed: false });
  });

  it('a cluster without an owning bureau cannot be kicked off', () => {
    expect(permittedActions({ ...standingOf(null), owningBureau: null }, null, office).case.kickoff).toBe(false);
  });

  it('after kickoff the owning bureau’s staff may save; submitting needs a saved draft', () => {
    const state = opened();
    expect(allowed(interim(state, staff))).toEqual(['save']);
    expect(allowed(interim(saved(state), staff))).toEqual(['save', 'submit']);
    expect(allowed(interim(state, otherStaff))).toEqual([]);
    expect(allowed(interim(state, manager))).toEqual([]);
    expect(permittedActions(standingOf(state), state, office).case).toEqual({ kickoff: false, withdraw: true, changeOwningBureau: true, changeAnalysed: true });
  });

  it('in approval: the submitter may recall, the current step’s holder may decide, others may not, the author never', () => {
    const state = submitted(opened());
    expect(allowed(interim(state, staff))).toEqual(['recall']);
    expect(allowed(interim(state, staff2))).toEqual([]);
    expect(allowed(interim(state, manager))).toEqual(['approve', 'return', 'delegate']);
    expect(allowed(interim(state, otherManager))).toEqual([]);
    expect(allowed(interim(state, director))).toEqual([]);
    expect(allowed(interim(submitted(opened(), staffManager), staffManager))).toEqual(['recall']);
  });

  it('after the first approval the submitter may no longer recall and the next step’s holder decides', () => {
    const state = apply(submitted(opened()), { type: 'approve', actor: manager, kind: 'interim', comment: null });
    expect(allowed(interim(state, staff))).toEqual([]);
    expect(allowed(interim(state, manager))).toEqual([]);
    expect(allowed(interim(state, director))).toEqual(['approve', 'return', 'delegate']);
  });

  it('a delegated step is decided by the delegate alone', () => {
    const state = apply(submitted(opened()), { type: 'delegate', actor: manager, kind: 'interim', delegate: manager2, comment: null });
    expect(allowed(interim(state, manager))).toEqual([]);
    expect(allowed(interim(state, manager2))).toEqual(['approve', 'return', 'delegate']);
  });

  it('a withdrawn cluster allows nothing but the analysed flag', () => {
    const state = apply(opened(), { type: 'withdraw', actor: office, reason: '見送り' });
    expect(permittedActions(standingOf(state), state, office).case).toEqual({ kickoff: false, withdraw: false, changeOwningBureau: true, changeAnalysed: true });
    expect(allowed(interim(state, staff))).toEqual([]);
  });
});

describe('eligibleDelegates', () => {
  const candidates = [manager, manager2, otherManager, director, staffManager];

  it('lists the other holders of the step’s role in its bureau, not the caller and not the authors', () => {
    const state = submitted(opened());
    expect(eligibleDelegates(state, 'interim', manager, candidates)).toEqual({ eligible: [manager2, staffManager] });
    const byStaffManager = submitted(opened(), staffManager);
    expect(eligibleDelegates(byStaffManager, 'interim', manager, candidates)).toEqual({ eligible: [manager2] });
  });

  it('refuses, with the rules’ reason, a caller who does not hold the step', () => {
    const answer = eligibleDelegates(submitted(opened()), 'interim', otherManager, candidates);
    expect(answer).toEqual({ refusal: expect.objectContaining({ code: 'step.not-yours' }) });
    expect(eligibleDelegates(opened(), 'interim', manager, candidates)).toEqual({ refusal: expect.objectContaining({ code: 'report.not-in-approval' }) });
  });
});
