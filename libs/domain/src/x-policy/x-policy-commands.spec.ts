import { Role } from '../roles';
import { ApprovalStatus, Participant } from '../approval/approval-document';
import { NotificationKind } from '../notifications/notification';
import { processNotices } from '../process/process-notices';
import { ProcessDecision } from '../process/process-event';
import { openXPolicy, planMeasure, XPolicyPhase, xPolicyPhase, XPolicyPlanContent, XPolicyState } from './x-policy';
import { decideXPolicy, XPolicyCommand } from './x-policy-commands';
import { xPolicyNoticeContext, xPolicyOwed } from './x-policy-owed';

const ENV = { code: 'kankyo', name: '環境局' };
const person = (id: string, name: string, roles: Role[], bureauCode: string | null): Participant => ({ id, name, roles, bureauCode });
const staff = person('s', '山田', [Role.Staff], 'kankyo');
const otherStaff = person('o', '加藤', [Role.Staff], 'kowan');
const manager = person('m', '鈴木課長', [Role.Manager], 'kankyo');
const director = person('d', '伊藤局長', [Role.Director], 'kankyo');
const office = person('r', '中村', [Role.ReformOffice], null);
const NOW = '2024-07-10T00:00:00.000Z';

const ITEMS = ['rules', 'digital'];
const answered: XPolicyPlanContent = {
  answers: [
    { itemId: 'rules', answer: '押印を求める手続が12件ある' },
    { itemId: 'digital', answer: '電子申請は3割' },
  ],
  issues: [],
};
const withIssue: XPolicyPlanContent = { ...answered, issues: [{ id: 'i1', title: '押印の廃止', response: '規則を改正する', schedule: '令和6年度中', clusterNos: [27] }] };

const savePlan = (content: XPolicyPlanContent, part: 'self-inspection' | 'issues' = 'issues', actor = staff): XPolicyCommand => ({
  type: 'save-plan',
  actor,
  part,
  content: planMeasure(content, `hash-${JSON.stringify(content).length}`, JSON.stringify(content).length),
  basedOnVersion: null,
});

function walk(commands: XPolicyCommand[], start: XPolicyState = openXPolicy(2024, ENV, ITEMS)): ProcessDecision<XPolicyState> {
  let state = start;
  let last: ProcessDecision<XPolicyState> = { accepted: true, state, change: { action: 'none', actor: { id: null, name: '' }, document: null, comment: null, details: {}, savedText: null } };
  for (const command of commands) {
    last = decideXPolicy(state, command, NOW);
    if (!last.accepted) return last;
    state = last.state;
  }
  return last;
}

const stateOf = (decision: ProcessDecision<XPolicyState>): XPolicyState => {
  if (!decision.accepted) throw new Error(`refused: ${decision.refusal.code} ${decision.refusal.message}`);
  return decision.state;
};

const PUBLISHED: XPolicyCommand[] = [
  savePlan(answered, 'self-inspection'),
  savePlan(withIssue),
  { type: 'submit', actor: staff },
  { type: 'approve', actor: manager, comment: null },
  { type: 'approve', actor: director, comment: null },
  { type: 'approve', actor: office, comment: '公表します' },
];

