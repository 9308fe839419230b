import { Role } from '../roles';
import { BureauRef, ClusterCase, openClusterCase, ReportState } from './cluster-case';
import { Participant, ApprovalStatus } from '../approval/approval-document';
import { ClusterCommand, decide, Decision, textRefOf } from './cluster-commands';
import { DelegateStanding } from '../approval/approval-rules';
import { owedActions } from './owed-actions';
import { Refusal } from '../refusals/refusal';
import { COMMENT_MAX_LENGTH, REPORT_BODY_MAX_LENGTH, REPORT_TITLE_MAX_LENGTH } from '../fields/field-limits';
import { ClusterAction } from './cluster-lifecycle-event';
import { ClusterStage } from './cluster-stage';
import { DEFAULT_APPROVAL_CHAIN, LifecycleSettings } from './lifecycle-settings';
import { FY2024_LIFECYCLE_SETTINGS } from '../../../persistence/src/seed/fy2024-lifecycle-settings';

const ENV: BureauRef = { code: 'kankyo', name: '環境局' };
const PORT: BureauRef = { code: 'kowan', name: '港湾空港局' };

const person = (id: string, name: string, roles: Role[], bureau: BureauRef | null): Participant => ({ id, name, roles, bureauCode: bureau?.code ?? null });

const staff = person('u-staff', '山田', [Role.Staff], ENV);
const staff2 = person('u-staff2', '佐藤', [Role.Staff], ENV);
const manager = person('u-mgr', '鈴木課長', [Role.Manager], ENV);
const manager2 = person('u-mgr2', '高橋課長', [Role.Manager], ENV);
const manager3 = person('u-mgr3', '田中課長', [Role.Manager], ENV);
const director = person('u-dir', '伊藤局長', [Role.Director], ENV);
const director2 = person('u-dir2', '渡辺局長', [Role.Director], ENV);
const reform = person('u-ref', '変革室 中村', [Role.ReformOffice], null);
const reform2 = person('u-ref2', '変革室 小林', [Role.ReformOffice], null);
const admin = person('u-admin', '管理者', [Role.Admin], null);
const portStaff = person('u-pstaff', '加藤', [Role.Staff], PORT);
const portManager = person('u-pmgr', '吉田課長', [Role.Manager], PORT);
const portDirector = person('u-pdir', '山本局長', [Role.Director], PORT);
/** Holds a staff post and a manager post in the owning bureau at once (兼務). */
const staffManager = person('u-sm', '兼務 松本', [Role.Staff, Role.Manager], ENV);
const staffDirector = person('u-sd', '兼務 井上', [Role.Staff, Role.Director], ENV);

const DEFAULT_CHAIN = [manager, director, reform];
const NOW = '2024-07-01T09:00:00.000Z';

const save = (actor: Participant, kind: string, body = '本文です', title = `${kind} 報告書`, basedOnVersion: number | null = null): ClusterCommand => ({
  type: 'save-draft',
  actor,
  kind,
  title,
  text: textRefOf(body, `hash-of-${body.length}`),
  basedOnVersion,
});
const submit = (actor: Participant, kind: string): ClusterCommand => ({ type: 'submit', actor, kind });
const approve = (actor: Participant, kind: string, comment: string | null = null): ClusterCommand => ({ type: 'approve', actor, kind, comment });
const sendBack = (actor: Participant, kind: string, comment: string): ClusterCommand => ({ type: 'return', actor, kind, comment });
const delegateTo = (actor: Participant, kind: string, to: Participant): ClusterCommand => ({ type: 'delegate', actor, kind, delegate: to, comment: null });
const recall = (actor: Participant, kind: string): ClusterCommand => ({ type: 'recall', actor, kind });
const withdraw = (actor: Participant, reason: string): ClusterCommand => ({ type: 'withdraw', actor, reason });
const moveTo = (actor: Participant, bureau: BureauRef): ClusterCommand => ({ type: 'change-owning-bureau', actor, bureau });

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** Every decision in this file goes through here: the input case is frozen and must come back unchanged. */
function run(state: ClusterCase, command: ClusterCommand, now = NOW): Decision {
  const before = structuredClone(state);
  const decision = decide(deepFreeze(state), command, now);
  expect(state).toEqual(before);
  return decision;
}

function ok(state: ClusterCase, command: ClusterCommand, now = NOW): ClusterCase {
  const decision = run(state, command, now);
  if (!decision.accepted) throw new Error(`${command.type} refused: ${decision.refusal.code} ${decision.refusal.message}`);
  return decision.state;
}

function refused(state: ClusterCase, command: ClusterCommand): Refusal {
  const decision = run(state, command);
  if (decision.accepted) throw new Error(`${command.type} by ${command.actor.name} was accepted`);
  return decision.refusal;
}

const apply = (state: ClusterCase, ...commands: ClusterCommand[]): ClusterCase => commands.reduce((current, command) => ok(current, command), state);

function report(state: ClusterCase, kind: string): ReportState {
  const found = state.reports.find((candidate) => candidate.kind === kind);
  if (!found) throw new Error(`no report ${kind}`);
  return found;
}

function openCase(settings: LifecycleSettings = FY2024_LIFECYCLE_SETTINGS): ClusterCase {
  return openClusterCase({
    fiscalYear: 2024,
    clusterNo: 27,
    clusterName: 'ごみ処理事業',
    owningBureau: ENV,
    kickoff: { meetingDate: '2024-06-04', attendees: ['環境局', '市政変革室'], notes: null },
    settings,
  });
}

