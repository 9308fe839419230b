import { type FormEvent, useState } from 'react';
import { ActionProblem } from '../actions/action-problem';
import { PRIMARY_BUTTON } from '../ui/button-styles';
import { inputClass } from '../ui/form-styles';
import { useCloseWhenDone } from '../ui/modal-dialog';
import type { useProjectActions } from './platinum.queries';

/** 結成の記録: the day the PT was formed; from then on its members file proposals. */
export function FormationForm({ fiscalYear, action, onDone }: { fiscalYear: number; action: ReturnType<typeof useProjectActions>['recordFormation']; onDone: () => void }) {
  const [date, setDate] = useState('');
  const [missing, setMissing] = useState(false);
  useCloseWhenDone(action, onDone);
  const send = (event: FormEvent) => {
    event.preventDefault();
    if (!date) {
      setMissing(true);
      document.getElementById('formation-date')?.focus();
      return;
    }
    action.run({ date });
  };
  return (
    <form onSubmit={send} noValidate>
      <p>結成を記録すると、PTのメンバーが提案を起案できるようになります。記録は取り消せません。</p>
      <label htmlFor="formation-date" className="mt-3 block text-std-16B-170">
        結成日 <span className="text-error-2">（必須）</span>
      </label>
      <input
        id="formation-date"
        type="date"
        className={inputClass(missing)}
        value={date}
        min={`${fiscalYear}-04-01`}
        max={`${fiscalYear + 1}-03-31`}
        aria-invalid={missing}
        aria-describedby={missing ? 'formation-date-problem' : undefined}
        onChange={(event) => {
          setDate(event.target.value);
          setMissing(false);
        }}
      />
      {missing && (
        <p id="formation-date-problem" className="mt-1 text-error-2">
          <span aria-hidden="true">⚠ </span>結成日を入力してください。
        </p>
      )}
      <ActionProblem problem={action.problem} onRetry={action.retry} />
      <div className="mt-4">
        <button type="submit" className={PRIMARY_BUTTON} disabled={action.pending}>
          結成を記録
        </button>
      </div>
    </form>
  );
}
