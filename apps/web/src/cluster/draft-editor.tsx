import { REPORT_BODY_MAX_LENGTH, REPORT_TITLE_MAX_LENGTH } from '@app/domain';
import { type FormEvent, useState } from 'react';
import { ActionProblem } from '../actions/action-problem';
import { isApiProblem } from '../api/api-problem';
import { PRIMARY_BUTTON } from '../ui/button-styles';
import type { Action } from '../actions/use-action';
import { type DraftAddress, useLocalDraft } from '../drafts/local-draft';
import { RestoredDraftNote } from '../drafts/restored-draft-note';
import type { DraftSave, ReportView } from './cluster.queries';
import { textFieldClass } from '../ui/form-styles';

const FIELD = textFieldClass();

interface DraftText {
  readonly title: string;
  readonly body: string;
}

const readDraftText = (stored: unknown): DraftText | null => {
  const text = stored as Partial<DraftText> | null;
  return text && typeof text.title === 'string' && typeof text.body === 'string' ? { title: text.title, body: text.body } : null;
};

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
  const saved: DraftText = { title: report.latest?.title ?? '', body: report.latest?.body ?? '' };
  const draft = useLocalDraft(address, saved, readDraftText);
  const [titleMissing, setTitleMissing] = useState(false);
  const problem = isApiProblem(save.problem) ? save.problem : null;
  const titleProblems = [...(titleMissing ? ['件名を入力してください'] : []), ...(problem?.fieldProblems('title') ?? [])];
  const bodyProblems = problem?.fieldProblems('body') ?? [];
  const id = `draft-${report.kind}`;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (draft.value.title.trim() === '') {
      setTitleMissing(true);
      document.getElementById(`${id}-title`)?.focus();
      return;
    }
    setTitleMissing(false);
    // Saved on top of the version the editor shows: if someone saved since, the engine answers 412 and keeps nothing twice.
    save.run({ ...draft.value, basedOnVersion: address.baseVersion });
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby={`${id}-heading`} className="mt-6 rounded-8 border border-solid-gray-420 p-4">
      <h3 id={`${id}-heading`} className="text-std-20B-150">
        下書き（第{(report.versions.at(-1)?.version ?? 0) + 1}版として保存）
      </h3>
      <RestoredDraftNote
        draft={draft}
        onOlderVersion={(from) =>
          `第${from}版をもとに編集していた控えを復元しました。その後、別の人が第${address.baseVersion}版を保存しています。下の「保存された版」で第${address.baseVersion}版との違いを確かめてから保存してください。`
        }
      />
      <div className="mt-3">
        <label htmlFor={`${id}-title`} className="text-std-16B-170">
          件名 <span className="text-error-2">（必須）</span>
        </label>
        <input
          id={`${id}-title`}
          className={FIELD}
          value={draft.value.title}
          maxLength={REPORT_TITLE_MAX_LENGTH}
          aria-invalid={titleProblems.length > 0}
          aria-describedby={titleProblems.length > 0 ? `${id}-title-problems` : undefined}
          onChange={(event) => {
            draft.setValue({ ...draft.value, title: event.target.value });
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
          value={draft.value.body}
          maxLength={REPORT_BODY_MAX_LENGTH}
          aria-invalid={bodyProblems.length > 0}
          aria-describedby={`${id}-body-hint`}
          onChange={(event) => draft.setValue({ ...draft.value, body: event.target.value })}
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
          {save.pending ? '保存しています…' : draft.unsaved ? '未保存の変更があります（このブラウザに控えを残しています）' : ''}
        </span>
      </div>
    </form>
  );
}

