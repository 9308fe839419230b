import { type FormEvent, useState } from 'react';
import { ActionProblem } from '../actions/action-problem';
import { PRIMARY_BUTTON } from '../ui/button-styles';
import { OvertakenNote } from './overtaken-note';
import type { ProposalActions, ProposalAddress, ProposalDetail } from './platinum.queries';
import { ProposalContent } from './proposal-content';
import { ProposalForm, proposalRequestOf, type ProposalFields } from './proposal-form';
import type { useVersionedDraft } from './use-versioned-draft';

/**
 * The next version of the proposal, for a member of the PT. It is saved on top of the version the
 * editor started from (If-Match): if someone saved since, nothing is saved and the page says so.
 */
export function ProposalEditor({
  proposal,
  detail,
  draft,
  save,
}: {
  proposal: ProposalAddress;
  detail: ProposalDetail;
  draft: ReturnType<typeof useVersionedDraft<ProposalFields>>;
  save: ProposalActions['save'];
}) {
  const [localProblems, setLocalProblems] = useState<Partial<Record<keyof ProposalFields, string>>>({});
  const idPrefix = `proposal-${proposal.id}`;
  const send = (event: FormEvent) => {
    event.preventDefault();
    const checked = proposalRequestOf(draft.text);
    if ('problems' in checked) {
      setLocalProblems(checked.problems);
      document.getElementById(`${idPrefix}-${Object.keys(checked.problems)[0]}`)?.focus();
      return;
    }
    setLocalProblems({});
    save.run({ content: checked.request, basedOnVersion: draft.base });
  };
  const latest = detail.proposalDocument.versions.at(-1)?.version ?? 0;
  return (
    <form onSubmit={send} noValidate aria-labelledby={`${idPrefix}-editor-heading`} className="mt-4 rounded-8 border border-solid-gray-420 p-4 text-std-16N-170">
      <h3 id={`${idPrefix}-editor-heading`} className="text-std-20B-150">
        提案の下書き（第{latest + 1}版として保存）
      </h3>
      {draft.overtakenBy !== null && detail.content && (
        <OvertakenNote document={detail.proposalDocument} base={draft.base} latest={draft.overtakenBy} onGoOn={() => {
            draft.goOnFromLatest();
            save.reset();
          }}
          onTakeLatest={() => {
            draft.takeLatest();
            save.reset();
          }}
        >
          <p className="text-std-16B-170">{detail.content.title}</p>
          <ProposalContent fiscalYear={proposal.fiscalYear} content={detail.content} headingLevel={4} />
        </OvertakenNote>
      )}
      <div className="mt-3">
        <ProposalForm fiscalYear={proposal.fiscalYear} idPrefix={idPrefix} fields={draft.text} onChange={draft.setText} localProblems={localProblems} problem={save.problem} />
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
