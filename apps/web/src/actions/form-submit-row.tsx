import { PRIMARY_BUTTON } from '../ui/button-styles';
import { StatusLabel } from '../ui/status-label';
import { ActionProblem } from './action-problem';
import type { Action } from './use-action';

/** The end of a form that acts: why it did not take effect, the button, and that it did (保存しました). */
export function FormSubmitRow<TInput, TResult>({ action, label, doneLabel }: { action: Action<TInput, TResult>; label: string; doneLabel: string }) {
  return (
    <>
      <ActionProblem problem={action.problem} onRetry={action.retry} />
      <div className="mt-6 flex flex-wrap items-center gap-4">
        <button type="submit" className={PRIMARY_BUTTON} disabled={action.pending}>
          {label}
        </button>
        {action.succeeded && (
          <p role="status">
            <StatusLabel tone="info">{doneLabel}</StatusLabel>
          </p>
        )}
      </div>
    </>
  );
}
