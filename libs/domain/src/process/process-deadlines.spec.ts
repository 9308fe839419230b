import { PLATINUM_DEADLINE_TARGETS } from '../platinum/platinum-project';
import { X_POLICY_DEADLINE_TARGETS } from '../x-policy/x-policy';
import { processDeadlineProblems, ProcessDeadlineRule } from './process-deadlines';

const MEETINGS = ['x1', 'x3', 'x5'];

describe('processDeadlineProblems', () => {
  it('accepts a deadline pegged to a meeting and one on a fixed day', () => {
    const rules: ProcessDeadlineRule[] = [
      { target: 'proposals', meetingId: 'x1', leadBusinessDays: 5 },
      { target: 'decisions', date: '2024-11-29' },
    ];
    expect(processDeadlineProblems(rules, PLATINUM_DEADLINE_TARGETS, MEETINGS)).toEqual([]);
  });

  it('puts each problem under the field to change, naming the deadline as people know it', () => {
    const rules: ProcessDeadlineRule[] = [
      { target: 'proposals', meetingId: 'x9', leadBusinessDays: 61 },
      { target: 'decisions', date: '2024-02-30' },
    ];
    expect(processDeadlineProblems(rules, PLATINUM_DEADLINE_TARGETS, MEETINGS)).toEqual([
      { field: 'deadlines.0.meetingId', problems: [`${PLATINUM_DEADLINE_TARGETS.proposals}の期限の基準となる会議（x9）がありません。会議を選び直してください`] },
      { field: 'deadlines.0.leadBusinessDays', problems: [`${PLATINUM_DEADLINE_TARGETS.proposals}の期限は会議の0〜60営業日前で指定してください`] },
      { field: 'deadlines.1.date', problems: [`${PLATINUM_DEADLINE_TARGETS.decisions}の期限 2024-02-30 は YYYY-MM-DD の日付で指定してください`] },
    ]);
  });

  it('refuses a target the process does not have, and the same target twice', () => {
    const rules: ProcessDeadlineRule[] = [
      { target: 'plan', date: '2024-08-01' },
      { target: 'plan', meetingId: 'x1', leadBusinessDays: 3 },
      { target: 'progress', date: '2024-09-01' },
    ];
    expect(processDeadlineProblems(rules, X_POLICY_DEADLINE_TARGETS, MEETINGS)).toEqual([
      { field: 'deadlines', problems: [`${X_POLICY_DEADLINE_TARGETS.plan}の期限が重複して設定されています`] },
      { field: 'deadlines.2.target', problems: ['期限の対象 progress はありません（plan）'] },
    ]);
  });
});
