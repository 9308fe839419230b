import { REPORT_BODY_MAX_LENGTH, REPORT_TITLE_MAX_LENGTH } from '@app/domain';
import { type FormEvent, useState } from 'react';
import { ActionProblem } from '../actions/action-problem';
import { isApiProblem } from '../api/api-problem';
import { PRIMARY_BUTTON, SECONDARY_BUTTON } from '../ui/button-styles';
import type { Action } from '../actions/use-action';
import { type DraftAddress, forgetDraft, useLocalDraft } from './local-draft';
import type { DraftSave, ReportView } from './cluster.queries';
import { textFieldClass } from '../ui/form-styles';

const FIELD = textFieldClass();

/**
 * 件名と本文 of the next version. What is typed is kept in this browser until 保存 succeeds; the
 * editor is drawn afresh for each saved version, so a kept draft belongs to the version it was typed on.
 */
export function DraftEditor({
  report,
  address,
  save,
  reportLabels,
}: {
  report: ReportView;
  address: DraftAddress;
  save: Action<DraftSave>;
  reportLabels: Readonly<Record<string, string>>;
}) {
  const saved = { title: report.latest?.title ?? '', body: report.latest?.body ?? '' };
  const draft = useLocalDraft(address, saved);
  const [titleMissing, setTitleMissing] = useState(false);
  const problem = isApiProblem(save.problem) ? save.problem : null;
  const titleProblems = [...(titleMissing ? ['件名を入力してください'] : []), ...(problem?.fieldProblems('title') ?? [])];
  const bodyProblems = problem?.fieldProblems('body') ?? [];
  const id = `draft-${report.kind}`;
  const unsaved = draft.text.title !== saved.title || draft.text.body !== saved.body;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (draft.text.title.trim() === '') {
      setTitleMissing(true);
      document.getElementById(`${id}-title`)?.focus();
      return;
    }
    setTitleMissing(false);
    // Saved on top of the version the editor shows: if someone saved since, the engine answers 412 and keeps nothing twice.
    save.run({ ...draft.text, basedOnVersion: address.baseVersion });
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby={`${id}-heading`} className="mt-6 rounded-8 border border-solid-gray-420 p-4">
      <h3 id={`${id}-heading`} className="text-std-20B-150">
        下書き（第{(report.versions.at(-1)?.version ?? 0) + 1}版として保存）
      </h3>
      {draft.restored && (
        <div role="status" className="mt-2 rounded-8 border-2 border-blue-900 bg-blue-50 p-3 text-std-16N-170">
          <p>
            <span aria-hidden="true">● </span>
            {draft.restoredFrom === null
              ? '保存していない入力内容を、このブラウザに残っていた控えから復元しました。内容を確認して保存してください。'
              : `第${draft.restoredFrom}版をもとに編集していた控えを復元しました。その後、別の人が第${address.baseVersion}版を保存しています。下の「保存された版」で第${address.baseVersion}版との違いを確かめてから保存してください。`}
          </p>
          <div className="mt-2 flex flex-wrap gap-2">
            <button type="button" className={SECONDARY_BUTTON} onClick={draft.dismissNote}>
              このまま編集を続ける
            </button>
            <button type="button" className={SECONDARY_BUTTON} onClick={draft.discard}>
              控えを破棄して保存済みの内容に戻す
            </button>
          </div>
        </div>
      )}
      <div className="mt-3">
        <label htmlFor={`${id}-title`} className="text-std-16B-170">
          件名 <span className="text-error-2">（必須）</span>
        </label>
        <input
          id={`${id}-title`}
          className={FIELD}
          value={draft.text.title}
          maxLength={REPORT_TITLE_MAX_LENGTH}
          aria-invalid={titleProblems.length > 0}
          aria-describedby={titleProblems.length > 0 ? `${id}-title-problems` : undefined}
          onChange={(event) => {
            draft.setText({ ...draft.text, title: event.target.value });
            setTitleMissing(false);
          }}
        />
        {titleProblems.length > 0 && (
          <p id={`${id}-title-problems`} className="mt-1 text-std-16N-170 text-error-2">
            <span aria-hidden="true">⚠ </span>
            {titleProblems.join('。')}
          </p>
        )}
      </div>
      <div className="mt-3">
        <label htmlFor={`${id}-body`} className="text-std-16B-170">
          本文
        </label>
        <textarea
          id={`${id}-body`}
          className={`${FIELD} min-h-60`}
          value={draft.text.body}
          maxLength={REPORT_BODY_MAX_LENGTH}
          aria-invalid={bodyProblems.length > 0}
          aria-describedby={`${id}-body-hint`}
          onChange={(event) => draft.setText({ ...draft.text, body: event.target.value })}
        />
        <p id={`${id}-body-hint`} className="mt-1 text-std-16N-170 text-solid-gray-700">
          本文が空の下書きは保存できますが、提出できません。{bodyProblems.join('。')}
        </p>
      </div>
      <ActionProblem problem={save.problem} onRetry={save.retry} reportLabels={reportLabels} />
      <div className="mt-3 flex flex-wrap items-center gap-4">
        <button type="submit" className={PRIMARY_BUTTON} disabled={save.pending}>
          保存
        </button>
        <span role="status" className="text-std-16N-170">
          {save.pending ? '保存しています…' : unsaved ? '未保存の変更があります（このブラウザに控えを残しています）' : ''}
        </span>
      </div>
    </form>
  );
}

export { forgetDraft };