const submitted = (state: ClusterCase, kind: string, drafter = staff): ClusterCase => apply(state, save(drafter, kind), submit(drafter, kind));
const approvedAlong = (state: ClusterCase, kind: string, approvers: Participant[] = DEFAULT_CHAIN): ClusterCase =>
  apply(state, ...approvers.map((approver) => approve(approver, kind)));
const finished = (state: ClusterCase, kind: string): ClusterCase => approvedAlong(submitted(state, kind), kind);

const inInterim = () => submitted(openCase(), 'interim');
const inDirection = () => finished(openCase(), 'interim');
const inFinal = () => finished(finished(inDirection(), 'direction-budget'), 'direction-system');
const completed = () => finished(inFinal(), 'final');

describe('opening a case', () => {
  it('starts at kickoff with every FY2024 report not yet written', () => {
    const state = openCase();
    expect(state.stage).toBe(ClusterStage.Kickoff);
    expect(state.withdrawal).toBeNull();
    expect(state.reports.map((r) => [r.kind, r.stage, r.status])).toEqual([
      ['interim', ClusterStage.InterimReport, ApprovalStatus.NotStarted],
      ['direction-budget', ClusterStage.DirectionReport, ApprovalStatus.NotStarted],
      ['direction-system', ClusterStage.DirectionReport, ApprovalStatus.NotStarted],
      ['final', ClusterStage.FinalReport, ApprovalStatus.NotStarted],
    ]);
  });
});

describe('one cluster through all four FY2024 reports with the default chain', () => {
  it('advances a stage exactly at the last approval of the stage and ends COMPLETED', () => {
    const script: [ClusterCommand, ClusterStage][] = [
      [save(staff, 'interim'), ClusterStage.InterimReport],
      [submit(staff, 'interim'), ClusterStage.InterimReport],
      [approve(manager, 'interim'), ClusterStage.InterimReport],
      [approve(director, 'interim'), ClusterStage.InterimReport],
      [approve(reform, 'interim'), ClusterStage.DirectionReport],
      [save(staff, 'direction-budget'), ClusterStage.DirectionReport],
      [submit(staff, 'direction-budget'), ClusterStage.DirectionReport],
      [approve(manager, 'direction-budget'), ClusterStage.DirectionReport],
      [approve(director, 'direction-budget'), ClusterStage.DirectionReport],
      [approve(reform, 'direction-budget'), ClusterStage.DirectionReport],
      [save(staff2, 'direction-system'), ClusterStage.DirectionReport],
      [submit(staff2, 'direction-system'), ClusterStage.DirectionReport],
      [approve(manager2, 'direction-system'), ClusterStage.DirectionReport],
      [approve(director2, 'direction-system'), ClusterStage.DirectionReport],
      [approve(reform2, 'direction-system'), ClusterStage.FinalReport],
      [save(staff, 'final'), ClusterStage.FinalReport],
      [submit(staff, 'final'), ClusterStage.FinalReport],
      [approve(manager, 'final'), ClusterStage.FinalReport],
      [approve(director, 'final'), ClusterStage.FinalReport],
      [approve(reform, 'final'), ClusterStage.Completed],
    ];
    let state = openCase();
    script.forEach(([command, expected], index) => {
      const decision = run(state, command, `2024-07-01T09:${String(index).padStart(2, '0')}:00.000Z`);
      if (!decision.accepted) throw new Error(`step ${index} refused: ${decision.refusal.message}`);
      expect({ index, stage: decision.state.stage }).toEqual({ index, stage: expected });
      expect(decision.change.fromStage).toBe(state.stage);
      expect(decision.change.toStage).toBe(expected);
      state = decision.state;
    });
    expect(state.reports.every((r) => r.status === ApprovalStatus.Approved)).toBe(true);
    expect(report(state, 'final').approvedAt).toBe('2024-07-01T09:19:00.000Z');
  });

  it('opens the interim stage with the first draft saved after kickoff', () => {
    const decision = run(openCase(), save(staff, 'interim'));
    expect(decision.accepted && decision.change).toMatchObject({
      action: ClusterAction.SaveDraft,
      fromStage: ClusterStage.Kickoff,
      toStage: ClusterStage.InterimReport,
      reportKind: 'interim',
    });
  });

  it('sends a submission along 所管課長 → 所管局長 → 市政変革室 of the owning bureau', () => {
    const submission = report(inInterim(), 'interim').submission;
    expect(submission).toMatchObject({ version: 1, submittedBy: { id: staff.id, name: staff.name }, submittedAt: NOW, currentStep: 0 });
    expect(submission?.steps.map((step) => [step.label, step.role, step.bureauCode, step.approval])).toEqual([
      ['所管課長', Role.Manager, ENV.code, null],
      ['所管局長', Role.Director, ENV.code, null],
      ['市政変革室', Role.ReformOffice, null, null],
    ]);
  });

  it('keeps each step waiting for its own holder: the director cannot approve before the manager', () => {
    expect(refused(inInterim(), approve(director, 'interim')).code).toBe('step.not-yours');
    expect(refused(inInterim(), approve(reform, 'interim')).code).toBe('step.not-yours');
    const afterManager = ok(inInterim(), approve(manager, 'interim', '確認しました'));
    expect(report(afterManager, 'interim').submission?.steps[0].approval).toEqual({ by: { id: manager.id, name: manager.name }, at: NOW, comment: '確認しました' });
    expect(report(afterManager, 'interim').status).toBe(ApprovalStatus.InApproval);
  });

  it.each([
    ['direction-budget', 'direction-system'],
    ['direction-system', 'direction-budget'],
  ])('needs both direction reports approved (%s first, then %s)', (first, second) => {
    const oneDone = finished(inDirection(), first);
    expect(oneDone.stage).toBe(ClusterStage.DirectionReport);
    expect(report(oneDone, first).status).toBe(ApprovalStatus.Approved);
    expect(finished(oneDone, second).stage).toBe(ClusterStage.FinalReport);
  });

  it('advances on whichever direction report is approved last when both are in approval together', () => {
    let state = submitted(submitted(inDirection(), 'direction-budget'), 'direction-system');
    state = apply(state, approve(manager, 'direction-system'), approve(manager, 'direction-budget'), approve(director, 'direction-budget'));
    state = apply(state, approve(director, 'direction-system'), approve(reform, 'direction-system'));
    expect(state.stage).toBe(ClusterStage.DirectionReport);
    expect(ok(state, approve(reform, 'direction-budget')).stage).toBe(ClusterStage.FinalReport);
  });

  it('follows the chain and reports of the year’s own settings', () => {
    const settings: LifecycleSettings = {
      reportKinds: [
        { slug: 'interim', label: '経過報告', stage: ClusterStage.InterimReport },
        { slug: 'direction', label: '改革の方向性の報告', stage: ClusterStage.DirectionReport },
        { slug: 'final', label: '最終報告', stage: ClusterStage.FinalReport },
      ],
      approvalChain: [DEFAULT_APPROVAL_CHAIN[0], DEFAULT_APPROVAL_CHAIN[2]],
    };
    let state = openCase(settings);
    for (const kind of ['interim', 'direction', 'final']) state = approvedAlong(submitted(state, kind), kind, [manager, reform]);
    expect(state.stage).toBe(ClusterStage.Completed);
  });
});

