import { deadlineTargetLabel, type ReportKindName } from '@app/domain';
import { useState } from 'react';
import { FormSubmitRow } from '../actions/form-submit-row';
import type { MeetingView } from '../meetings/meetings.queries';
import { fieldHasProblem, FieldProblems } from '../ui/field-problems';
import { inputClass, LABEL } from '../ui/form-styles';
import { type CalendarSettings, useSaveCalendarSettings } from './settings.queries';

/** What the form holds: numbers as typed, so a half-typed value is never lost or silently changed. */
interface Draft {
  readonly deadlines: { target: string; meetingId: string; leadBusinessDays: string }[];
  readonly reminderOffsets: string;
  readonly digestLeadBusinessDays: string;
  readonly dueTime: string;
}

const draftOf = (settings: CalendarSettings): Draft => ({
  deadlines: settings.deadlines.map((rule) => ({ ...rule, leadBusinessDays: String(rule.leadBusinessDays) })),
  reminderOffsets: settings.reminderOffsets.join(', '),
  digestLeadBusinessDays: String(settings.digestLeadBusinessDays),
  dueTime: settings.dueTime,
});

const settingsOf = (draft: Draft): CalendarSettings => ({
  deadlines: draft.deadlines.map((rule) => ({ ...rule, leadBusinessDays: Number(rule.leadBusinessDays) })),
  reminderOffsets: draft.reminderOffsets
    .split(/[,、\s]+/)
    .map((offset) => offset.trim())
    .filter(Boolean),
  digestLeadBusinessDays: Number(draft.digestLeadBusinessDays),
  dueTime: draft.dueTime,
});

/** 期限・督促: which meeting each deadline is pegged to and how long before, when reminders go out. */
export function CalendarSettingsForm({
  fiscalYear,
  settings,
  meetings,
  reportKinds,
}: {
  fiscalYear: number;
  settings: CalendarSettings;
  meetings: readonly MeetingView[];
  reportKinds: readonly ReportKindName[];
}) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(settings));
  const save = useSaveCalendarSettings(fiscalYear);
  const problem = save.problem;
  const setRule = (index: number, change: Partial<Draft['deadlines'][number]>) =>
    setDraft((old) => ({ ...old, deadlines: old.deadlines.map((rule, at) => (at === index ? { ...rule, ...change } : rule)) }));
  const targetLabel = (target: string) => deadlineTargetLabel(target, reportKinds);

  return (
    <form
      aria-labelledby="calendar-settings-heading"
      className="rounded-8 border border-solid-gray-420 p-4 text-std-16N-170"
      onSubmit={(event) => {
        event.preventDefault();
        save.run(settingsOf(draft));
      }}
    >
      <h2 id="calendar-settings-heading" className="text-std-24B-150 text-solid-gray-900">
        期限と督促
      </h2>
      <p className="mt-1 text-solid-gray-700">変更はすぐに適用され、進行中の事業群の期限と督促も計画し直されます。</p>

      <fieldset className="mt-4">
        <legend className="text-std-20B-150">期限（どの会議の何営業日前か）</legend>
        <ul className="mt-2 flex flex-col gap-4">
          {draft.deadlines.map((rule, index) => (
            <li key={rule.target} className="grid items-start gap-x-4 gap-y-2 md:grid-cols-[18rem_1fr_10rem]">
              <p className="font-bold md:pt-8">{targetLabel(rule.target)}</p>
              <div>
                <label htmlFor={`deadline-${index}-meeting`} className={LABEL}>
                  基準の会議<span className="sr-only">（{targetLabel(rule.target)}）</span>
                </label>
                <select id={`deadline-${index}-meeting`} value={rule.meetingId} onChange={(event) => setRule(index, { meetingId: event.target.value })} className={`${inputClass(fieldHasProblem(problem, `deadlines.${index}.meetingId`))} w-full`}>
                  {meetings.map((meeting) => (
                    <option key={meeting.id} value={meeting.id}>
                      {meeting.name}（{meeting.dateLabel}）
                    </option>
                  ))}
                </select>
                <FieldProblems problem={problem} field={`deadlines.${index}.meetingId`} id={`deadline-${index}-meeting-problems`} />
              </div>
              <div>
                <label htmlFor={`deadline-${index}-lead`} className={LABEL}>
                  会議の何営業日前<span className="sr-only">（{targetLabel(rule.target)}）</span>
                </label>
                <input
                  id={`deadline-${index}-lead`}
                  type="number"
                  inputMode="numeric"
                  value={rule.leadBusinessDays}
                  onChange={(event) => setRule(index, { leadBusinessDays: event.target.value })}
                  aria-invalid={fieldHasProblem(problem, `deadlines.${index}.leadBusinessDays`)}
                  aria-describedby={`deadline-${index}-lead-problems`}
                  className={`${inputClass(fieldHasProblem(problem, `deadlines.${index}.leadBusinessDays`))} w-28`}
                />
                <FieldProblems problem={problem} field={`deadlines.${index}.leadBusinessDays`} id={`deadline-${index}-lead-problems`} />
              </div>
            </li>
          ))}
        </ul>
      </fieldset>

      <div className="mt-6 grid gap-6 md:grid-cols-3">
        <div>
          <label htmlFor="reminder-offsets" className={LABEL}>
            督促する時期（期限の前）
          </label>
          <p id="reminder-offsets-hint" className="text-solid-gray-700">
            ISO 8601 の期間をカンマ区切りで。例：P7D, P3D, P1D（7日前・3日前・1日前）、PT12H（12時間前）
          </p>
          <input
            id="reminder-offsets"
            value={draft.reminderOffsets}
            onChange={(event) => setDraft((old) => ({ ...old, reminderOffsets: event.target.value }))}
            aria-invalid={fieldHasProblem(problem, 'reminderOffsets')}
            aria-describedby="reminder-offsets-hint reminder-offsets-problems"
            className={`${inputClass(fieldHasProblem(problem, 'reminderOffsets'))} w-full`}
          />
          <FieldProblems problem={problem} field="reminderOffsets" id="reminder-offsets-problems" />
        </div>
        <div>
          <label htmlFor="digest-lead" className={LABEL}>
            報告者への案内（会議の何営業日前）
          </label>
          <input
            id="digest-lead"
            type="number"
            inputMode="numeric"
            value={draft.digestLeadBusinessDays}
            onChange={(event) => setDraft((old) => ({ ...old, digestLeadBusinessDays: event.target.value }))}
            aria-invalid={fieldHasProblem(problem, 'digestLeadBusinessDays')}
            aria-describedby="digest-lead-problems"
            className={`${inputClass(fieldHasProblem(problem, 'digestLeadBusinessDays'))} w-28`}
          />
          <FieldProblems problem={problem} field="digestLeadBusinessDays" id="digest-lead-problems" />
        </div>
        <div>
          <label htmlFor="due-time" className={LABEL}>
            期限の時刻（HH:MM）
          </label>
          <input
            id="due-time"
            value={draft.dueTime}
            onChange={(event) => setDraft((old) => ({ ...old, dueTime: event.target.value }))}
            aria-invalid={fieldHasProblem(problem, 'dueTime')}
            aria-describedby="due-time-problems"
            className={`${inputClass(fieldHasProblem(problem, 'dueTime'))} w-28`}
          />
          <FieldProblems problem={problem} field="dueTime" id="due-time-problems" />
        </div>
      </div>

      <FormSubmitRow action={save} label="保存" doneLabel="保存しました" />
    </form>
  );
}