describe('a bureau\'s X policy', () => {
  it('goes from self-inspection to issues to the chain to publication, the phase following what is done', () => {
    expect(xPolicyPhase(openXPolicy(2024, ENV, ITEMS))).toBe(XPolicyPhase.SelfInspection);
    const inspected = stateOf(walk([savePlan(answered, 'self-inspection')]));
    expect(xPolicyPhase(inspected)).toBe(XPolicyPhase.Issues);
    const submitted = stateOf(walk(PUBLISHED.slice(0, 3)));
    expect(xPolicyPhase(submitted)).toBe(XPolicyPhase.InApproval);
    const published = walk(PUBLISHED);
    expect(published).toMatchObject({ accepted: true, change: { action: 'publish', comment: '公表します' } });
    const state = stateOf(published);
    expect(xPolicyPhase(state)).toBe(XPolicyPhase.Published);
    expect(state.publication).toEqual({ version: 2, textHash: state.plan.content?.hash, publishedAt: NOW, issueIds: ['i1'] });
  });

  it('records each save as a version of the plan, named by the part edited', () => {
    const first = walk([savePlan(answered, 'self-inspection')]);
    expect(first).toMatchObject({ change: { action: 'save-self-inspection', savedText: { document: 'plan', version: 1 } } });
    const second = walk([savePlan(answered, 'self-inspection'), savePlan(withIssue)]);
    expect(second).toMatchObject({ change: { action: 'save-issues', savedText: { document: 'plan', version: 2 } } });
  });

  it('is submitted only once every self-inspection item is answered and at least one issue is listed', () => {
    const half: XPolicyPlanContent = { answers: [answered.answers[0]], issues: withIssue.issues };
    expect(walk([savePlan(half), { type: 'submit', actor: staff }])).toMatchObject({
      accepted: false,
      refusal: { code: 'x-policy.self-inspection-incomplete', message: expect.stringContaining('digital') },
    });
    expect(walk([savePlan(answered), { type: 'submit', actor: staff }])).toMatchObject({ accepted: false, refusal: { code: 'x-policy.no-issues' } });
  });

  it('is written only by the bureau\'s own staff', () => {
    expect(walk([savePlan(answered, 'self-inspection', otherStaff)])).toMatchObject({ accepted: false, refusal: { code: 'document.not-drafter', message: expect.stringContaining('環境局の担当職員') } });
  });

  it('goes back to the bureau with the comment when returned, and phase and owed items say so', () => {
    const returned = stateOf(walk([...PUBLISHED.slice(0, 4), { type: 'return', actor: director, comment: 'スケジュールを具体的に' }]));
    expect(xPolicyPhase(returned)).toBe(XPolicyPhase.Issues);
    expect(returned.plan.lastReturn).toMatchObject({ comment: 'スケジュールを具体的に', stepLabel: '局長' });
    expect(xPolicyOwed(returned)).toEqual([expect.objectContaining({ what: '差戻しを受けた「課題と対応策」の修正・再提出', owners: [{ type: 'role', role: Role.Staff, bureauCode: 'kankyo' }] })]);
  });

  it('publishes a progress update of a published issue once the director approves it', () => {
    const progress = (actor = staff): XPolicyCommand => ({ type: 'post-progress', actor, issueId: 'i1', text: { hash: 'p1', length: 10, empty: false } });
    const posted = walk([...PUBLISHED, progress()]);
    expect(posted).toMatchObject({ accepted: true, change: { action: 'post-progress', document: 'progress/i1/1', savedText: { version: 1, textHash: 'p1' } } });
    expect(walk([...PUBLISHED, progress(), progress()])).toMatchObject({ accepted: false, refusal: { code: 'x-policy.progress-in-approval' } });
    expect(walk([...PUBLISHED, progress(), { type: 'approve-progress', actor: manager, issueId: 'i1', comment: null }])).toMatchObject({
      accepted: false,
      refusal: { code: 'step.not-yours' },
    });

    const approved = stateOf(walk([...PUBLISHED, progress(), { type: 'approve-progress', actor: director, issueId: 'i1', comment: null }]));
    expect(approved.publishedProgress).toEqual([{ issueId: 'i1', seq: 1, version: 1, textHash: 'p1', publishedAt: NOW }]);
    expect(approved.progress).toEqual([]);
    // The next update is the issue's second.
    expect(walk([progress()], approved)).toMatchObject({ change: { document: 'progress/i1/2' } });
  });

  it('takes a returned progress update again as its next version', () => {
    const returned = stateOf(
      walk([...PUBLISHED, { type: 'post-progress', actor: staff, issueId: 'i1', text: { hash: 'p1', length: 10, empty: false } }, { type: 'return-progress', actor: director, issueId: 'i1', comment: '数字を' }]),
    );
    expect(returned.progress[0]).toMatchObject({ status: ApprovalStatus.Returned, lastReturn: { comment: '数字を' } });
    expect(walk([{ type: 'post-progress', actor: staff, issueId: 'i1', text: { hash: 'p2', length: 12, empty: false } }], returned)).toMatchObject({
      change: { document: 'progress/i1/1', savedText: { version: 2, textHash: 'p2' } },
    });
  });

  it('takes no progress before publication, nor on an issue it did not publish', () => {
    const progress = (issueId: string): XPolicyCommand => ({ type: 'post-progress', actor: staff, issueId, text: { hash: 'p', length: 1, empty: false } });
    expect(walk([savePlan(withIssue), progress('i1')])).toMatchObject({ accepted: false, refusal: { code: 'x-policy.not-published' } });
    expect(walk([...PUBLISHED, progress('i9')])).toMatchObject({ accepted: false, refusal: { code: 'x-policy.issue-unknown' } });
  });

  it('takes nothing once the year has ended', () => {
    const closed = stateOf(walk([...PUBLISHED, { type: 'close-year', at: '2025-03-31T15:00:00.000Z' }]));
    expect(xPolicyPhase(closed)).toBe(XPolicyPhase.Closed);
    expect(walk([{ type: 'post-progress', actor: staff, issueId: 'i1', text: { hash: 'p', length: 1, empty: false } }], closed)).toMatchObject({
      accepted: false,
      refusal: { code: 'x-policy.closed' },
    });
    expect(xPolicyOwed(closed)).toEqual([]);
  });

  it('reminds the bureau\'s staff before the plan\'s deadline and the step holder once it is in approval, and escalates to the director and the reform office', () => {
    const deadline = { target: 'plan', dueDate: '2024-08-09', dueAt: '2024-08-09T08:00:00.000Z', provisional: false, meeting: null };
    const fresh = openXPolicy(2024, ENV, ITEMS);
    const notices = processNotices(xPolicyNoticeContext(fresh), xPolicyOwed(fresh), [deadline], ['P3D']);
    expect(notices.map(({ kind, at, owed }) => ({ kind, at, owners: owed.owners }))).toEqual([
      { kind: NotificationKind.Reminder, at: '2024-08-06T08:00:00.000Z', owners: [{ type: 'role', role: Role.Staff, bureauCode: 'kankyo' }] },
      { kind: NotificationKind.Escalation, at: '2024-08-09T08:00:00.000Z', owners: [{ type: 'role', role: Role.Staff, bureauCode: 'kankyo' }] },
    ]);
    expect(notices[1].owed.escalateTo).toEqual([
      { type: 'role', role: Role.Director, bureauCode: 'kankyo' },
      { type: 'role', role: Role.ReformOffice, bureauCode: null },
    ]);
    const atDirector = stateOf(walk(PUBLISHED.slice(0, 4)));
    expect(xPolicyOwed(atDirector)).toEqual([
      expect.objectContaining({ what: '「課題と対応策」の決裁（局長）', owners: [{ type: 'role', role: Role.Director, bureauCode: 'kankyo' }], excludedUserIds: ['s', 'm'] }),
    ]);
    expect(xPolicyOwed(stateOf(walk(PUBLISHED)))).toEqual([]);
  });
});
