import { Role } from '../roles';
import { ApprovalDocument, ApprovalStatus, Participant, UNWRITTEN, excludedDeciders, currentStepOf } from './approval-document';
import { DocumentAct, DocumentDecision, DocumentRules, decideOnDocument } from './approval-rules';

/** The core seen through a document other than a cluster report: a proposal its PT leader decides, then a bureau's chain. */
const person = (id: string, name: string, roles: Role[], bureauCode: string | null): Participant => ({ id, name, roles, bureauCode });
const member = person('m1', '山田', [Role.Staff], 'kankyo');
const member2 = person('m2', '佐藤', [Role.Manager], 'kowan');
const leader = person('lead', '鈴木', [Role.Manager], 'somu');
const outsider = person('x', '田中', [Role.Staff], 'kankyo');
const manager = person('mgr', '高橋課長', [Role.Manager], 'kankyo');
const director = person('dir', '伊藤局長', [Role.Director], 'kankyo');
const directorAndManager = person('dm', '兼務 渡辺', [Role.Manager, Role.Director], 'kankyo');
const NOW = '2024-07-01T00:00:00.000Z';

const PT_MEMBERS = new Set([member.id, member2.id, leader.id]);
const proposalRules: DocumentRules = {
  family: 'document',
  mayDraft: (user) => PT_MEMBERS.has(user.id),
  notDrafterMessage: (verb) => `提案の${verb}はPTのメンバーだけが行えます`,
  chain: [{ scope: 'person', person: { id: leader.id, name: leader.name }, label: 'PTリーダー' }],
  owningBureau: null,
};
const decisionRules: DocumentRules = {
  family: 'document',
  mayDraft: (user) => user.roles.includes(Role.Staff) && user.bureauCode === 'kankyo',
  notDrafterMessage: (verb) => `結論の${verb}は制度所管局（環境局）の担当職員だけが行えます`,
  chain: [
    { role: Role.Manager, scope: 'owning-bureau', label: '所管課長' },
    { role: Role.Director, scope: 'owning-bureau', label: '所管局長' },
  ],
  owningBureau: { code: 'kankyo', name: '環境局' },
};

const blank: ApprovalDocument = { label: '提案', ...UNWRITTEN };

function run(rules: DocumentRules, acts: DocumentAct[], start: ApprovalDocument = blank): DocumentDecision<ApprovalDocument> {
  let document = start;
  let last: DocumentDecision<ApprovalDocument> | null = null;
  for (const act of acts) {
    last = decideOnDocument(document, rules, act, NOW);
    if (!last.accepted) return last;
    document = last.document;
  }
  if (!last) throw new Error('no acts');
  return last;
}

const save = (actor: Participant, body = '本文'): DocumentAct => ({ type: 'save-draft', actor, title: '窓口の押印廃止', text: { length: body.length, empty: body.trim() === '' }, basedOnVersion: null });
const submit = (actor: Participant): DocumentAct => ({ type: 'submit', actor });
const approve = (actor: Participant): DocumentAct => ({ type: 'approve', actor, comment: null });

describe('the 決裁 core on a document decided by one named person', () => {
  it('lets any PT member draft and submit, and only the named leader approve', () => {
    const submitted = run(proposalRules, [save(member), save(member2), submit(member)]);
    expect(submitted.accepted && currentStepOf(submitted.document)).toMatchObject({ scope: 'person', person: { id: leader.id }, role: null, bureauCode: null });

    const byManager = run(proposalRules, [save(member), submit(member), approve(manager)]);
    expect(byManager).toMatchObject({ accepted: false, refusal: { code: 'step.not-yours', message: expect.stringContaining('PTリーダー（鈴木さん）') } });

    const approved = run(proposalRules, [save(member), submit(member), approve(leader)]);
    expect(approved).toMatchObject({ accepted: true, document: { status: ApprovalStatus.Approved, approvedAt: NOW }, details: { approved: true, step: 'PTリーダー' } });
  });

  it('refuses in the document family\'s own codes, naming who may act', () => {
    expect(run(proposalRules, [save(outsider)])).toMatchObject({ accepted: false, refusal: { code: 'document.not-drafter', message: '提案の作成はPTのメンバーだけが行えます' } });
    expect(run(proposalRules, [submit(member)])).toMatchObject({ accepted: false, refusal: { code: 'document.no-draft' } });
    expect(run(proposalRules, [save(member, '  '), submit(member)])).toMatchObject({ accepted: false, refusal: { code: 'document.empty-draft' } });
    expect(run(proposalRules, [save(member), submit(member), save(member)])).toMatchObject({ accepted: false, refusal: { code: 'document.in-approval' } });
  });

  it('does not let the leader approve a proposal they wrote: someone who drafts cannot decide it', () => {
    expect(run(proposalRules, [save(leader), submit(member), approve(leader)])).toMatchObject({ accepted: false, refusal: { code: 'document.own-document' } });
  });

  it('cannot hand a named person\'s step on to anyone', () => {
    const refused = run(proposalRules, [save(member), submit(member), { type: 'delegate', actor: leader, delegate: member2, comment: null }]);
    expect(refused).toMatchObject({ accepted: false, refusal: { code: 'delegate.invalid', message: expect.stringContaining('鈴木さん本人だけ') } });
  });

  it('returns to the drafters with the comment, who may save and submit again', () => {
    const returned = run(proposalRules, [save(member), submit(member), { type: 'return', actor: leader, comment: '効果を数字で' }]);
    expect(returned).toMatchObject({ accepted: true, document: { status: ApprovalStatus.Returned, lastReturn: { comment: '効果を数字で', stepLabel: 'PTリーダー' } } });
    if (!returned.accepted) return;
    const again = run(proposalRules, [save(member2), submit(member2)], returned.document);
    expect(again).toMatchObject({ accepted: true, document: { status: ApprovalStatus.InApproval, submission: { version: 2 } } });
  });
});

describe('the 決裁 core on a bureau chain given as data', () => {
  const asDecision: ApprovalDocument = { ...blank, label: '所管局の結論' };

  it('binds bureau steps to the document\'s owning bureau and walks them in order', () => {
    const done = run(decisionRules, [save(outsider), submit(outsider), approve(manager), approve(director)], asDecision);
    expect(done).toMatchObject({ accepted: true, document: { status: ApprovalStatus.Approved } });
    if (!done.accepted) return;
    expect(done.document.submission?.steps.map((step) => [step.label, step.bureauCode, step.approval?.by.id])).toEqual([
      ['所管課長', 'kankyo', manager.id],
      ['所管局長', 'kankyo', director.id],
    ]);
  });

  it('keeps one person from deciding two steps, and leaves them out of who owes the next one', () => {
    const first = run(decisionRules, [save(outsider), submit(outsider), approve(directorAndManager)], asDecision);
    expect(first.accepted && excludedDeciders(first.document)).toEqual([outsider.id, directorAndManager.id]);
    if (!first.accepted) return;
    expect(decideOnDocument(first.document, decisionRules, approve(directorAndManager), NOW)).toMatchObject({ accepted: false, refusal: { code: 'step.separation-of-duties' } });
  });

  it('lets the submitter pull it back only until the first decision', () => {
    expect(run(decisionRules, [save(outsider), submit(outsider), { type: 'recall', actor: outsider }], asDecision)).toMatchObject({ accepted: true, document: { status: ApprovalStatus.Draft } });
    expect(run(decisionRules, [save(outsider), submit(outsider), approve(manager), { type: 'recall', actor: outsider }], asDecision)).toMatchObject({
      accepted: false,
      refusal: { code: 'document.already-decided' },
    });
  });
});