describe('drafting and submitting', () => {
  it('numbers every save as a new version and remembers who wrote it, not the words', () => {
    const state = apply(openCase(), save(staff, 'interim', '初稿'), save(staff2, 'interim', '', '第二稿'));
    expect(report(state, 'interim').latestVersion).toEqual({ version: 2, title: '第二稿', empty: true, savedBy: { id: staff2.id, name: staff2.name }, savedAt: NOW });
    const decision = run(state, save(staff, 'interim', '第三稿'), '2024-07-02T00:00:00.000Z');
    if (!decision.accepted) throw new Error(decision.refusal.message);
    expect(report(decision.state, 'interim').latestVersion).toEqual({
      version: 3,
      title: 'interim 報告書',
      empty: false,
      savedBy: { id: staff.id, name: staff.name },
      savedAt: '2024-07-02T00:00:00.000Z',
    });
    expect(report(decision.state, 'interim').authorIds).toEqual([staff.id, staff2.id]);
    expect(report(decision.state, 'interim').status).toBe(ApprovalStatus.Draft);
    expect(decision.change.details).toMatchObject({ version: 3 });
  });

  it('saves on top of the version the edit started from, and refuses a save based on an older one', () => {
    const once = apply(openCase(), save(staff, 'interim', '初稿', '経過報告', 0));
    expect(report(once, 'interim').latestVersion?.version).toBe(1);
    expect(report(apply(once, save(staff2, 'interim', '第二稿', '経過報告', 1)), 'interim').latestVersion?.version).toBe(2);
    // The same save sent again (a retry after a lost answer) is based on version 0 and must not add version 2.
    expect(refused(once, save(staff, 'interim', '初稿', '経過報告', 0))).toMatchObject({
      code: 'report.version-stale',
      message: expect.stringContaining('第1版'),
    });
  });

  it('refuses a draft without a title', () => {
    expect(refused(openCase(), save(staff, 'interim', '本文', '  '))).toMatchObject({ code: 'request.invalid', message: expect.stringContaining('件名') });
  });

  it.each([
    ['staff of another bureau', portStaff],
    ['the owning bureau’s manager', manager],
    ['the owning bureau’s director', director],
    ['the reform office', reform],
    ['an admin', admin],
  ])('lets only staff of the owning bureau draft, not %s', (_who, actor) => {
    const refusal = refused(openCase(), save(actor, 'interim'));
    expect(refusal.code).toBe('report.not-drafter');
    expect(refusal.message).toContain(ENV.name);
  });

  it.each([
    ['staff of another bureau', portStaff],
    ['the owning bureau’s manager', manager],
  ])('lets only staff of the owning bureau submit, not %s', (_who, actor) => {
    const drafted = ok(openCase(), save(staff, 'interim'));
    expect(refused(drafted, submit(actor, 'interim')).code).toBe('report.not-drafter');
  });

  it('lets another staff member of the owning bureau submit a colleague’s draft', () => {
    const state = apply(openCase(), save(staff, 'interim'), submit(staff2, 'interim'));
    expect(report(state, 'interim').submission?.submittedBy.id).toBe(staff2.id);
  });

  it('refuses to submit before any draft is saved', () => {
    const refusal = refused(openCase(), submit(staff, 'interim'));
    expect(refusal.code).toBe('report.no-draft');
    expect(refusal.message).toContain('下書き');
  });

  it('refuses to submit when the latest draft is empty, even if an earlier one was not', () => {
    const state = apply(openCase(), save(staff, 'interim', '本文'), save(staff, 'interim', '   '));
    const refusal = refused(state, submit(staff, 'interim'));
    expect(refusal.code).toBe('report.empty-draft');
    expect(refusal.message).toContain('第2版');
  });

  it('submits the latest saved version', () => {
    const state = apply(openCase(), save(staff, 'interim', '初稿'), save(staff, 'interim', '改稿'), submit(staff, 'interim'));
    expect(report(state, 'interim').submission?.version).toBe(2);
    expect(report(state, 'interim').status).toBe(ApprovalStatus.InApproval);
  });

  it('refuses to save or submit again while the report is in approval', () => {
    expect(refused(inInterim(), save(staff, 'interim')).code).toBe('report.in-approval');
    expect(refused(inInterim(), submit(staff, 'interim')).code).toBe('report.in-approval');
  });

  it('refuses to change an approved report', () => {
    const state = finished(inDirection(), 'direction-budget');
    expect(refused(state, save(staff, 'direction-budget')).code).toBe('report.approved');
    expect(refused(state, submit(staff, 'direction-budget')).code).toBe('report.approved');
    expect(refused(state, approve(manager, 'direction-budget')).code).toBe('report.not-in-approval');
  });

  it('refuses decisions on a report nobody has submitted', () => {
    const drafted = ok(openCase(), save(staff, 'interim'));
    expect(refused(drafted, approve(manager, 'interim')).code).toBe('report.not-in-approval');
    expect(refused(drafted, sendBack(manager, 'interim', '要修正')).code).toBe('report.not-in-approval');
    expect(refused(drafted, delegateTo(manager, 'interim', manager2)).code).toBe('report.not-in-approval');
  });
});

