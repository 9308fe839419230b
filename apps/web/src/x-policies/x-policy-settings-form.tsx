import { SELF_INSPECTION_ITEM_MAX, SELF_INSPECTION_QUESTION_MAX_LENGTH } from '@app/domain';
import { type FormEvent, useState } from 'react';
import { FormSubmitRow } from '../actions/form-submit-row';
import type { MeetingView } from '../meetings/meetings.queries';
import { SECONDARY_BUTTON } from '../ui/button-styles';
import { apiFieldProblems, FieldMessages, fieldHasProblem, FieldProblems } from '../ui/field-problems';
import { inputClass, LABEL, textFieldClass } from '../ui/form-styles';
import { DeadlineText } from './deadline-text';
import { nextFreeId } from './issue-drafts';
import { type XPolicySettings, type XPolicySettingsChange, useSaveXPolicySettings } from './x-policies.queries';

type DeadlineKind = 'meeting' | 'date' | 'none';

/** The form as typed: the lead time as text, so a half-typed number is never changed under the typist. */
interface Draft {
  readonly items: readonly { readonly id: string; readonly question: string }[];
  readonly deadline: DeadlineKind;
  readonly meetingId: string;
  readonly leadBusinessDays: string;
  readonly date: string;
}

function draftOf(settings: XPolicySettings | null, meetings: readonly MeetingView[]): Draft {
  const rule = settings?.deadlineRules.find((candidate) => candidate.target === 'plan');
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  return {
    items: settings?.items ?? [],
    deadline: !rule ? (settings ? 'none' : 'meeting') : typeof rule.date === 'string' ? 'date' : 'meeting',
    meetingId: text(rule?.meetingId) || (meetings[0]?.id ?? ''),
    leadBusinessDays: typeof rule?.leadBusinessDays === 'number' ? String(rule.leadBusinessDays) : '5',
    date: text(rule?.date),
  };
}

function changeOf(draft: Draft): XPolicySettingsChange {
  const deadlines: XPolicySettingsChange['deadlines'] =
    draft.deadline === 'none'
      ? []
      : draft.deadline === 'date'
        ? [{ target: 'plan', date: draft.date }]
        : [{ target: 'plan', meetingId: draft.meetingId, leadBusinessDays: Number(draft.leadBusinessDays) }];
  return { items: draft.items.map((item) => ({ ...item })), deadlines };
}

/** What the form can tell before sending, under the API's own field names. */
function draftProblems(draft: Draft): Map<string, string[]> {
  const problems = new Map<string, string[]>();
  draft.items.forEach((item, index) => {
    if (item.question.trim() === '') problems.set(`items.${index}.question`, ['問いを入力してください']);
  });
  if (draft.deadline === 'date' && !draft.date) problems.set('deadlines.0.date', ['期限の日を入力してください']);
  return problems;
}

/**
 * 自己点検の項目と期限: the questions every bureau answers this year, and the day the plan is due,
 * pegged to an X会議 (business days before it, moving with it) or set to a date.
 */
