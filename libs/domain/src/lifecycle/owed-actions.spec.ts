import { Role } from '../roles';
import { BureauRef, ClusterCase, openClusterCase } from './cluster-case';
import { Participant } from '../approval/approval-document';
import { ClusterCommand, decide, textRefOf } from './cluster-commands';
import { OwedAction, owedActions } from './owed-actions';
import { FY2024_LIFECYCLE_SETTINGS } from '../../../persistence/src/seed/fy2024-lifecycle-settings';

const ENV: BureauRef = { code: 'kankyo', name: '環境局' };
const PORT: BureauRef = { code: 'kowan', name: '港湾空港局' };

const person = (id: string, name: string, roles: Role[], bureau: BureauRef | null): Participant => ({ id, name, roles, bureauCode: bureau?.code ?? null });

const staff = person('u-staff', '山田', [Role.Staff], ENV);
const staff2 = person('u-staff2', '佐藤', [Role.Staff], ENV);
const manager = person('u-mgr', '鈴木課長', [Role.Manager], ENV);
const director = person('u-dir', '伊藤局長', [Role.Director], ENV);
const director2 = person('u-dir2', '渡辺局長', [Role.Director], ENV);
const reform = person('u-ref', '変革室 中村', [Role.ReformOffice], null);
const portStaff = person('u-pstaff', '加藤', [Role.Staff], PORT);

const save = (actor: Participant, kind: string): ClusterCommand => ({ type: 'save-draft', actor, kind, title: '報告書', text: textRefOf('本文', 'h'), basedOnVersion: null });
const submit = (actor: Participant, kind: string): ClusterCommand => ({ type: 'submit', actor, kind });
const approve = (actor: Participant, kind: string): ClusterCommand => ({ type: 'approve', actor, kind, comment: null });

function apply(state: ClusterCase, ...commands: ClusterCommand[]): ClusterCase {
  return commands.reduce((current, command) => {
    const decision = decide(current, command, '2024-07-01T09:00:00.000Z');
    if (!decision.accepted) throw new Error(`${command.type} refused: ${decision.refusal.message}`);
    return decision.state;
  }, state);
}

const openCase = () =>
  openClusterCase({
    fiscalYear: 2024,
    clusterNo: 27,
    clusterName: 'ごみ処理事業',
    owningBureau: ENV,
    kickoff: { meetingDate: '2024-06-04', attendees: [], notes: null },
    settings: FY2024_LIFECYCLE_SETTINGS,
  });

const finished = (state: ClusterCase, kind: string) => apply(state, save(staff, kind), submit(staff, kind), approve(manager, kind), approve(director, kind), approve(reform, kind));
const inInterim = () => apply(openCase(), save(staff, 'interim'), submit(staff, 'interim'));
const inDirection = () => finished(openCase(), 'interim');

const write = (reportKind: string, action: 'write' | 'revise' = 'write', bureauCode = ENV.code): Partial<OwedAction> => ({
  reportKind,
  action,
  role: Role.Staff,
  bureauCode,
  assignee: null,
  excludedUserIds: [],
  stepLabel: null,
});