describe('return and resubmission (差戻し)', () => {
  const returnedByDirector = () =>
    apply(inInterim(), approve(manager, 'interim'), sendBack(director, 'interim', '数値の根拠を追記してください'));

  it('makes the report a draft again with the comment, keeping its versions', () => {
    const decision = run(ok(inInterim(), approve(manager, 'interim')), sendBack(director, 'interim', '数値の根拠を追記してください'));
    if (!decision.accepted) throw new Error(decision.refusal.message);
    const returned = report(decision.state, 'interim');
    expect(returned.status).toBe(ApprovalStatus.Returned);
    expect(returned.submission).toBeNull();
    expect(returned.latestVersion?.version).toBe(1);
    expect(returned.lastReturn).toEqual({ by: { id: director.id, name: director.name }, at: NOW, comment: '数値の根拠を追記してください', stepLabel: '所管局長' });
    expect(decision.change).toMatchObject({ action: ClusterAction.Return, comment: '数値の根拠を追記してください' });
    expect(decision.state.stage).toBe(ClusterStage.InterimReport);
  });

  it('restarts the chain from step 1 on resubmission and keeps the comment and all versions', () => {
    const revised = apply(returnedByDirector(), save(staff, 'interim', '根拠を追記'));
    expect(report(revised, 'interim').status).toBe(ApprovalStatus.Returned);
    expect(report(revised, 'interim').lastReturn?.comment).toBe('数値の根拠を追記してください');

    const resubmitted = ok(revised, submit(staff, 'interim'));
    const again = report(resubmitted, 'interim');
    expect(again.status).toBe(ApprovalStatus.InApproval);
    expect(again.latestVersion?.version).toBe(2);
    expect(again.submission).toMatchObject({ version: 2, currentStep: 0 });
    expect(again.submission?.steps.every((step) => step.approval === null)).toBe(true);
    expect(again.lastReturn?.comment).toBe('数値の根拠を追記してください');

    // The manager's approval of the first submission does not carry over.
    expect(refused(resubmitted, approve(director, 'interim')).code).toBe('step.not-yours');
    const done = approvedAlong(resubmitted, 'interim');
    expect(done.stage).toBe(ClusterStage.DirectionReport);
  });

  it.each(['', '   '])('refuses a return without a comment (%j) as invalid', (comment) => {
    const refusal = refused(inInterim(), sendBack(manager, 'interim', comment));
    expect(refusal.code).toBe('comment.required');
    expect(refusal.message).toContain('コメント');
  });

  it('lets the reform office return at the last step', () => {
    const state = apply(inInterim(), approve(manager, 'interim'), approve(director, 'interim'), sendBack(reform, 'interim', '様式を確認'));
    expect(report(state, 'interim').lastReturn?.stepLabel).toBe('市政変革室');
    expect(state.stage).toBe(ClusterStage.InterimReport);
  });

  it('refuses a return by someone who does not hold the pending step', () => {
    expect(refused(inInterim(), sendBack(portManager, 'interim', '要修正')).code).toBe('step.not-yours');
    expect(refused(inInterim(), sendBack(staff2, 'interim', '要修正')).code).toBe('step.not-yours');
  });
});

