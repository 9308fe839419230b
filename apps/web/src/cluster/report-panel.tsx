import { ActionProblem } from '../actions/action-problem';
import { SECONDARY_BUTTON, PRIMARY_BUTTON } from '../ui/button-styles';
import { ApprovalChain } from '../approval/approval-chain';
import { DocumentStatus, ReturnNote } from '../approval/document-status';
import { type ClusterAddress, type ReportPermissions, type ReportView, useReportActions } from './cluster.queries';
import { DecisionButtons } from './decision-buttons';
import { DraftEditor } from './draft-editor';
import { type DraftAddress, forgetDraft } from '../drafts/local-draft';
import { VersionHistory } from './version-history';

const NOTHING_PERMITTED = { save: false, submit: false, recall: false, approve: false, return: false, delegate: false };

/** One report: its state, the 差戻し note, the editor or the chain, the decisions and the saved versions. */
export function ReportPanel({
  cluster,
  report,
  permitted,
  userId,
  reportLabels,
}: {
  cluster: ClusterAddress;
  report: ReportView;
  permitted: ReportPermissions | undefined;
  userId: string;
  reportLabels: Readonly<Record<string, string>>;
}) {
  const may = permitted ?? { kind: report.kind, ...NOTHING_PERMITTED };
  const baseVersion = report.versions.at(-1)?.version ?? 0;
  const address: DraftAddress = { scope: [userId, cluster.fiscalYear, cluster.no, report.kind], baseVersion };
  const actions = useReportActions(cluster, report.kind, () => forgetDraft(address));
  return (
    <div>
      <DocumentStatus document={report} className="" />
      {report.textsRestricted && (
        <p role="note" className="mt-4 rounded-8 border border-solid-gray-420 bg-solid-gray-50 p-4" aria-label="閲覧の制限">
          <span className="font-bold">本文・件名・コメントは表示されません。</span>
          {report.textsRestrictedReason}（段階・状態・決裁の経過は表示しています）
        </p>
      )}
      <ReturnNote document={report} />
      {may.save && <DraftEditor key={`${report.kind}-${baseVersion}`} report={report} address={address} save={actions.save} reportLabels={reportLabels} />}
      {(may.submit || may.recall || Boolean(actions.submit.problem ?? actions.recall.problem)) && (
        <div className="mt-4">
          <ActionProblem problem={actions.submit.problem ?? actions.recall.problem} onRetry={actions.submit.problem ? actions.submit.retry : actions.recall.retry} reportLabels={reportLabels} />
          <div className="flex flex-wrap items-center gap-3">
            {may.submit && (
              <button type="button" className={PRIMARY_BUTTON} disabled={actions.submit.pending} onClick={() => actions.submit.run()}>
                提出
              </button>
            )}
            {may.submit && <span>保存済みの最新の版（第{baseVersion}版）を決裁に回します。</span>}
            {may.recall && (
              <button type="button" className={SECONDARY_BUTTON} disabled={actions.recall.pending} onClick={() => actions.recall.run()}>
                引戻し
              </button>
            )}
            {may.recall && <span>最初の決裁者が決裁するまでは引き戻して修正できます。</span>}
          </div>
        </div>
      )}
      {!may.save && report.latest && report.status !== 'NOT_STARTED' && (
        <article aria-label="最新の版の本文" className="mt-6 rounded-8 border border-solid-gray-420 p-4">
          <h3 className="text-std-20B-150">
            第{report.latest.version}版：{report.latest.title}
          </h3>
          <p className="mt-2 whitespace-pre-wrap break-words">{report.latest.body || '（本文なし）'}</p>
        </article>
      )}
      <DecisionButtons cluster={cluster} report={report} permitted={may} actions={actions} reportLabels={reportLabels} />
      <ApprovalChain id={`chain-${report.kind}`} submission={report.submission} />
      <section aria-labelledby={`versions-${report.kind}-heading`} className="mt-6">
        <h3 id={`versions-${report.kind}-heading`} className="text-std-20B-150">
          保存された版
        </h3>
        <VersionHistory cluster={cluster} report={report} />
      </section>
    </div>
  );
}