describe('owed actions', () => {
  it('owe the interim report to the owning bureau’s staff right after kickoff, and nothing else', () => {
    expect(owedActions(openCase())).toEqual([{ ...write('interim'), reportLabel: '経過報告' }]);
  });

  it('still owe writing while the interim report is a draft', () => {
    expect(owedActions(apply(openCase(), save(staff, 'interim')))).toMatchObject([write('interim')]);
  });

  it('owe the first decision to the owning bureau’s managers, excluding the author', () => {
    expect(owedActions(inInterim())).toEqual([
      {
        reportKind: 'interim',
        reportLabel: '経過報告',
        action: 'decide',
        role: Role.Manager,
        bureauCode: ENV.code,
        assignee: null,
        excludedUserIds: [staff.id],
        stepLabel: '所管課長',
      },
    ]);
  });

  it('exclude everyone who saved a version or submitted', () => {
    const state = apply(openCase(), save(staff, 'interim'), save(staff2, 'interim'), submit(staff, 'interim'));
    expect([...owedActions(state)[0].excludedUserIds].sort()).toEqual([staff.id, staff2.id].sort());
  });

  it('move along the chain: director of the owning bureau, then the reform office programme-wide', () => {
    const afterManager = apply(inInterim(), approve(manager, 'interim'));
    expect(owedActions(afterManager)).toMatchObject([{ action: 'decide', role: Role.Director, bureauCode: ENV.code, stepLabel: '所管局長', assignee: null }]);
    const afterDirector = apply(afterManager, approve(director, 'interim'));
    expect(owedActions(afterDirector)).toMatchObject([{ action: 'decide', role: Role.ReformOffice, bureauCode: null, stepLabel: '市政変革室', assignee: null }]);
  });

  it('name the delegate as the one assignee of a delegated step', () => {
    const state = apply(inInterim(), approve(manager, 'interim'), {
      type: 'delegate',
      actor: director,
      kind: 'interim',
      delegate: director2,
      comment: '出張のため',
    });
    expect(owedActions(state)).toMatchObject([{ action: 'decide', role: Role.Director, assignee: { id: director2.id, name: director2.name }, stepLabel: '所管局長' }]);
  });

  it('owe a revision to the owning bureau’s staff after a return, until resubmitted', () => {
    const returned = apply(inInterim(), { type: 'return', actor: manager, kind: 'interim', comment: '要修正' });
    expect(owedActions(returned)).toMatchObject([write('interim', 'revise')]);
    expect(owedActions(apply(returned, save(staff, 'interim')))).toMatchObject([write('interim', 'revise')]);
    expect(owedActions(apply(returned, save(staff, 'interim'), submit(staff, 'interim')))).toMatchObject([{ action: 'decide', role: Role.Manager }]);
  });

  it('owe writing again after a recall', () => {
    const recalled = apply(inInterim(), { type: 'recall', actor: staff, kind: 'interim' });
    expect(owedActions(recalled)).toMatchObject([write('interim')]);
  });

  it('owe both direction reports once the interim report is approved, and not the approved one', () => {
    expect(owedActions(inDirection())).toMatchObject([write('direction-budget'), write('direction-system')]);
    const oneDone = finished(inDirection(), 'direction-system');
    expect(owedActions(oneDone)).toMatchObject([write('direction-budget')]);
    expect(owedActions(oneDone)).toHaveLength(1);
  });

  it('owe only the final report in the final stage', () => {
    const inFinal = finished(finished(inDirection(), 'direction-budget'), 'direction-system');
    expect(owedActions(inFinal)).toEqual([{ ...write('final'), reportLabel: '最終報告' }]);
  });

  it('are empty when the case is completed', () => {
    const inFinal = finished(finished(inDirection(), 'direction-budget'), 'direction-system');
    expect(owedActions(finished(inFinal, 'final'))).toEqual([]);
  });

  it('are empty when the case is withdrawn, even with a report in approval', () => {
    expect(owedActions(apply(inInterim(), { type: 'withdraw', actor: reform, reason: '対象外' }))).toEqual([]);
  });

  it('follow a change of owning bureau', () => {
    const moved = apply(inInterim(), approve(manager, 'interim'), { type: 'change-owning-bureau', actor: reform, bureau: PORT });
    expect(owedActions(moved)).toMatchObject([{ action: 'decide', role: Role.Director, bureauCode: PORT.code }]);
    const movedEarly = apply(openCase(), { type: 'change-owning-bureau', actor: reform, bureau: PORT });
    expect(owedActions(movedEarly)).toMatchObject([write('interim', 'write', PORT.code)]);
    expect(owedActions(apply(movedEarly, save(portStaff, 'interim'), submit(portStaff, 'interim')))).toMatchObject([
      { action: 'decide', role: Role.Manager, bureauCode: PORT.code, excludedUserIds: [portStaff.id] },
    ]);
  });
});
