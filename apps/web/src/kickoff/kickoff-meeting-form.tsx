import { KICKOFF_NOTES_MAX_LENGTH } from '@app/domain';
import { type FormEvent, type ReactNode, useState } from 'react';
import { ActionProblem } from '../actions/action-problem';
import type { Action } from '../actions/use-action';
import { PRIMARY_BUTTON } from '../ui/button-styles';
import { textFieldClass } from '../ui/form-styles';
import type { KickoffMeeting } from './kickoff.queries';

const FIELD = textFieldClass();

/** The record of the kickoff meeting (date required, attendees a line each, notes), checked before it is sent. */
export function KickoffMeetingForm<TResult>({
  action,
  fiscalYear,
  intro,
  submitLabel,
  reportLabels = {},
}: {
  action: Action<KickoffMeeting, TResult>;
  fiscalYear: number;
  intro: ReactNode;
  submitLabel: string;
  reportLabels?: Readonly<Record<string, string>>;
}) {
  const [meetingDate, setMeetingDate] = useState('');
  const [attendees, setAttendees] = useState('');
  const [notes, setNotes] = useState('');
  const [missing, setMissing] = useState(false);
  const send = (event: FormEvent) => {
    event.preventDefault();
    if (!meetingDate) {
      setMissing(true);
      document.getElementById('kickoff-date')?.focus();
      return;
    }
    const names = attendees.split('\n').map((name) => name.trim()).filter(Boolean);
    action.run({ meetingDate, attendees: names, ...(notes.trim() ? { notes } : {}) });
  };
  return (
    <form onSubmit={send} noValidate className="flex flex-col gap-3">
      {intro}
      <div>
        <label htmlFor="kickoff-date" className="text-std-16B-170">
          着手会議の日付 <span className="text-error-2">（必須）</span>
        </label>
        <input
          id="kickoff-date"
          type="date"
          className={FIELD}
          value={meetingDate}
          min={`${fiscalYear}-04-01`}
          max={`${fiscalYear + 1}-03-31`}
          aria-invalid={missing}
          aria-describedby={missing ? 'kickoff-date-problem' : undefined}
          onChange={(event) => {
            setMeetingDate(event.target.value);
            setMissing(false);
          }}
        />
        {missing && (
          <p id="kickoff-date-problem" className="mt-1 text-error-2">
            <span aria-hidden="true">⚠ </span>着手会議の日付を入力してください。
          </p>
        )}
      </div>
      <div>
        <label htmlFor="kickoff-attendees" className="text-std-16B-170">
          出席者（1行に1人）
        </label>
        <textarea id="kickoff-attendees" className={`${FIELD} min-h-24`} value={attendees} onChange={(event) => setAttendees(event.target.value)} />
      </div>
      <div>
        <label htmlFor="kickoff-notes" className="text-std-16B-170">
          メモ
        </label>
        <textarea id="kickoff-notes" className={FIELD} maxLength={KICKOFF_NOTES_MAX_LENGTH} value={notes} onChange={(event) => setNotes(event.target.value)} />
      </div>
      <ActionProblem problem={action.problem} onRetry={action.retry} reportLabels={reportLabels} />
      <div>
        <button type="submit" className={PRIMARY_BUTTON} disabled={action.pending}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
