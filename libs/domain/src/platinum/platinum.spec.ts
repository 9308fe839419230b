import { Role } from '../roles';
import { ApprovalStatus, Participant } from '../approval/approval-document';
import { ProcessDecision } from '../process/process-event';
import { decidePlatinumProject, nextPlatinumMove, openPlatinumProject, PlatinumPhase, PlatinumProjectCommand, PlatinumProjectState, PtMember } from './platinum-project';
import { DecisionOutcome, openProposal, proposalPhase, ProposalPhase } from './platinum-proposal';
import { decidePlatinumProposal, ProposalCommand, PtStanding } from './platinum-proposal-commands';
import { proposalNoticeContext, proposalOwed } from './platinum-owed';
import { eligibleDecisionDelegates } from './platinum-permissions';

const person = (id: string, name: string, roles: Role[], bureauCode: string | null): Participant => ({ id, name, roles, bureauCode });
const office = person('r', '中村', [Role.ReformOffice], null);
const member = person('m1', '山田', [Role.Staff], 'kankyo');
const member2 = person('m2', '佐藤', [Role.Manager], 'kowan');
const leader = person('lead', '鈴木', [Role.Manager], 'somu');
const outsider = person('x', '加藤', [Role.Staff], 'kodomo');
const somuStaff = person('ss', '総務 職員', [Role.Staff], 'somu');
const somuManager = person('sm', '総務 課長', [Role.Manager], 'somu');
const somuDirector = person('sd', '総務 局長', [Role.Director], 'somu');
const kankyoDirector = person('kd', '環境 局長', [Role.Director], 'kankyo');
const SOMU = { code: 'somu', name: '総務局' };
const KANKYO = { code: 'kankyo', name: '環境局' };
const NOW = '2024-07-10T00:00:00.000Z';
const asMember = (participant: Participant): PtMember => ({ id: participant.id, name: participant.name, bureauCode: participant.bureauCode });

function walk<S, C>(decide: (state: S, command: C, now: string) => ProcessDecision<S>, start: S, commands: C[]): ProcessDecision<S> {
  let state = start;
  let last: ProcessDecision<S> | null = null;
  for (const command of commands) {
    last = decide(state, command, NOW);
    if (!last.accepted) return last;
    state = last.state;
  }
  if (!last) throw new Error('no commands');
  return last;
}
const stateOf = <S>(decision: ProcessDecision<S>): S => {
  if (!decision.accepted) throw new Error(`refused: ${decision.refusal.code} ${decision.refusal.message}`);
  return decision.state;
};

describe('the Platinum project', () => {
  const nominate: PlatinumProjectCommand = { type: 'set-members', actor: office, members: [member, member2, leader].map(asMember), leader: asMember(leader) };

  it('is formed by the reform office once members and a leader are named, and then surfaces issues', () => {
    const project = openPlatinumProject(2024);
    expect(walk(decidePlatinumProject, project, [{ type: 'record-formation', actor: office, date: '2024-06-20' }])).toMatchObject({ accepted: false, refusal: { code: 'platinum.not-formed' } });
    expect(walk(decidePlatinumProject, project, [{ ...nominate, actor: member } as PlatinumProjectCommand])).toMatchObject({ accepted: false, refusal: { code: 'reform-office.only' } });
    expect(walk(decidePlatinumProject, project, [{ ...nominate, leader: asMember(outsider) } as PlatinumProjectCommand])).toMatchObject({ accepted: false, refusal: { code: 'request.invalid' } });
    const formed = stateOf(walk(decidePlatinumProject, project, [nominate, { type: 'record-formation', actor: office, date: '2024-06-20' }]));
    expect(formed).toMatchObject({ phase: PlatinumPhase.Surfacing, formation: { date: '2024-06-20' }, leader: { id: 'lead' } });
    expect(walk(decidePlatinumProject, formed, [{ type: 'record-formation', actor: office, date: '2024-06-21' }])).toMatchObject({ accepted: false, refusal: { code: 'platinum.already-formed' } });
  });

  it('moves on as its deadlines pass, and closes at the end of the fiscal year', () => {
    const deadline = (target: string, dueAt: string) => ({ target, dueDate: dueAt.slice(0, 10), dueAt, provisional: false, meeting: null });
    const deadlines = [deadline('proposals', '2024-07-31T08:00:00.000Z'), deadline('decisions', '2024-11-29T08:00:00.000Z')];
    const end = '2025-03-31T15:00:00.000Z';
    const formed: PlatinumProjectState = stateOf(walk(decidePlatinumProject, openPlatinumProject(2024), [nominate, { type: 'record-formation', actor: office, date: '2024-06-20' }]));
    expect(nextPlatinumMove(openPlatinumProject(2024), deadlines, end)).toBeNull();
    expect(nextPlatinumMove(formed, deadlines, end)).toEqual({ at: '2024-07-31T08:00:00.000Z', to: PlatinumPhase.BureauReview });
    const reviewing = stateOf(decidePlatinumProject(formed, { type: 'advance', to: PlatinumPhase.BureauReview, at: '2024-07-31T08:00:00.000Z' }, NOW));
    expect(nextPlatinumMove(reviewing, deadlines, end)).toEqual({ at: '2024-11-29T08:00:00.000Z', to: PlatinumPhase.ResponsePolicy });
    expect(nextPlatinumMove({ ...reviewing, phase: PlatinumPhase.ResponsePolicy }, deadlines, end)).toEqual({ at: end, to: PlatinumPhase.Closed });
  });
});

