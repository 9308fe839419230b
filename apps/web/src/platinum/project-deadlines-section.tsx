import { PLATINUM_DEADLINE_TARGETS } from '@app/domain';
import { StatusLabel } from '../ui/status-label';
import { TokyoDateTime } from '../ui/tokyo-date-time';
import { ProvisionalNote } from './deadline-labels';
import type { PlatinumProject, ProcessDeadline } from './platinum.queries';

const HEAD = 'border-b-2 border-solid-gray-600 px-2 py-2 text-left text-std-16B-170';
const CELL = 'border-b border-solid-gray-420 px-2 py-2 align-top';
const TARGETS = Object.entries(PLATINUM_DEADLINE_TARGETS) as [keyof typeof PLATINUM_DEADLINE_TARGETS, string][];

/** What a deadline is pegged to, in words: the meeting and how many business days before it, or a day. */
function basisOf(deadline: ProcessDeadline, rules: readonly Record<string, unknown>[]): string {
  if (!deadline.meetingName) return '日付で指定';
  const lead = rules.find((rule) => rule.target === deadline.target)?.leadBusinessDays;
  return `${deadline.meetingName}（${deadline.meetingDateLabel}）${typeof lead === 'number' && lead > 0 ? `の${lead}営業日前` : '当日'}`;
}

/** The year's three deadlines, each with the meeting it is pegged to, or 未設定. */
export function ProjectDeadlinesSection({ project }: { project: PlatinumProject }) {
  const now = new Date().toISOString();
  const rules = project.deadlineRules as readonly Record<string, unknown>[];
  return (
    <section aria-labelledby="project-deadlines-heading" className="rounded-8 border border-solid-gray-420 p-4">
      <h2 id="project-deadlines-heading" className="text-std-20B-150 text-solid-gray-900">
        期限
      </h2>
      <table className="mt-2 w-full border-collapse text-std-16N-170">
        <caption className="sr-only">プロジェクトの期限</caption>
        <thead>
          <tr>
            <th scope="col" className={HEAD}>対象</th>
            <th scope="col" className={HEAD}>期限と基準</th>
          </tr>
        </thead>
        <tbody>
          {TARGETS.map(([target, label]) => {
            const deadline = project.deadlines.find((candidate) => candidate.target === target);
            return (
              <tr key={target}>
                <th scope="row" className={`${CELL} text-left font-normal`}>{label}</th>
                <td className={CELL}>
                  {deadline ? (
                    <>
                      <span className="flex flex-wrap items-center gap-2">
                        <span className="whitespace-nowrap">
                          <TokyoDateTime instant={deadline.dueAt} />
                        </span>
                        {deadline.provisional && <StatusLabel tone="caution">暫定</StatusLabel>}
                        {deadline.overdue && <StatusLabel tone="alert">期限超過</StatusLabel>}
                        {!deadline.overdue && new Date(deadline.dueAt).toISOString() < now && <span className="text-solid-gray-700">（期限経過）</span>}
                      </span>
                      <span className="block text-solid-gray-700">{basisOf(deadline, rules)}</span>
                    </>
                  ) : (
                    <span className="text-solid-gray-700">未設定</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <ProvisionalNote deadlines={project.deadlines} />
    </section>
  );
}