describe('recall (引戻し)', () => {
  it('lets the submitter take the report back to draft before the first decision', () => {
    const decision = run(inInterim(), recall(staff, 'interim'));
    if (!decision.accepted) throw new Error(decision.refusal.message);
    const recalled = report(decision.state, 'interim');
    expect(recalled.status).toBe(ApprovalStatus.Draft);
    expect(recalled.submission).toBeNull();
    expect(recalled.latestVersion?.version).toBe(1);
    expect(decision.change.action).toBe(ClusterAction.Recall);
    const resubmitted = apply(decision.state, save(staff, 'interim', '修正版'), submit(staff, 'interim'));
    expect(report(resubmitted, 'interim').submission?.version).toBe(2);
  });

  it('still allows recall when the first step was only delegated, not decided', () => {
    const state = ok(inInterim(), delegateTo(manager, 'interim', manager2));
    expect(report(ok(state, recall(staff, 'interim')), 'interim').status).toBe(ApprovalStatus.Draft);
  });

  it('refuses recall once the first approver has decided, naming who approved', () => {
    const refusal = refused(ok(inInterim(), approve(manager, 'interim')), recall(staff, 'interim'));
    expect(refusal.code).toBe('report.already-decided');
    expect(refusal.message).toContain(manager.name);
  });

  it.each([
    ['another staff member', staff2],
    ['the manager', manager],
  ])('refuses recall by %s, who did not submit', (_who, actor) => {
    const refusal = refused(inInterim(), recall(actor, 'interim'));
    expect(refusal.code).toBe('report.not-submitter');
    expect(refusal.message).toContain(staff.name);
  });

  it('refuses recall of a report that is not in approval', () => {
    expect(refused(ok(openCase(), save(staff, 'interim')), recall(staff, 'interim')).code).toBe('report.not-in-approval');
  });
});

describe('delegation (代理)', () => {
  it('hands the pending step to another holder of the same role in the same bureau, who alone decides it', () => {
    const decision = run(inInterim(), delegateTo(manager, 'interim', manager2));
    if (!decision.accepted) throw new Error(decision.refusal.message);
    const step = report(decision.state, 'interim').submission?.steps[0];
    expect(step?.delegatedTo).toEqual({ id: manager2.id, name: manager2.name });
    expect(step?.delegatedBy).toEqual({ id: manager.id, name: manager.name });
    expect(decision.change).toMatchObject({ action: ClusterAction.Delegate, reportKind: 'interim' });

    for (const original of [manager, manager3]) {
      const refusal = refused(decision.state, approve(original, 'interim'));
      expect(refusal.code).toBe('step.not-yours');
      expect(refusal.message).toContain(manager2.name);
      expect(refused(decision.state, sendBack(original, 'interim', '要修正')).code).toBe('step.not-yours');
    }
    const approved = ok(decision.state, approve(manager2, 'interim'));
    expect(report(approved, 'interim').submission?.steps[0].approval?.by.id).toBe(manager2.id);
    expect(report(approved, 'interim').submission?.currentStep).toBe(1);
  });

  it('lets the delegate return the report', () => {
    const state = apply(inInterim(), delegateTo(manager, 'interim', manager2), sendBack(manager2, 'interim', '修正を'));
    expect(report(state, 'interim').lastReturn?.by.id).toBe(manager2.id);
  });

  it('lets a reform-office step go to any other member of the reform office', () => {
    const state = apply(inInterim(), approve(manager, 'interim'), approve(director, 'interim'), delegateTo(reform, 'interim', reform2));
    expect(refused(state, approve(reform, 'interim')).code).toBe('step.not-yours');
    expect(ok(state, approve(reform2, 'interim')).stage).toBe(ClusterStage.DirectionReport);
  });

  it.each([
    ['a director (another role)', director],
    ['a manager of another bureau', portManager],
    ['a staff member', staff2],
    ['the reform office', reform],
  ])('refuses to delegate a manager step to %s', (_who, to) => {
    const refusal = refused(inInterim(), delegateTo(manager, 'interim', to));
    expect(refusal.code).toBe('delegate.invalid');
    expect(refusal.message).toContain(to.name);
  });

  it('refuses to delegate to oneself', () => {
    expect(refused(inInterim(), delegateTo(manager, 'interim', manager)).code).toBe('delegate.invalid');
  });

  it('refuses to delegate to someone who drafted the report', () => {
    const state = apply(openCase(), save(staffManager, 'interim'), save(staff, 'interim'), submit(staff, 'interim'));
    const refusal = refused(state, delegateTo(manager, 'interim', staffManager));
    expect(refusal.code).toBe('delegate.invalid');
    expect(refusal.message).toContain(staffManager.name);
  });

  it('lets only the current decider delegate', () => {
    expect(refused(inInterim(), delegateTo(director, 'interim', director2)).code).toBe('step.not-yours');
    expect(refused(inInterim(), delegateTo(staff2, 'interim', manager2)).code).toBe('step.not-yours');
    const delegated = ok(inInterim(), delegateTo(manager, 'interim', manager2));
    expect(refused(delegated, delegateTo(manager, 'interim', manager3)).code).toBe('step.not-yours');
  });
});

describe('self-approval', () => {
  it('refuses the submitter even when they also hold the approver role', () => {
    const state = submitted(openCase(), 'interim', staffManager);
    const refusal = refused(state, approve(staffManager, 'interim'));
    expect(refusal.code).toBe('report.own-report');
    expect(refusal.message).toContain('自分');
    expect(refused(state, sendBack(staffManager, 'interim', '差戻し')).code).toBe('report.own-report');
    expect(ok(state, approve(manager, 'interim')).stage).toBe(ClusterStage.InterimReport);
  });

  it('refuses someone who only drafted an earlier version', () => {
    const state = apply(openCase(), save(staffManager, 'interim'), save(staff, 'interim'), submit(staff, 'interim'));
    expect(refused(state, approve(staffManager, 'interim')).code).toBe('report.own-report');
  });

  it('refuses an author at a later step too', () => {
    const state = ok(submitted(openCase(), 'interim', staffDirector), approve(manager, 'interim'));
    expect(refused(state, approve(staffDirector, 'interim')).code).toBe('report.own-report');
  });
});

