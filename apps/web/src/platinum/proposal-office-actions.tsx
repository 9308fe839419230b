import { type FormEvent, useState } from 'react';
import { ActionProblem } from '../actions/action-problem';
import { useBureaus } from '../bureaus/bureaus.queries';
import { ReasonForm } from '../approval/reason-form';
import { PRIMARY_BUTTON, SECONDARY_BUTTON } from '../ui/button-styles';
import { FieldProblems, fieldHasProblem } from '../ui/field-problems';
import { inputClass } from '../ui/form-styles';
import { ModalDialog, useCloseWhenDone, useModalDialog } from '../ui/modal-dialog';
import type { ProposalActions, ProposalDetail } from './platinum.queries';

/** The reform office's part: the owning and concerned bureaus, and 取下げ. */
export function ProposalOfficeActions({ detail, actions }: { detail: ProposalDetail; actions: ProposalActions }) {
  const withdrawDialog = useModalDialog();
  const may = detail.permitted;
  if (!may.assign && !may.withdraw) return null;
  return (
    <section aria-labelledby="proposal-office-heading" className="mt-8 rounded-8 border-2 border-blue-900 p-4 text-std-16N-170">
      <h2 id="proposal-office-heading" className="text-std-24B-150">
        市政変革室の操作
      </h2>
      {may.assign && <AssignForm detail={detail} action={actions.assign} />}
      {may.withdraw && (
        <div className="mt-4">
          <button type="button" className={SECONDARY_BUTTON} onClick={withdrawDialog.open}>
            取下げ
          </button>
        </div>
      )}
      <ModalDialog control={withdrawDialog} title={`提案 No.${detail.id} の取下げ`}>
        <WithdrawForm action={actions.withdraw} onDone={withdrawDialog.close} />
      </ModalDialog>
    </section>
  );
}

/** 割当て: the bureau that owns the rule decides; the concerned bureaus' directors state their response policies. */
function AssignForm({ detail, action }: { detail: ProposalDetail; action: ProposalActions['assign'] }) {
  const bureaus = useBureaus();
  const [owning, setOwning] = useState(detail.owningBureau?.code ?? '');
  const [concerned, setConcerned] = useState<string[]>(detail.concernedBureaus.map((bureau) => bureau.code));
  // Checked from the first 割当て on, then as the person chooses: a message goes as soon as its choice is made.
  const [checking, setChecking] = useState(false);
  const missing = { owning: checking && owning === '', concerned: checking && concerned.length === 0 };
  const send = (event: FormEvent) => {
    event.preventDefault();
    setChecking(true);
    if (owning === '' || concerned.length === 0) return;
    action.run({ owningBureau: owning, concernedBureaus: concerned });
  };
  const toggle = (code: string, on: boolean) => setConcerned((old) => (on ? [...old, code] : old.filter((candidate) => candidate !== code)));
  return (
    <form onSubmit={send} noValidate className="mt-3" aria-labelledby="assign-heading">
      <h3 id="assign-heading" className="text-std-20B-150">
        制度所管局と関係局の割当て
      </h3>
      <p className="mt-1 text-solid-gray-700">
        {detail.owningBureau ? '制度所管局が結論の作成を始めるまでは、割当てを変えられます。' : 'PTリーダーが承認した提案です。対象の制度・規程を所管する局と、対応方針を述べる関係局を選んでください。'}
      </p>
      <div className="mt-3">
        <label htmlFor="assign-owning" className="text-std-16B-170">
          制度所管局 <span className="text-error-2">（必須）</span>
        </label>
        <select
          id="assign-owning"
          className={inputClass(Boolean(missing.owning) || fieldHasProblem(action.problem, 'owningBureau'))}
          value={owning}
          aria-invalid={Boolean(missing.owning)}
          aria-describedby="assign-owning-problems"
          onChange={(event) => setOwning(event.target.value)}
        >
          <option value="">選んでください</option>
          {bureaus.data?.items.map((bureau) => (
            <option key={bureau.code} value={bureau.code}>
              {bureau.name}
            </option>
          ))}
        </select>
        {missing.owning && (
          <p className="mt-1 text-error-2">
            <span aria-hidden="true">⚠ </span>制度所管局を選んでください。
          </p>
        )}
        <FieldProblems problem={action.problem} field="owningBureau" id="assign-owning-problems" />
      </div>
      <fieldset className="mt-4" aria-describedby="assign-concerned-hint">
        <legend className="text-std-16B-170">
          関係局（対応方針を述べる局） <span className="text-error-2">（一つ以上）</span>
        </legend>
        <p id="assign-concerned-hint" className="text-solid-gray-700">
          制度所管局自身も対応方針を述べるときは、関係局にも選んでください。
        </p>
        <div className="mt-1 grid gap-x-6 sm:grid-cols-2 lg:grid-cols-3">
          {bureaus.data?.items.map((bureau) => (
            <label key={bureau.code} className="inline-flex min-h-10 items-center gap-2">
              <input type="checkbox" className="size-6" checked={concerned.includes(bureau.code)} onChange={(event) => toggle(bureau.code, event.target.checked)} />
              {bureau.name}
            </label>
          ))}
        </div>
        {missing.concerned && (
          <p className="mt-1 text-error-2">
            <span aria-hidden="true">⚠ </span>関係局を一つ以上選んでください。
          </p>
        )}
      </fieldset>
      <ActionProblem problem={action.problem} onRetry={action.retry} />
      <div className="mt-4 flex flex-wrap items-center gap-4">
        <button type="submit" className={PRIMARY_BUTTON} disabled={action.pending}>
          {detail.owningBureau ? '割当てを変更' : '割り当てる'}
        </button>
        {action.succeeded && <p role="status">割り当てました。</p>}
      </div>
    </form>
  );
}

function WithdrawForm({ action, onDone }: { action: ProposalActions['withdraw']; onDone: () => void }) {
  useCloseWhenDone(action, onDone);
  return (
    <ReasonForm
      id="proposal-withdraw-reason"
      label="取下げの理由"
      missingMessage="取下げの理由を入力してください。"
      intro={<p>取り下げると、この提案の検討は終わり、元に戻せません。理由は提案の履歴に残り、関係者に表示されます。</p>}
      submitLabel="取下げ"
      action={action}
      onSend={(reason) => action.run({ reason })}
      reportLabels={{}}
    />
  );
}
