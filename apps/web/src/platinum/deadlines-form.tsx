import { PLATINUM_DEADLINE_TARGETS } from '@app/domain';
import { type FormEvent, useState } from 'react';
import { ActionProblem } from '../actions/action-problem';
import { useMeetings } from '../home/home.queries';
import { PRIMARY_BUTTON } from '../ui/button-styles';
import { ErrorNotice } from '../ui/error-notice';
import { inputClass } from '../ui/form-styles';
import { Loading } from '../ui/loading';
import { useCloseWhenDone } from '../ui/modal-dialog';
import type { DeadlineRule, PlatinumProject, useProjectActions } from './platinum.queries';

type Target = keyof typeof PLATINUM_DEADLINE_TARGETS;
const TARGETS = Object.keys(PLATINUM_DEADLINE_TARGETS) as Target[];
const TARGET_HINTS: Readonly<Record<Target, string>> = {
  proposals: 'PTが提案を出し、PTリーダーが承認するまで。過ぎるとプロジェクトは「所管局検討」に移ります。',
  decisions: '市政変革室の割当てと、制度所管局の結論の承認まで。過ぎるとプロジェクトは「対応方針」に移ります。',
  policies: '関係局長が対応方針を述べるまで。',
};

/** One target's rule as the form holds it: numbers as typed, so a half-typed value is never lost. */
interface Draft {
  readonly mode: 'meeting' | 'date' | 'none';
  readonly meetingId: string;
  readonly leadBusinessDays: string;
  readonly date: string;
}

function draftOf(rules: readonly Record<string, unknown>[], target: Target, firstMeeting: string): Draft {
  const rule = rules.find((candidate) => candidate.target === target);
  if (rule && typeof rule.date === 'string') return { mode: 'date', meetingId: firstMeeting, leadBusinessDays: '5', date: rule.date };
  if (rule && typeof rule.meetingId === 'string') return { mode: 'meeting', meetingId: rule.meetingId, leadBusinessDays: String(rule.leadBusinessDays ?? 0), date: '' };
  return { mode: 'none', meetingId: firstMeeting, leadBusinessDays: '5', date: '' };
}

const ruleOf = (target: Target, draft: Draft): DeadlineRule | null =>
  draft.mode === 'none' ? null : draft.mode === 'date' ? { target, date: draft.date } : { target, meetingId: draft.meetingId, leadBusinessDays: Number(draft.leadBusinessDays) };

/** 期限の設定: each of the year's deadlines pegged to an X meeting (business days before it), set to a day, or not set. */
export function DeadlinesForm({ project, action, onDone }: { project: PlatinumProject; action: ReturnType<typeof useProjectActions>['setDeadlines']; onDone: () => void }) {
  const meetings = useMeetings(project.fiscalYear);
  if (meetings.isPending) return <Loading label="X会議の日程を読み込んでいます" />;
  if (meetings.isError) return <ErrorNotice error={meetings.error} onRetry={() => void meetings.refetch()} />;
  return <DeadlineRulesForm project={project} meetings={meetings.data} action={action} onDone={onDone} />;
}

function DeadlineRulesForm({
  project,
  meetings,
  action,
  onDone,
}: {
  project: PlatinumProject;
  meetings: readonly { id: string; name: string; dateLabel: string }[];
  action: ReturnType<typeof useProjectActions>['setDeadlines'];
  onDone: () => void;
}) {
  const rules = project.deadlineRules as readonly Record<string, unknown>[];
  const [drafts, setDrafts] = useState(() => Object.fromEntries(TARGETS.map((target) => [target, draftOf(rules, target, meetings[0]?.id ?? '')])) as Record<Target, Draft>);
  useCloseWhenDone(action, onDone);
  const set = (target: Target, change: Partial<Draft>) => setDrafts((old) => ({ ...old, [target]: { ...old[target], ...change } }));
  const send = (event: FormEvent) => {
    event.preventDefault();
    action.run({ deadlines: TARGETS.flatMap((target) => ruleOf(target, drafts[target]) ?? []) });
  };
  return (
    <form onSubmit={send} noValidate>
      <p>期限は、X会議の何営業日前か（会議の日程が動けば期限も動きます）、または日付で決めます。変更はすぐに適用され、進行中の提案の督促も計画し直されます。</p>
      {TARGETS.map((target) => {
        const draft = drafts[target];
        const id = `deadline-${target}`;
        return (
          <fieldset key={target} className="mt-4 rounded-8 border border-solid-gray-420 p-3" aria-describedby={`${id}-hint`}>
            <legend className="px-1 text-std-16B-170">{PLATINUM_DEADLINE_TARGETS[target]}の期限</legend>
            <p id={`${id}-hint`} className="text-std-16N-170 text-solid-gray-700">
              {TARGET_HINTS[target]}
            </p>
            <div className="mt-2 flex flex-wrap gap-x-6">
              {(
                [
                  ['meeting', 'X会議を基準にする'],
                  ['date', '日付で指定する'],
                  ['none', '設定しない'],
                ] as const
              ).map(([mode, label]) => (
                <label key={mode} className="inline-flex min-h-10 items-center gap-2">
                  <input type="radio" name={`${id}-mode`} className="size-6" checked={draft.mode === mode} onChange={() => set(target, { mode })} />
                  {label}
                </label>
              ))}
            </div>
            {draft.mode === 'meeting' && (
              <div className="mt-2 flex flex-wrap items-end gap-4">
                <div>
                  <label htmlFor={`${id}-meeting`} className="block text-std-16N-170">
                    基準の会議
                  </label>
                  <select id={`${id}-meeting`} className={inputClass()} value={draft.meetingId} onChange={(event) => set(target, { meetingId: event.target.value })}>
                    {meetings.map((meeting) => (
                      <option key={meeting.id} value={meeting.id}>
                        {meeting.name}（{meeting.dateLabel}）
                      </option>
                    ))}
                  </select>
                </div>
                <div>
                  <label htmlFor={`${id}-lead`} className="block text-std-16N-170">
                    会議の何営業日前
                  </label>
                  <input
                    id={`${id}-lead`}
                    type="number"
                    inputMode="numeric"
                    min={0}
                    max={60}
                    className={`${inputClass()} w-28`}
                    value={draft.leadBusinessDays}
                    onChange={(event) => set(target, { leadBusinessDays: event.target.value })}
                  />
                </div>
              </div>
            )}
            {draft.mode === 'date' && (
              <div className="mt-2">
                <label htmlFor={`${id}-date`} className="block text-std-16N-170">
                  期限の日
                </label>
                <input
                  id={`${id}-date`}
                  type="date"
                  className={inputClass()}
                  value={draft.date}
                  min={`${project.fiscalYear}-04-01`}
                  max={`${project.fiscalYear + 1}-03-31`}
                  onChange={(event) => set(target, { date: event.target.value })}
                />
              </div>
            )}
          </fieldset>
        );
      })}
      <ActionProblem problem={action.problem} onRetry={action.retry} />
      <div className="mt-4">
        <button type="submit" className={PRIMARY_BUTTON} disabled={action.pending}>
          期限を保存
        </button>
      </div>
    </form>
  );
}
