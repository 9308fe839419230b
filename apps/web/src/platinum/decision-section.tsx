import { ActionProblem } from '../actions/action-problem';
import { ApprovalChain } from '../approval/approval-chain';
import { PRIMARY_BUTTON, SECONDARY_BUTTON } from '../ui/button-styles';
import { DecisionContent } from './decision-content';
import { DecisionEditor, type DecisionFields } from './decision-editor';
import { DecisionApproval } from './decision-approval';
import { DocumentStatus, ReturnNote } from '../approval/document-status';
import { RestrictedNote } from './restricted-note';
import { DocumentVersions } from './document-versions';
import type { ProposalActions, ProposalAddress, ProposalDetail } from './platinum.queries';
import type { useVersionedDraft } from './use-versioned-draft';

/** 制度所管局の結論: drafted by the owning bureau's staff and decided along 所管課長 → 所管局長. */
export function DecisionSection({
  proposal,
  detail,
  actions,
  draft,
}: {
  proposal: ProposalAddress;
  detail: ProposalDetail;
  actions: ProposalActions;
  draft: ReturnType<typeof useVersionedDraft<DecisionFields>>;
}) {
  const may = detail.permitted;
  const document = detail.decisionDocument;
  const latest = document.versions.at(-1)?.version ?? 0;
  const actProblem = actions.submitDecision.problem ?? actions.recallDecision.problem;
  return (
    <section aria-labelledby="decision-document-heading" className="mt-8">
      <h2 id="decision-document-heading" className="text-std-24B-150">
        制度所管局の結論
      </h2>
      {!detail.owningBureau ? (
        <p className="mt-2 text-std-16N-170">市政変革室が制度所管局を割り当てると、その局の担当職員が結論（採用・一部採用・不採用）を作成します。</p>
      ) : (
        <>
          <p className="mt-1 text-std-16N-170 text-solid-gray-700">
            {detail.owningBureau.name}の担当職員が作成し、所管課長、所管局長の順に決裁します。
          </p>
          <DocumentStatus document={document} />
          {detail.decisionRestricted && (
            <RestrictedNote>
              結論は所管局長の承認前のため、内容とコメントは制度所管局の職員、PTのメンバーと市政変革室だけが閲覧できます。段階と決裁の経過は表示しています。承認されると、結論が表示されます。
            </RestrictedNote>
          )}
          <ReturnNote document={document} />
          {may.saveDecision ? (
            <DecisionEditor detail={detail} draft={draft} save={actions.saveDecision} />
          ) : detail.decision ? (
            <article aria-label="制度所管局の結論の内容" className="mt-4 rounded-8 border border-solid-gray-420 p-4">
              <p className="mb-3 text-std-16N-170 text-solid-gray-700">
                第{latest}版{document.status === 'APPROVED' ? '（所管局長が承認した版）' : ''}
              </p>
              <DecisionContent decision={detail.decision} />
            </article>
          ) : (
            !detail.decisionRestricted && document.versions.length === 0 && <p className="mt-4 text-std-16N-170">結論はまだ作成されていません。</p>
          )}
          {(may.submitDecision || may.recallDecision || Boolean(actProblem)) && (
            <div className="mt-4 text-std-16N-170">
              <ActionProblem
                problem={actProblem}
                onRetry={actions.submitDecision.problem ? actions.submitDecision.retry : actions.recallDecision.retry}
               
              />
              <div className="flex flex-wrap items-center gap-3">
                {may.submitDecision && (
                  <button type="button" className={PRIMARY_BUTTON} disabled={actions.submitDecision.pending} onClick={() => actions.submitDecision.run()}>
                    結論を提出
                  </button>
                )}
                {may.submitDecision && (
                  <span>
                    保存済みの最新の版（第{latest}版）を所管課長の決裁に回します。{draft.edited ? '保存していない変更は提出されません。先に保存してください。' : ''}
                  </span>
                )}
                {may.recallDecision && (
                  <button type="button" className={SECONDARY_BUTTON} disabled={actions.recallDecision.pending} onClick={() => actions.recallDecision.run()}>
                    結論を引戻し
                  </button>
                )}
                {may.recallDecision && <span>最初の決裁者が決裁するまでは引き戻して修正できます。</span>}
              </div>
            </div>
          )}
          <DecisionApproval proposal={proposal} detail={detail} actions={actions} />
          <ApprovalChain id="decision-chain" submission={document.submission} />
          <DocumentVersions id="decision-versions" document={document} approvedTitle={detail.decision ? `結論（${detail.decision.outcomeLabel}）` : null} />
        </>
      )}
    </section>
  );
}
