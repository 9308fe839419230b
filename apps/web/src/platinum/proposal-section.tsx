import { ActionProblem } from '../actions/action-problem';
import { ApprovalChain } from '../approval/approval-chain';
import { PRIMARY_BUTTON, SECONDARY_BUTTON } from '../ui/button-styles';
import { ApprovalDecision } from '../approval/approval-decision';
import { DocumentStatus, ReturnNote } from '../approval/document-status';
import { RestrictedNote } from './restricted-note';
import { DocumentVersions } from './document-versions';
import { pendingStepOf, type ProposalActions, type ProposalAddress, type ProposalDetail } from './platinum.queries';
import { ProposalContent } from './proposal-content';
import { ProposalEditor } from './proposal-editor';
import type { ProposalFields } from './proposal-form';
import type { useVersionedDraft } from './use-versioned-draft';

/** 提案: its words (or its editor for the PT), 提出 and 引戻し, the PT leader's 承認 and 差戻し, the chain and the versions. */
export function ProposalSection({
  proposal,
  detail,
  actions,
  draft,
}: {
  proposal: ProposalAddress;
  detail: ProposalDetail;
  actions: ProposalActions;
  draft: ReturnType<typeof useVersionedDraft<ProposalFields>>;
}) {
  const may = detail.permitted;
  const document = detail.proposalDocument;
  const latest = document.versions.at(-1)?.version ?? 0;
  const actProblem = actions.submit.problem ?? actions.recall.problem;
  return (
    <section aria-labelledby="proposal-document-heading" className="mt-8">
      <h2 id="proposal-document-heading" className="text-std-24B-150">
        提案
      </h2>
      <DocumentStatus document={document} />
      {detail.proposalRestricted && (
        <RestrictedNote>
          この提案はPTリーダーの承認前のため、件名・内容・コメントはPTのメンバーと市政変革室だけが閲覧できます。段階と決裁の経過は表示しています。承認されると、内容が表示されます。
        </RestrictedNote>
      )}
      <ReturnNote document={document} />
      {may.save ? (
        <ProposalEditor proposal={proposal} detail={detail} draft={draft} save={actions.save} />
      ) : (
        detail.content && (
          <article aria-label="提案の内容" className="mt-4 rounded-8 border border-solid-gray-420 p-4">
            <p className="mb-3 text-std-16N-170 text-solid-gray-700">
              第{latest}版{document.status === 'APPROVED' ? '（PTリーダーが承認した版）' : ''}
            </p>
            <ProposalContent fiscalYear={proposal.fiscalYear} content={detail.content} />
          </article>
        )
      )}
      {(may.submit || may.recall || Boolean(actProblem)) && (
        <div className="mt-4 text-std-16N-170">
          <ActionProblem problem={actProblem} onRetry={actions.submit.problem ? actions.submit.retry : actions.recall.retry} />
          <div className="flex flex-wrap items-center gap-3">
            {may.submit && (
              <button type="button" className={PRIMARY_BUTTON} disabled={actions.submit.pending} onClick={() => actions.submit.run()}>
                提出
              </button>
            )}
            {may.submit && (
              <span>
                保存済みの最新の版（第{latest}版）をPTリーダーの決裁に回します。{draft.edited ? '保存していない変更は提出されません。先に保存してください。' : ''}
              </span>
            )}
            {may.recall && (
              <button type="button" className={SECONDARY_BUTTON} disabled={actions.recall.pending} onClick={() => actions.recall.run()}>
                引戻し
              </button>
            )}
            {may.recall && <span>PTリーダーが決裁するまでは引き戻して修正できます。</span>}
          </div>
        </div>
      )}
      {/* The PT leader's step is the leader's own: the 決裁 core does not let it be handed on (代理). */}
      <ApprovalDecision
        id="proposal-decision"
        stepLabel={pendingStepOf(document)}
        documentLabel="提案"
        permitted={{ approve: may.approve, return: may.return }}
        approve={actions.approve}
        sendBack={actions.sendBack}
        returnHint="PTのメンバーに表示されます。何をどう直せばよいかを書いてください。"
      />
      <ApprovalChain id="proposal-chain" submission={document.submission} />
      <DocumentVersions id="proposal-versions" document={document} approvedTitle={detail.title} />
    </section>
  );
}
