import { fiscalYearLabel } from '@app/domain';
import { type FormEvent, useState } from 'react';
import { ActionProblem } from '../actions/action-problem';
import { PRIMARY_BUTTON } from '../ui/button-styles';
import { ModalDialog, useCloseWhenDone, useModalDialog } from '../ui/modal-dialog';
import { StatusLabel } from '../ui/status-label';
import { type StartedXPolicies, useStartXPolicies, type XPolicySummary } from './x-policies.queries';

/**
 * 開始: the reform office starts the year's X policy of the bureaus not yet started (all of them by
 * default), after which their staff can answer the self-inspection. What was started is said after.
 */
export function StartXPolicies({ fiscalYear, items, ready }: { fiscalYear: number; items: readonly XPolicySummary[]; ready: boolean }) {
  const dialog = useModalDialog();
  const [result, setResult] = useState<StartedXPolicies | null>(null);
  const start = useStartXPolicies(fiscalYear, setResult);
  const waiting = items.filter((item) => !item.started);
  const nameOf = (code: string) => items.find((item) => item.bureau.code === code)?.bureau.name ?? code;

  return (
    <div className="mt-4">
      {result && (
        <div role="status" className="mb-4 rounded-8 border-2 border-blue-900 bg-blue-50 p-4" aria-label="開始の結果">
          <p>
            <StatusLabel tone="info">{`${result.started.length}局で開始しました`}</StatusLabel>
          </p>
          {result.started.length > 0 && <p className="mt-1">開始した局：{result.started.map(nameOf).join('、')}</p>}
          {result.existing.length > 0 && <p className="mt-1">既に開始していた局（そのまま進めます）：{result.existing.map(nameOf).join('、')}</p>}
        </div>
      )}
      {!ready ? (
        <p>自己点検の項目を設定して保存すると、各局のX方針を開始できます。</p>
      ) : waiting.length === 0 ? (
        <p>全ての局・区で{fiscalYearLabel(fiscalYear)}のX方針を開始済みです。</p>
      ) : (
        <div className="flex flex-wrap items-center gap-4">
          <button type="button" className={PRIMARY_BUTTON} onClick={dialog.open}>
            X方針を開始
          </button>
          <span>未開始の局・区：{waiting.length}件</span>
        </div>
      )}
      <ModalDialog control={dialog} title={`${fiscalYearLabel(fiscalYear)}のX方針の開始`}>
        <StartForm waiting={waiting} action={start} onDone={dialog.close} />
      </ModalDialog>
    </div>
  );
}

function StartForm({ waiting, action, onDone }: { waiting: readonly XPolicySummary[]; action: ReturnType<typeof useStartXPolicies>; onDone: () => void }) {
  const [chosen, setChosen] = useState<ReadonlySet<string>>(() => new Set(waiting.map((item) => item.bureau.code)));
  const [missing, setMissing] = useState(false);
  useCloseWhenDone(action, onDone);
  const toggle = (code: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(code);
    else next.delete(code);
    setChosen(next);
    setMissing(false);
  };
  const send = (event: FormEvent) => {
    event.preventDefault();
    if (chosen.size === 0) {
      setMissing(true);
      return;
    }
    action.run({ bureauCodes: waiting.map((item) => item.bureau.code).filter((code) => chosen.has(code)) });
  };
  return (
    <form onSubmit={send} noValidate>
      <p>開始すると、選んだ局の担当職員が今年度の自己点検の項目に回答できるようになり、期限に向けた督促も始まります。開始は取り消せません。</p>
      <fieldset className="mt-3" aria-describedby={missing ? 'start-bureaus-problem' : undefined}>
        <legend className="text-std-16B-170">開始する局・区</legend>
        <ul className="mt-2 grid gap-1 sm:grid-cols-2">
          {waiting.map((item) => (
            <li key={item.bureau.code}>
              <label className="flex min-h-10 items-center gap-2">
                <input type="checkbox" className="size-6" checked={chosen.has(item.bureau.code)} onChange={(event) => toggle(item.bureau.code, event.target.checked)} />
                {item.bureau.name}
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      {missing && (
        <p id="start-bureaus-problem" className="mt-1 text-error-2">
          <span aria-hidden="true">⚠ </span>開始する局を一つ以上選んでください。
        </p>
      )}
      <ActionProblem problem={action.problem} onRetry={action.retry} />
      <div className="mt-4">
        <button type="submit" className={PRIMARY_BUTTON} disabled={action.pending}>
          {`${chosen.size}局で開始`}
        </button>
      </div>
    </form>
  );
}
