import { Role } from '../roles';
import { ClusterCase, openClusterCase } from './cluster-case';
import { Participant } from '../approval/approval-document';
import { ClusterCommand, decide, textRefOf } from './cluster-commands';
import { applyCaseDelta, caseDelta } from './cluster-lifecycle-event';
import { savedTextOf, upgradedCommand } from './draft-text';
import { FY2024_LIFECYCLE_SETTINGS } from '../../../persistence/src/seed/fy2024-lifecycle-settings';

const ENV = { code: 'kankyo', name: '環境局' };
const staff: Participant = { id: 'u-staff', name: '佐藤', roles: [Role.Staff], bureauCode: ENV.code };
const manager: Participant = { id: 'u-mgr', name: '鈴木課長', roles: [Role.Manager], bureauCode: ENV.code };
const office: Participant = { id: 'u-ref', name: '中村', roles: [Role.ReformOffice], bureauCode: null };
const NOW = '2024-07-01T09:00:00.000Z';

const opened = openClusterCase({
  fiscalYear: 2024,
  clusterNo: 27,
  clusterName: 'ごみ処理事業',
  owningBureau: ENV,
  kickoff: { meetingDate: '2024-06-04', attendees: [], notes: null },
  settings: FY2024_LIFECYCLE_SETTINGS,
});

function apply(state: ClusterCase, command: ClusterCommand): ClusterCase {
  const decision = decide(state, command, NOW);
  if (!decision.accepted) throw new Error(decision.refusal.message);
  return decision.state;
}

const save = (body: string): ClusterCommand => ({ type: 'save-draft', actor: staff, kind: 'interim', title: '経過報告', text: textRefOf(body, 'h'), basedOnVersion: null });

describe('events that carry the change, not the case', () => {
  it('rebuilds every case a sequence of decisions leads to from the deltas alone', () => {
    const commands: ClusterCommand[] = [
      save('初稿'),
      { type: 'submit', actor: staff, kind: 'interim' },
      { type: 'approve', actor: manager, kind: 'interim', comment: null },
      { type: 'change-owning-bureau', actor: office, bureau: { code: 'kodomo', name: '子ども家庭局' } },
      { type: 'withdraw', actor: office, reason: '事業の廃止' },
    ];
    let workflow = opened;
    let projected = applyCaseDelta(null, caseDelta(null, opened));
    for (const command of commands) {
      const next = apply(workflow, command);
      projected = applyCaseDelta(projected, caseDelta(workflow, next));
      workflow = next;
      expect(projected).toEqual(workflow);
    }
  });

  it('carries only the report a save touched', () => {
    const delta = caseDelta(opened, apply(opened, save('本文')));
    expect(delta).toMatchObject({ kind: 'changed', reports: [expect.objectContaining({ kind: 'interim' })] });
  });

  it('stays the same size however often a draft is saved', () => {
    let state = apply(opened, save('初稿'));
    const first = JSON.stringify(caseDelta(opened, state)).length;
    for (let index = 0; index < 500; index++) state = apply(state, save(`第${index}稿`));
    const later = JSON.stringify(caseDelta(state, apply(state, save('最終稿')))).length;
    expect(later).toBeLessThanOrEqual(first + 10);
  });
});

describe('saves recorded before texts left workflow history', () => {
  it('are decided as before, with the body taken as text and no If-Match', () => {
    const legacy = { type: 'save-draft', actor: staff, kind: 'interim', title: '経過報告', body: '　' } as unknown as ClusterCommand;
    expect(upgradedCommand(legacy)).toEqual({ type: 'save-draft', actor: staff, kind: 'interim', title: '経過報告', text: { hash: '', length: 1, empty: true }, basedOnVersion: null });
    const after = apply(opened, upgradedCommand(legacy));
    expect(savedTextOf(legacy, after)).toEqual({ kind: 'interim', version: 1, title: '経過報告', empty: true, textHash: null, body: '　' });
  });

  it('leave today’s commands as they are and name their text by its hash', () => {
    const command = save('本文');
    expect(upgradedCommand(command)).toBe(command);
    expect(savedTextOf(command, apply(opened, command))).toEqual({ kind: 'interim', version: 1, title: '経過報告', empty: false, textHash: 'h' });
  });
});