export function XPolicySettingsForm({
  fiscalYear,
  settings,
  meetings,
  anyStarted,
}: {
  fiscalYear: number;
  settings: XPolicySettings | null;
  meetings: readonly MeetingView[];
  anyStarted: boolean;
}) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(settings, meetings));
  // Checked from the first 保存 on, then as the person types: a message goes as soon as its field is right.
  const [checking, setChecking] = useState(false);
  const checked = checking ? draftProblems(draft) : new Map<string, string[]>();
  const save = useSaveXPolicySettings(fiscalYear);
  const savedIds = new Set(settings?.items.map((item) => item.id) ?? []);
  const change = (next: Partial<Draft>) => setDraft((old) => ({ ...old, ...next }));
  const setQuestion = (index: number, question: string) => change({ items: draft.items.map((item, at) => (at === index ? { ...item, question } : item)) });
  // The form's own findings before sending, then the API's after.
  const problemsOf = (field: string) => [...(checked.get(field) ?? []), ...apiFieldProblems(save.problem, field)];
  const invalid = (field: string) => problemsOf(field).length > 0;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecking(true);
    const first = [...draftProblems(draft).keys()][0];
    if (first) {
      document.getElementById(fieldId(first))?.focus();
      return;
    }
    save.run(changeOf(draft));
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="x-policy-settings-heading" className="text-std-16N-170">
      <h3 id="x-policy-settings-heading" className="text-std-20B-150 text-solid-gray-900">
        自己点検の項目と公表の期限
      </h3>
      <p className="mt-1 text-solid-gray-700">
        項目の追加は、これから開始する局に適用されます。期限の変更はすぐに適用され、開始済みの局の督促も計画し直されます。
        {anyStarted && '開始済みの局があるため、保存済みの項目は削除できません（文言の修正はできます）。'}
      </p>

      <fieldset className="mt-4">
        <legend className="text-std-16B-170">自己点検の項目（{draft.items.length}件）</legend>
        {draft.items.length === 0 && <p className="mt-2">項目はまだありません。「項目を追加」で問いを加えてください。</p>}
        <ol className="mt-2 flex flex-col gap-4">
          {draft.items.map((item, index) => {
            const field = `items.${index}.question`;
            return (
              <li key={item.id} className="flex flex-wrap items-end gap-3">
                <div className="min-w-[20rem] flex-1">
                  <label htmlFor={fieldId(field)} className={LABEL}>
                    項目{index + 1}の問い
                  </label>
                  <textarea
                    id={fieldId(field)}
                    className={`${textFieldClass(invalid(field))} min-h-20`}
                    maxLength={SELF_INSPECTION_QUESTION_MAX_LENGTH}
                    value={item.question}
                    aria-invalid={invalid(field)}
                    aria-describedby={`${fieldId(field)}-problems`}
                    onChange={(event) => setQuestion(index, event.target.value)}
                  />
                  <FieldMessages id={`${fieldId(field)}-problems`} messages={problemsOf(field)} field={field} />
                </div>
                {!(anyStarted && savedIds.has(item.id)) && (
                  <button type="button" className={SECONDARY_BUTTON} onClick={() => change({ items: draft.items.filter((_, at) => at !== index) })}>
                    項目{index + 1}を削除
                  </button>
                )}
              </li>
            );
          })}
        </ol>
        <FieldProblems problem={save.problem} field="items" id="x-policy-items-problems" />
        {draft.items.length < SELF_INSPECTION_ITEM_MAX && (
          <button
            type="button"
            className={`mt-3 ${SECONDARY_BUTTON}`}
            onClick={() => {
              const index = draft.items.length;
              change({ items: [...draft.items, { id: nextFreeId('item', draft.items.map((item) => item.id)), question: '' }] });
              requestAnimationFrame(() => document.getElementById(fieldId(`items.${index}.question`))?.focus());
            }}
          >
            項目を追加
          </button>
        )}
      </fieldset>

      <fieldset className="mt-6">
        <legend className="text-std-16B-170">課題と対応策の公表の期限</legend>
        {settings?.deadlines[0] && (
          <p className="mt-1">
            現在の期限：
            <DeadlineText deadline={settings.deadlines[0]} />
          </p>
        )}
        <div className="mt-2 flex flex-col gap-2">
          {(
            [
              ['meeting', 'X会議を基準にする（会議の日程が動くと期限も動きます）'],
              ['date', '日付で決める'],
              ['none', '期限を設けない'],
            ] as const
          ).map(([kind, label]) => (
            <label key={kind} className="flex min-h-10 items-center gap-2">
              <input type="radio" name="x-policy-deadline" className="size-6" checked={draft.deadline === kind} onChange={() => change({ deadline: kind })} />
              {label}
            </label>
          ))}
        </div>
        {draft.deadline === 'meeting' && (
          <div className="mt-3 flex flex-wrap gap-4">
            <div>
              <label htmlFor="x-policy-deadline-meeting" className={LABEL}>
                基準の会議
              </label>
              <select
                id="x-policy-deadline-meeting"
                className={inputClass(fieldHasProblem(save.problem, 'deadlines.0.meetingId'))}
                value={draft.meetingId}
                onChange={(event) => change({ meetingId: event.target.value })}
                aria-describedby="x-policy-deadline-meeting-problems"
              >
                {meetings.map((meeting) => (
                  <option key={meeting.id} value={meeting.id}>
                    {meeting.name}（{meeting.dateLabel}）
                  </option>
                ))}
              </select>
              <FieldProblems problem={save.problem} field="deadlines.0.meetingId" id="x-policy-deadline-meeting-problems" />
            </div>
            <div>
              <label htmlFor="x-policy-deadline-lead" className={LABEL}>
                会議の何営業日前
              </label>
              <input
                id="x-policy-deadline-lead"
                type="number"
                inputMode="numeric"
                min={0}
                max={60}
                className={`${inputClass(fieldHasProblem(save.problem, 'deadlines.0.leadBusinessDays'))} w-28`}
                value={draft.leadBusinessDays}
                aria-invalid={fieldHasProblem(save.problem, 'deadlines.0.leadBusinessDays')}
                aria-describedby="x-policy-deadline-lead-problems"
                onChange={(event) => change({ leadBusinessDays: event.target.value })}
              />
              <FieldProblems problem={save.problem} field="deadlines.0.leadBusinessDays" id="x-policy-deadline-lead-problems" />
            </div>
          </div>
        )}
        {draft.deadline === 'date' && (
          <div className="mt-3">
            <label htmlFor={fieldId('deadlines.0.date')} className={LABEL}>
              期限の日
            </label>
            <input
              id={fieldId('deadlines.0.date')}
              type="date"
              className={inputClass(invalid('deadlines.0.date'))}
              value={draft.date}
              min={`${fiscalYear}-04-01`}
              max={`${fiscalYear + 1}-03-31`}
              aria-invalid={invalid('deadlines.0.date')}
              aria-describedby={`${fieldId('deadlines.0.date')}-problems`}
              onChange={(event) => change({ date: event.target.value })}
            />
            <FieldMessages id={`${fieldId('deadlines.0.date')}-problems`} messages={problemsOf('deadlines.0.date')} field="deadlines.0.date" />
          </div>
        )}
        <FieldProblems problem={save.problem} field="deadlines" id="x-policy-deadlines-problems" />
      </fieldset>
      <FormSubmitRow action={save} label="設定を保存" doneLabel="保存しました" />
    </form>
  );
}

const fieldId = (field: string) => `x-policy-settings-${field.replaceAll('.', '-')}`;

