import { MONTH_THIRD_LABELS, MonthThird } from '@app/domain';
import { useEffect, useId, useRef, useState } from 'react';
import { ActionProblem } from '../actions/action-problem';
import { PRIMARY_BUTTON, SECONDARY_BUTTON } from '../ui/button-styles';
import { fieldHasProblem, FieldProblems } from '../ui/field-problems';
import { inputClass, LABEL } from '../ui/form-styles';
import { type MeetingView, useChangeMeeting } from './meetings.queries';

interface AgendaRow {
  readonly clusterNo: string;
  readonly reportKind: string;
}

/**
 * The reform office's form for one meeting: the date, exact or only 上旬/中旬/下旬 of a month, and
 * the agenda. What was typed stays in the form when the API refuses it, beside the fields it names.
 */
export function MeetingEditor({
  fiscalYear,
  meeting,
  reportKinds,
  onClose,
  onSaved,
}: {
  fiscalYear: number;
  meeting: MeetingView;
  reportKinds: readonly { slug: string; label: string }[];
  onClose: () => void;
  onSaved: () => void;
}) {
  const id = useId();
  const [kind, setKind] = useState<'exact' | 'third'>(meeting.date.kind);
  const [day, setDay] = useState(meeting.date.date ?? meeting.earliestDay);
  const [month, setMonth] = useState(meeting.date.month ?? meeting.earliestDay.slice(0, 7));
  const [third, setThird] = useState<MonthThird>((meeting.date.third as MonthThird | undefined) ?? MonthThird.Early);
  const [agenda, setAgenda] = useState<AgendaRow[]>(meeting.agenda.map((item) => ({ clusterNo: String(item.clusterNo), reportKind: item.reportKind })));
  const save = useChangeMeeting(fiscalYear, onSaved);
  const form = useRef<HTMLFormElement>(null);
  // The button that opened the form is gone while it is open: keyboard users continue in the form.
  useEffect(() => form.current?.querySelector<HTMLInputElement>('input:checked')?.focus(), []);
  const problem = save.problem;

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    save.run({
      id: meeting.id,
      change: {
        date: kind === 'exact' ? { kind, date: day } : { kind, month, third },
        agenda: agenda.map((row) => ({ clusterNo: Number(row.clusterNo), reportKind: row.reportKind })),
      },
    });
  };
  const setRow = (index: number, row: Partial<AgendaRow>) => setAgenda((rows) => rows.map((old, at) => (at === index ? { ...old, ...row } : old)));

  return (
    <form ref={form} onSubmit={submit} aria-label={`${meeting.name}の日程・議題の変更`} className="mt-4 rounded-8 border border-solid-gray-420 bg-solid-gray-50 p-4 text-std-16N-170">
      <fieldset>
        <legend className={LABEL}>日程</legend>
        <div className="mt-2 flex flex-wrap gap-6">
          <label className="flex items-center gap-2">
            <input type="radio" name={`${id}-kind`} checked={kind === 'exact'} onChange={() => setKind('exact')} className="size-5" />
            日付が決まっている
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name={`${id}-kind`} checked={kind === 'third'} onChange={() => setKind('third')} className="size-5" />
            上旬・中旬・下旬まで決まっている
          </label>
        </div>
        {kind === 'exact' ? (
          <div className="mt-3">
            <label htmlFor={`${id}-day`} className={LABEL}>
              開催日
            </label>
            <input
              id={`${id}-day`}
              type="date"
              required
              value={day}
              onChange={(event) => setDay(event.target.value)}
              aria-describedby={`${id}-day-problems`}
              aria-invalid={fieldHasProblem(problem, 'date.date')}
              className={inputClass(fieldHasProblem(problem, 'date.date'))}
            />
            <FieldProblems problem={problem} field="date.date" id={`${id}-day-problems`} />
          </div>
        ) : (
          <div className="mt-3 flex flex-wrap gap-4">
            <div>
              <label htmlFor={`${id}-month`} className={LABEL}>
                開催月
              </label>
              <input
                id={`${id}-month`}
                type="month"
                required
                value={month}
                onChange={(event) => setMonth(event.target.value)}
                aria-describedby={`${id}-month-problems`}
                aria-invalid={fieldHasProblem(problem, 'date.month')}
                className={inputClass(fieldHasProblem(problem, 'date.month'))}
              />
              <FieldProblems problem={problem} field="date.month" id={`${id}-month-problems`} />
            </div>
            <div>
              <label htmlFor={`${id}-third`} className={LABEL}>
                上旬・中旬・下旬
              </label>
              <select id={`${id}-third`} value={third} onChange={(event) => setThird(event.target.value as MonthThird)} className={inputClass(fieldHasProblem(problem, 'date.third'))}>
                {Object.values(MonthThird).map((value) => (
                  <option key={value} value={value}>
                    {MONTH_THIRD_LABELS[value]}
                  </option>
                ))}
              </select>
              <FieldProblems problem={problem} field="date.third" id={`${id}-third-problems`} />
            </div>
          </div>
        )}
      </fieldset>

      <fieldset className="mt-6">
        <legend className={LABEL}>議題（報告する事業群と報告書）</legend>
        {agenda.length === 0 && <p className="mt-2">議題はありません。</p>}
        <ul className="mt-2 flex flex-col gap-3">
          {agenda.map((row, index) => (
            <li key={index} className="flex flex-wrap items-end gap-3">
              <div>
                <label htmlFor={`${id}-agenda-${index}-no`} className={LABEL}>
                  {index + 1}件目 事業群No.
                </label>
                <input
                  id={`${id}-agenda-${index}-no`}
                  type="number"
                  min={1}
                  required
                  value={row.clusterNo}
                  onChange={(event) => setRow(index, { clusterNo: event.target.value })}
                  aria-describedby={`${id}-agenda-${index}-problems`}
                  className={`${inputClass(fieldHasProblem(problem, `agenda.${index}.clusterNo`))} w-28`}
                />
              </div>
              <div>
                <label htmlFor={`${id}-agenda-${index}-kind`} className={LABEL}>
                  {index + 1}件目 報告書
                </label>
                <select id={`${id}-agenda-${index}-kind`} value={row.reportKind} onChange={(event) => setRow(index, { reportKind: event.target.value })} className={inputClass(fieldHasProblem(problem, `agenda.${index}.reportKind`))}>
                  {reportKinds.map((reportKind) => (
                    <option key={reportKind.slug} value={reportKind.slug}>
                      {reportKind.label}
                    </option>
                  ))}
                </select>
              </div>
              <button type="button" className={SECONDARY_BUTTON} onClick={() => setAgenda((rows) => rows.filter((_, at) => at !== index))}>
                {index + 1}件目を削除
              </button>
              <div className="basis-full">
                <FieldProblems problem={problem} field={`agenda.${index}.clusterNo`} id={`${id}-agenda-${index}-problems`} />
                <FieldProblems problem={problem} field={`agenda.${index}.reportKind`} id={`${id}-agenda-${index}-kind-problems`} />
              </div>
            </li>
          ))}
        </ul>
        <button type="button" className={`mt-3 ${SECONDARY_BUTTON}`} onClick={() => setAgenda((rows) => [...rows, { clusterNo: '', reportKind: reportKinds[0]?.slug ?? '' }])}>
          議題を追加
        </button>
      </fieldset>

      <ActionProblem problem={problem} onRetry={save.retry} />
      <div className="mt-6 flex flex-wrap gap-4">
        <button type="submit" className={PRIMARY_BUTTON} disabled={save.pending}>
          保存
        </button>
        <button type="button" className={SECONDARY_BUTTON} onClick={onClose}>
          キャンセル
        </button>
      </div>
    </form>
  );
}