describe('a Platinum proposal', () => {
  const standing: PtStanding = { member: true, leader: { id: leader.id, name: leader.name } };
  const save = (actor: Participant, standingOf: PtStanding = standing): ProposalCommand => ({
    type: 'save-proposal',
    actor,
    standing: standingOf,
    title: '押印の廃止',
    content: { hash: 'p', length: 100, empty: false, relatedClusterNos: [27] },
    basedOnVersion: null,
  });
  const submitted: ProposalCommand[] = [save(member), { type: 'submit-proposal', actor: member, standing }, { type: 'approve-proposal', actor: leader, comment: null }];
  const assigned: ProposalCommand[] = [...submitted, { type: 'assign', actor: office, owningBureau: SOMU, concernedBureaus: [SOMU, KANKYO] }];
  const decided: ProposalCommand[] = [
    ...assigned,
    { type: 'save-decision', actor: somuStaff, content: { hash: 'd', length: 50, empty: false, outcome: DecisionOutcome.AdoptInPart }, basedOnVersion: null },
    { type: 'submit-decision', actor: somuStaff },
    { type: 'approve-decision', actor: somuManager, comment: null },
    { type: 'approve-decision', actor: somuDirector, comment: null },
  ];
  const policy = (actor: Participant, bureau = SOMU): ProposalCommand => ({ type: 'state-policy', actor, bureau, text: { hash: `pol-${bureau.code}`, length: 10, empty: false } });
  const run = (commands: ProposalCommand[], start = openProposal(2024, 1, { id: member.id, name: member.name })) => walk(decidePlatinumProposal, start, commands);

  it('is drafted by PT members only and goes to the PT leader, who alone approves it', () => {
    expect(run([save(outsider, { member: false, leader: standing.leader })])).toMatchObject({ accepted: false, refusal: { code: 'document.not-drafter' } });
    expect(run([save(member), { type: 'submit-proposal', actor: member, standing }, { type: 'approve-proposal', actor: office, comment: null }])).toMatchObject({
      accepted: false,
      refusal: { code: 'step.not-yours' },
    });
    const state = stateOf(run(submitted));
    expect(proposalPhase(state)).toBe(ProposalPhase.Submitted);
    expect(state.proposal.submission?.steps).toEqual([expect.objectContaining({ scope: 'person', person: { id: 'lead', name: '鈴木' }, label: 'PTリーダー' })]);
  });

  it('is assigned by the reform office only once submitted, and not changed once the owning bureau is deciding', () => {
    expect(run([save(member), { type: 'assign', actor: office, owningBureau: SOMU, concernedBureaus: [SOMU] }])).toMatchObject({ accepted: false, refusal: { code: 'proposal.not-submitted' } });
    expect(proposalPhase(stateOf(run(assigned)))).toBe(ProposalPhase.BureauReview);
    const drafting = [...assigned, { type: 'save-decision', actor: somuStaff, content: { hash: 'd', length: 5, empty: false, outcome: DecisionOutcome.Adopt }, basedOnVersion: null } as ProposalCommand];
    expect(run([...drafting, { type: 'assign', actor: office, owningBureau: KANKYO, concernedBureaus: [KANKYO] }])).toMatchObject({ accepted: false, refusal: { code: 'proposal.decision-started' } });
  });

  it('is decided by the owning bureau along its chain, drafted by its staff', () => {
    expect(run([...assigned, { type: 'save-decision', actor: member, content: { hash: 'd', length: 5, empty: false, outcome: DecisionOutcome.Adopt }, basedOnVersion: null }])).toMatchObject({
      accepted: false,
      refusal: { code: 'document.not-drafter', message: expect.stringContaining('総務局') },
    });
    const state = stateOf(run(decided));
    expect(proposalPhase(state)).toBe(ProposalPhase.ResponsePolicy);
    expect(state.decision).toMatchObject({ status: ApprovalStatus.Approved, content: { outcome: DecisionOutcome.AdoptInPart } });
  });

  it('hands the decision\'s step only to another holder of its role in the owning bureau, and says why not to anyone else', () => {
    const inApproval = stateOf(run(decided.slice(0, -2)));
    const deputy = person('sm2', '総務 副課長', [Role.Manager], 'somu');
    const elsewhere = person('km', '環境 課長', [Role.Manager], 'kankyo');
    expect(eligibleDecisionDelegates(inApproval, somuManager, [somuManager, deputy, elsewhere, somuDirector])).toEqual({ eligible: [deputy] });
    expect(eligibleDecisionDelegates(inApproval, somuDirector, [deputy])).toMatchObject({ refusal: { code: 'step.not-yours' } });
    expect(eligibleDecisionDelegates(stateOf(run(assigned)), somuManager, [deputy])).toMatchObject({ refusal: { code: 'document.not-in-approval' } });
  });

  it('closes once every concerned bureau\'s director has stated its response policy, each their own bureau\'s', () => {
    expect(run([...assigned, policy(somuDirector)])).toMatchObject({ accepted: false, refusal: { code: 'proposal.no-decision' } });
    expect(run([...decided, policy(kankyoDirector, SOMU)])).toMatchObject({ accepted: false, refusal: { code: 'proposal.not-concerned' } });
    const half = stateOf(run([...decided, policy(somuDirector)]));
    expect(proposalPhase(half)).toBe(ProposalPhase.ResponsePolicy);
    expect(proposalOwed(half)).toEqual([expect.objectContaining({ target: 'policies', item: 'policy/kankyo', owners: [{ type: 'role', role: Role.Director, bureauCode: 'kankyo' }] })]);
    const closed = run([...decided, policy(somuDirector), policy(kankyoDirector, KANKYO)]);
    expect(closed).toMatchObject({ accepted: true, change: { action: 'state-policy', details: { closed: true } } });
    expect(proposalPhase(stateOf(closed))).toBe(ProposalPhase.Closed);
    expect(proposalOwed(stateOf(closed))).toEqual([]);
  });

  it('is withdrawn by the reform office with a reason, and then takes nothing more', () => {
    expect(run([...assigned, { type: 'withdraw', actor: member, reason: '重複' }])).toMatchObject({ accepted: false, refusal: { code: 'reform-office.only' } });
    expect(run([...assigned, { type: 'withdraw', actor: office, reason: ' ' }])).toMatchObject({ accepted: false, refusal: { code: 'comment.required' } });
    const withdrawn = stateOf(run([...assigned, { type: 'withdraw', actor: office, reason: '他の提案と重複' }]));
    expect(proposalPhase(withdrawn)).toBe(ProposalPhase.Withdrawn);
    expect(run([policy(somuDirector)], withdrawn)).toMatchObject({ accepted: false, refusal: { code: 'proposal.closed' } });
  });

  it('says who owes what at each phase: drafters, the leader, the reform office, the owning bureau', () => {
    expect(proposalOwed(stateOf(run([save(member)])))).toEqual([expect.objectContaining({ target: 'proposals', owners: [{ type: 'users', userIds: ['m1'] }] })]);
    expect(proposalOwed(stateOf(run(submitted.slice(0, 2))))).toEqual([expect.objectContaining({ target: 'proposals', owners: [{ type: 'users', userIds: ['lead'] }] })]);
    expect(proposalOwed(stateOf(run(submitted)))).toEqual([expect.objectContaining({ target: 'decisions', item: 'assignment', owners: [{ type: 'role', role: Role.ReformOffice, bureauCode: null }] })]);
    expect(proposalOwed(stateOf(run(assigned)))).toEqual([expect.objectContaining({ target: 'decisions', owners: [{ type: 'role', role: Role.Staff, bureauCode: 'somu' }] })]);
  });

  it('is named in tasks and notices by its number, and by its title once one is saved', () => {
    expect(proposalNoticeContext(openProposal(2024, 1, { id: member.id, name: member.name })).name).toBe('プラチナ市役所プロジェクトの提案 No.1');
    expect(proposalNoticeContext(stateOf(run(submitted))).name).toBe('プラチナ市役所プロジェクトの提案 No.1「押印の廃止」');
  });
});
