import { DECISION_OUTCOME_LABELS, DECISION_OUTCOMES, DecisionOutcome, PROPOSAL_TEXT_MAX_LENGTH } from '@app/domain';
import { type FormEvent, useState } from 'react';
import { ActionProblem } from '../actions/action-problem';
import { isApiProblem } from '../api/api-problem';
import { PRIMARY_BUTTON } from '../ui/button-styles';
import { textFieldClass } from '../ui/form-styles';
import { DecisionContent } from './decision-content';
import { OvertakenNote } from './overtaken-note';
import type { DecisionRequest, ProposalActions, ProposalDetail } from './platinum.queries';
import type { useVersionedDraft } from './use-versioned-draft';

/** The decision as the form holds it: no outcome until one is chosen. */
export interface DecisionFields {
  readonly outcome: DecisionOutcome | '';
  readonly reasons: string;
  readonly changes: string;
  readonly changeBy: string;
}

export const decisionFieldsOf = (decision: ProposalDetail['decision']): DecisionFields =>
  decision ? { outcome: decision.outcome as DecisionOutcome, reasons: decision.reasons, changes: decision.changes, changeBy: decision.changeBy } : { outcome: '', reasons: '', changes: '', changeBy: '' };

const adopted = (outcome: DecisionFields['outcome']) => outcome === DecisionOutcome.Adopt || outcome === DecisionOutcome.AdoptInPart;

/**
 * 制度所管局の結論 for the owning bureau's staff: 採用 / 一部採用 / 不採用, the reasons and, when
 * adopted, what changes by when. Saved on top of the version the edit started from (If-Match).
 */
export function DecisionEditor({ detail, draft, save }: { detail: ProposalDetail; draft: ReturnType<typeof useVersionedDraft<DecisionFields>>; save: ProposalActions['saveDecision'] }) {
  const [outcomeMissing, setOutcomeMissing] = useState(false);
  const fields = draft.text;
  const set = (change: Partial<DecisionFields>) => draft.setText({ ...fields, ...change });
  const problemsOf = (field: string) => (isApiProblem(save.problem) ? save.problem.fieldProblems(field) : []);
  const latest = detail.decisionDocument.versions.at(-1)?.version ?? 0;
  const send = (event: FormEvent) => {
    event.preventDefault();
    if (fields.outcome === '') {
      setOutcomeMissing(true);
      document.getElementById(`decision-outcome-${DECISION_OUTCOMES[0]}`)?.focus();
      return;
    }
    setOutcomeMissing(false);
    // What changes by when belongs to an adoption: a 不採用 is saved without it.
    const content: DecisionRequest = adopted(fields.outcome)
      ? { outcome: fields.outcome, reasons: fields.reasons, changes: fields.changes, changeBy: fields.changeBy }
      : { outcome: fields.outcome, reasons: fields.reasons, changes: '', changeBy: '' };
    save.run({ content, basedOnVersion: draft.base });
  };
  const textField = (key: 'reasons' | 'changes' | 'changeBy', label: string, hint: string, tall: boolean) => {
    const problems = problemsOf(key);
    const id = `decision-${key}`;
    return (
      <div key={key}>
        <label htmlFor={id} className="text-std-16B-170">
          {label}
        </label>
        <p id={`${id}-hint`} className="text-solid-gray-700">
          {hint}
        </p>
        {tall ? (
          <textarea
            id={id}
            className={`${textFieldClass(problems.length > 0)} min-h-32`}
            maxLength={PROPOSAL_TEXT_MAX_LENGTH}
            value={fields[key]}
            aria-invalid={problems.length > 0}
            aria-describedby={`${id}-hint${problems.length > 0 ? ` ${id}-problems` : ''}`}
            onChange={(event) => set({ [key]: event.target.value })}
          />
        ) : (
          <input
            id={id}
            className={`${textFieldClass(problems.length > 0)} max-w-md`}
            maxLength={PROPOSAL_TEXT_MAX_LENGTH}
            value={fields[key]}
            aria-invalid={problems.length > 0}
            aria-describedby={`${id}-hint${problems.length > 0 ? ` ${id}-problems` : ''}`}
            onChange={(event) => set({ [key]: event.target.value })}
          />
        )}
        {problems.length > 0 && (
          <p id={`${id}-problems`} className="mt-1 text-error-2">
            <span aria-hidden="true">⚠ </span>
            {problems.join('。')}
          </p>
        )}
      </div>
    );
  };
  return (
    <form onSubmit={send} noValidate aria-labelledby="decision-editor-heading" className="mt-4 rounded-8 border border-solid-gray-420 p-4 text-std-16N-170">
      <h3 id="decision-editor-heading" className="text-std-20B-150">
        結論の下書き（第{latest + 1}版として保存）
      </h3>
      {draft.overtakenBy !== null && detail.decision && (
        <OvertakenNote
          document={detail.decisionDocument}
          base={draft.base}
          latest={draft.overtakenBy}
          onGoOn={() => {
            draft.goOnFromLatest();
            save.reset();
          }}
          onTakeLatest={() => {
            draft.takeLatest();
            save.reset();
          }}
        >
          <DecisionContent decision={detail.decision} headingLevel={4} />
        </OvertakenNote>
      )}
      <div className="mt-3 flex flex-col gap-4">
        <fieldset aria-describedby={outcomeMissing ? 'decision-outcome-problem' : undefined}>
          <legend className="text-std-16B-170">
            結論 <span className="text-error-2">（必須）</span>
          </legend>
          <div className="mt-1 flex flex-wrap gap-x-6">
            {DECISION_OUTCOMES.map((outcome) => (
              <label key={outcome} className="inline-flex min-h-10 items-center gap-2">
                <input
                  id={`decision-outcome-${outcome}`}
                  type="radio"
                  name="decision-outcome"
                  className="size-6"
                  checked={fields.outcome === outcome}
                  onChange={() => {
                    set({ outcome });
                    setOutcomeMissing(false);
                  }}
                />
                {DECISION_OUTCOME_LABELS[outcome]}
              </label>
            ))}
          </div>
          {outcomeMissing && (
            <p id="decision-outcome-problem" className="mt-1 text-error-2">
              <span aria-hidden="true">⚠ </span>採用・一部採用・不採用のどれかを選んでください。
            </p>
          )}
        </fieldset>
        {textField('reasons', '理由', '結論に至った理由。提出には理由が必要です。', true)}
        {adopted(fields.outcome) && (
          <>
            {textField('changes', '何を変えるか', '改正・廃止する規程や様式、手続の変更点。', true)}
            {textField('changeBy', 'いつまでに', '例：令和9年4月1日施行', false)}
          </>
        )}
      </div>
      <ActionProblem problem={save.problem} onRetry={save.retry} />
      <div className="mt-4 flex flex-wrap items-center gap-4">
        <button type="submit" className={PRIMARY_BUTTON} disabled={save.pending}>
          保存
        </button>
        <span role="status">{save.pending ? '保存しています…' : draft.edited ? '未保存の変更があります' : ''}</span>
      </div>
    </form>
  );
}
