import { COMMENT_MAX_LENGTH } from '@app/domain';
import { type FormEvent, type ReactNode, useState } from 'react';
import { ActionProblem } from '../actions/action-problem';
import { PRIMARY_BUTTON } from '../ui/button-styles';
import { textFieldClass } from '../ui/form-styles';

/**
 * A dialog's form around one required text (差戻しの理由, 取下げの理由): asked for before anything is
 * sent, with the field's own hint, and the API's answer below it.
 */
export function ReasonForm({
  id,
  label,
  missingMessage,
  hint,
  intro,
  submitLabel,
  action,
  onSend,
  reportLabels,
}: {
  id: string;
  label: string;
  missingMessage: string;
  hint?: string;
  intro?: ReactNode;
  submitLabel: string;
  action: { readonly pending: boolean; readonly problem: unknown; readonly retry: () => unknown };
  onSend: (text: string) => void;
  reportLabels: Readonly<Record<string, string>>;
}) {
  const [text, setText] = useState('');
  const [missing, setMissing] = useState(false);
  const send = (event: FormEvent) => {
    event.preventDefault();
    if (text.trim() === '') {
      setMissing(true);
      document.getElementById(id)?.focus();
      return;
    }
    onSend(text);
  };
  const describedBy = missing ? `${id}-problem` : hint ? `${id}-hint` : undefined;
  return (
    <form onSubmit={send} noValidate>
      {intro}
      <label htmlFor={id} className="mt-3 block text-std-16B-170">
        {label} <span className="text-error-2">（必須）</span>
      </label>
      <textarea
        id={id}
        className={`${textFieldClass(missing)} min-h-32`}
        maxLength={COMMENT_MAX_LENGTH}
        value={text}
        aria-invalid={missing}
        aria-describedby={describedBy}
        onChange={(event) => {
          setText(event.target.value);
          setMissing(false);
        }}
      />
      {missing ? (
        <p id={`${id}-problem`} className="mt-1 text-error-2">
          <span aria-hidden="true">⚠ </span>
          {missingMessage}
        </p>
      ) : (
        hint && (
          <p id={`${id}-hint`} className="mt-1 text-solid-gray-700">
            {hint}
          </p>
        )
      )}
      <ActionProblem problem={action.problem} onRetry={action.retry} reportLabels={reportLabels} />
      <div className="mt-4">
        <button type="submit" className={PRIMARY_BUTTON} disabled={action.pending}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