describe('two holders of a step racing', () => {
  it('answers the loser of a manager race with a conflict naming who decided and what is pending', () => {
    const state = ok(inInterim(), approve(manager, 'interim'));
    for (const command of [approve(manager2, 'interim'), sendBack(manager2, 'interim', '要修正'), delegateTo(manager2, 'interim', manager3)]) {
      const refusal = refused(state, command);
      expect(refusal.code).toBe('step.already-decided');
      expect(refusal.message).toContain(manager.name);
      expect(refusal.message).toContain('所管局長');
    }
  });

  it('answers the losing director with a conflict too', () => {
    const state = apply(inInterim(), approve(manager, 'interim'), approve(director, 'interim'));
    expect(refused(state, approve(director2, 'interim')).code).toBe('step.already-decided');
  });

  it('answers the loser of the last step with a conflict once the report is approved', () => {
    const state = apply(inInterim(), approve(manager, 'interim'), approve(director, 'interim'), approve(reform, 'interim'));
    expect(refused(state, approve(reform2, 'interim')).code).toBe('report.stage-not-open');
  });

  it('answers the loser with a conflict when the winner returned the report', () => {
    const state = ok(inInterim(), sendBack(manager, 'interim', '要修正'));
    expect(refused(state, approve(manager2, 'interim')).code).toBe('report.not-in-approval');
  });

  it('still answers forbidden to people who never held any step', () => {
    const state = ok(inInterim(), approve(manager, 'interim'));
    expect(refused(state, approve(portManager, 'interim')).code).toBe('step.not-yours');
    expect(refused(state, approve(portDirector, 'interim')).code).toBe('step.not-yours');
    expect(refused(state, approve(staff2, 'interim')).code).toBe('step.not-yours');
  });
});

describe('wrong stage', () => {
  it.each([
    ['final', openCase, '経営分析着手', ClusterStage.Kickoff],
    ['direction-budget', openCase, '経営分析着手', ClusterStage.Kickoff],
    ['direction-system', inInterim, '経過報告', ClusterStage.InterimReport],
    ['interim', inDirection, '改革の方向性の報告', ClusterStage.DirectionReport],
    ['final', inDirection, '改革の方向性の報告', ClusterStage.DirectionReport],
    ['direction-budget', inFinal, '最終報告', ClusterStage.FinalReport],
  ])('refuses work on %s while the cluster is elsewhere, naming the current stage', (kind, at, label, stage) => {
    const refusal = refused(at(), save(staff, kind));
    expect(refusal.code).toBe('report.stage-not-open');
    expect(refusal.message).toContain(`現在の段階は「${label}」`);
    expect(refusal.message).toContain(stage);
  });

  it('refuses decisions on a report of another stage', () => {
    expect(refused(inInterim(), approve(manager, 'final')).code).toBe('report.stage-not-open');
    expect(refused(inInterim(), recall(staff, 'final')).code).toBe('report.stage-not-open');
  });
});

describe('unknown report kind', () => {
  it.each([save(staff, 'budget'), submit(staff, 'budget'), approve(manager, 'budget')])('is not found (%#), with the kinds of the year listed', (command) => {
    const refusal = refused(inInterim(), command);
    expect(refusal.code).toBe('report-kind.unknown');
    expect(refusal.message).toContain('budget');
    expect(refusal.message).toContain('direction-system');
  });
});

describe('withdrawal (取下げ)', () => {
  it.each([
    ['kickoff', openCase],
    ['a report in approval', inInterim],
    ['the final stage', inFinal],
  ])('lets the reform office withdraw at %s with a reason', (_when, at) => {
    const before = at();
    const decision = run(before, withdraw(reform, '対象外とする'));
    if (!decision.accepted) throw new Error(decision.refusal.message);
    expect(decision.state.stage).toBe(ClusterStage.Withdrawn);
    expect(decision.state.withdrawal).toEqual({ by: { id: reform.id, name: reform.name }, at: NOW, reason: '対象外とする' });
    expect(decision.change).toMatchObject({ action: ClusterAction.Withdraw, fromStage: before.stage, toStage: ClusterStage.Withdrawn, comment: '対象外とする' });
  });

  it.each([
    ['staff', staff],
    ['a manager', manager],
    ['a director', director],
    ['an admin', admin],
  ])('refuses withdrawal by %s', (_who, actor) => {
    expect(refused(inInterim(), withdraw(actor, '理由')).code).toBe('reform-office.only');
  });

  it.each(['', '  '])('requires a reason (%j)', (reason) => {
    expect(refused(inInterim(), withdraw(reform, reason)).code).toBe('comment.required');
  });

  const everything: ClusterCommand[] = [
    save(staff, 'interim'),
    submit(staff, 'interim'),
    approve(manager, 'interim'),
    sendBack(manager, 'interim', '要修正'),
    delegateTo(manager, 'interim', manager2),
    recall(staff, 'interim'),
    withdraw(reform, 'もう一度'),
    moveTo(reform, PORT),
  ];

  it.each(everything.map((command) => [command.type, command]))('makes a withdrawn case refuse %s', (_type, command) => {
    const withdrawn = ok(inInterim(), withdraw(reform, '対象外とする'));
    const refusal = refused(withdrawn, command);
    expect(refusal.code).toBe('cluster.closed');
    expect(refusal.message).toContain('対象外（取下げ）');
  });

  it.each(everything.map((command) => [command.type, { ...command, kind: 'final' } as ClusterCommand]))('makes a completed case refuse %s', (_type, command) => {
    const refusal = refused(completed(), command);
    expect(refusal.code).toBe('cluster.closed');
    expect(refusal.message).toContain('完了');
  });
});

describe('change of owning bureau', () => {
  it('re-binds the undecided bureau steps to the new bureau and drops their delegation', () => {
    const state = apply(inInterim(), approve(manager, 'interim'), delegateTo(director, 'interim', director2));
    const decision = run(state, moveTo(reform, PORT));
    if (!decision.accepted) throw new Error(decision.refusal.message);
    expect(decision.state.owningBureau).toEqual(PORT);
    expect(decision.change).toMatchObject({ action: ClusterAction.ChangeOwningBureau, details: { from: ENV, to: PORT } });
    const steps = report(decision.state, 'interim').submission?.steps ?? [];
    expect(steps.map((step) => [step.bureauCode, step.approval?.by.id ?? null, step.delegatedTo])).toEqual([
      [ENV.code, manager.id, null],
      [PORT.code, null, null],
      [null, null, null],
    ]);
    expect(refused(decision.state, approve(director2, 'interim')).code).toBe('step.not-yours');
    expect(refused(decision.state, approve(director, 'interim')).code).toBe('step.not-yours');
    expect(approvedAlong(decision.state, 'interim', [portDirector, reform]).stage).toBe(ClusterStage.DirectionReport);
  });

  it('re-binds a pending first step, so the new bureau’s manager decides', () => {
    const moved = ok(inInterim(), moveTo(reform, PORT));
    expect(refused(moved, approve(manager, 'interim')).code).toBe('step.not-yours');
    expect(report(ok(moved, approve(portManager, 'interim')), 'interim').submission?.currentStep).toBe(1);
  });

  it('moves drafting to the new bureau’s staff', () => {
    const moved = ok(inDirection(), moveTo(reform, PORT));
    const refusal = refused(moved, save(staff, 'direction-budget'));
    expect(refusal.code).toBe('report.not-drafter');
    expect(refusal.message).toContain(PORT.name);
    expect(report(ok(moved, save(portStaff, 'direction-budget')), 'direction-budget').latestVersion?.version).toBe(1);
  });

  it('leaves approved reports and the stage alone', () => {
    const moved = ok(inDirection(), moveTo(reform, PORT));
    expect(moved.stage).toBe(ClusterStage.DirectionReport);
    expect(report(moved, 'interim')).toEqual(report(inDirection(), 'interim'));
  });

  it('refuses a change to the bureau that already owns the cluster', () => {
    expect(refused(inInterim(), moveTo(reform, ENV)).code).toBe('cluster.owning-bureau-unchanged');
  });

  it.each([
    ['staff of the new bureau', portStaff],
    ['the owning bureau’s director', director],
  ])('is for the reform office only, not %s', (_who, actor) => {
    expect(refused(inInterim(), moveTo(actor, PORT)).code).toBe('reform-office.only');
  });
});

describe('decide', () => {
  it('never mutates the case it is given, whatever it decides', () => {
    const cases: [ClusterCase, ClusterCommand][] = [
      [openCase(), save(staff, 'interim')],
      [ok(openCase(), save(staff, 'interim')), submit(staff, 'interim')],
      [inInterim(), approve(manager, 'interim')],
      [apply(inInterim(), approve(manager, 'interim'), approve(director, 'interim')), approve(reform, 'interim')],
      [inInterim(), sendBack(manager, 'interim', '要修正')],
      [inInterim(), delegateTo(manager, 'interim', manager2)],
      [inInterim(), recall(staff, 'interim')],
      [inInterim(), withdraw(reform, '理由')],
      [inInterim(), moveTo(reform, PORT)],
      [inInterim(), approve(staff, 'interim')],
    ];
    for (const [state, command] of cases) {
      const frozen = deepFreeze(structuredClone(state));
      const snapshot = JSON.stringify(frozen);
      expect(() => decide(frozen, command, NOW)).not.toThrow();
      expect(JSON.stringify(frozen)).toBe(snapshot);
    }
  });
});

describe('text limits, the same as the API applies', () => {
  it('accepts a title and a comment exactly at their limits', () => {
    const saved = ok(openCase(), save(staff, 'interim', '本文', '題'.repeat(REPORT_TITLE_MAX_LENGTH)));
    expect(ok(apply(saved, submit(staff, 'interim')), sendBack(manager, 'interim', '理'.repeat(COMMENT_MAX_LENGTH))).stage).toBe(ClusterStage.InterimReport);
  });

  it.each<[string, () => ClusterCase, ClusterCommand, string]>([
    ['a title', openCase, save(staff, 'interim', '本文', '題'.repeat(REPORT_TITLE_MAX_LENGTH + 1)), 'title'],
    ['a body', openCase, save(staff, 'interim', '文'.repeat(REPORT_BODY_MAX_LENGTH + 1)), 'body'],
    ['a return comment', inInterim, sendBack(manager, 'interim', '理'.repeat(COMMENT_MAX_LENGTH + 1)), 'comment'],
    ['an approval comment', inInterim, approve(manager, 'interim', '理'.repeat(COMMENT_MAX_LENGTH + 1)), 'comment'],
    ['a withdrawal reason', openCase, withdraw(reform, '理'.repeat(COMMENT_MAX_LENGTH + 1)), 'reason'],
  ])('refuses %s over its limit, naming the field', (_what, state, command, field) => {
    expect(refused(state(), command)).toMatchObject({ code: 'request.invalid', fields: [{ field }] });
  });

  it('counts full-width spaces and line breaks as blank', () => {
    expect(refused(openCase(), save(staff, 'interim', '本文', '　\n')).code).toBe('request.invalid');
    expect(refused(inInterim(), sendBack(manager, 'interim', ' 　\t')).code).toBe('comment.required');
  });
});

describe('separation of duties: nobody decides two steps of one submission', () => {
  /** Holds the manager and the director post of the owning bureau at once (兼務). */
  const managerDirector = person('u-md', '兼務 木村', [Role.Manager, Role.Director], ENV);
  const directorOffice = person('u-dr', '兼務 林', [Role.Director, Role.ReformOffice], ENV);

  it('refuses the director step to whoever approved the manager step, holding both roles', () => {
    const state = ok(inInterim(), approve(managerDirector, 'interim'));
    for (const command of [approve(managerDirector, 'interim'), sendBack(managerDirector, 'interim', '要修正'), delegateTo(managerDirector, 'interim', director2)]) {
      const refusal = refused(state, command);
      expect(refusal.code).toBe('step.separation-of-duties');
      expect(refusal.message).toContain('所管課長');
      expect(refusal.message).toContain('所管局長');
    }
    expect(report(ok(state, approve(director, 'interim')), 'interim').submission?.currentStep).toBe(2);
  });

  it('refuses the programme step to whoever approved a bureau step', () => {
    const state = apply(inInterim(), approve(manager, 'interim'), approve(directorOffice, 'interim'));
    expect(refused(state, approve(directorOffice, 'interim')).code).toBe('step.separation-of-duties');
    expect(ok(state, approve(reform, 'interim')).stage).toBe(ClusterStage.DirectionReport);
  });

  it('refuses to delegate a step to someone who decided an earlier step of the submission', () => {
    const state = ok(inInterim(), approve(managerDirector, 'interim'));
    const refusal = refused(state, delegateTo(director, 'interim', managerDirector));
    expect(refusal.code).toBe('delegate.invalid');
    expect(refusal.message).toContain(managerDirector.name);
    expect(refusal.message).toContain('所管課長');
  });

  it('refuses a delegate of the first step the second, however it reached them', () => {
    const state = apply(inInterim(), delegateTo(manager, 'interim', managerDirector), approve(managerDirector, 'interim'));
    expect(refused(state, approve(managerDirector, 'interim')).code).toBe('step.separation-of-duties');
    expect(refused(state, delegateTo(director, 'interim', managerDirector)).code).toBe('delegate.invalid');
  });

  it('compares by user id, and a new submission starts afresh', () => {
    const renamed = { ...managerDirector, name: '改姓 木村' };
    const state = ok(inInterim(), approve(managerDirector, 'interim'));
    expect(refused(state, approve(renamed, 'interim')).code).toBe('step.separation-of-duties');
    const resubmitted = apply(state, sendBack(director, 'interim', '要修正'), save(staff, 'interim', '改稿'), submit(staff, 'interim'));
    expect(report(ok(resubmitted, approve(manager, 'interim')), 'interim').submission?.currentStep).toBe(1);
  });

  it('leaves the earlier decider out of who owes the step', () => {
    const state = ok(inInterim(), approve(managerDirector, 'interim'));
    const [owed] = owedActions(state);
    expect(owed).toMatchObject({ action: 'decide', role: Role.Director });
    expect(owed.excludedUserIds).toContain(managerDirector.id);
  });
});

describe('a delegate who no longer holds the step', () => {
  const delegated = () => ok(inInterim(), delegateTo(manager, 'interim', manager2));
  const standing = (user: Participant, changes: Partial<DelegateStanding> = {}): DelegateStanding => ({ ...user, active: true, ...changes });
  const release = (delegate: DelegateStanding, actor: Participant = admin): ClusterCommand => ({ type: 'release-delegation', actor, kind: 'interim', delegate });

  it.each([
    ['who lost the role', { roles: [Role.Staff] }],
    ['who moved to another bureau', { bureauCode: PORT.code }],
    ['whose account was deactivated', { active: false }],
  ])('cannot decide it: a delegate %s', (_who, changes) => {
    const lapsed = standing(manager2, changes);
    if (lapsed.active) {
      const refusal = refused(delegated(), approve(lapsed, 'interim'));
      expect(refusal.code).toBe('step.not-yours');
      expect(refusal.message).toContain('代理決裁者ではなくなりました');
    }
    const decision = run(delegated(), release(lapsed));
    if (!decision.accepted) throw new Error(decision.refusal.message);
    expect(report(decision.state, 'interim').submission?.steps[0]).toMatchObject({ delegatedTo: null, delegatedBy: null });
    expect(decision.change).toMatchObject({ action: ClusterAction.ReleaseDelegation, reportKind: 'interim', actor: { id: admin.id } });
    expect(owedActions(decision.state)[0]).toMatchObject({ action: 'decide', role: Role.Manager, bureauCode: ENV.code, assignee: null });
    expect(ok(decision.state, approve(manager, 'interim')).stage).toBe(ClusterStage.InterimReport);
  });

  it('keeps the delegation of a delegate who still holds the role', () => {
    expect(refused(delegated(), release(standing(manager2, { roles: [Role.Manager, Role.Staff] }))).code).toBe('delegation.unchanged');
  });

  it('refuses a release of a step not delegated to that user, and a release asked by anyone but an admin', () => {
    expect(refused(delegated(), release(standing(manager3, { active: false }))).code).toBe('delegation.unchanged');
    expect(refused(inInterim(), release(standing(manager2, { active: false }))).code).toBe('delegation.unchanged');
    expect(refused(delegated(), release(standing(manager2, { active: false }), manager)).code).toBe('access.denied');
  });
});
