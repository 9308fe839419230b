import { type FormEvent, useEffect, useState } from 'react';
import { ActionProblem } from '../actions/action-problem';
import { PRIMARY_BUTTON, SECONDARY_BUTTON } from '../ui/button-styles';
import { ModalDialog, useCloseWhenDone, useModalDialog } from '../ui/modal-dialog';
import { ReasonForm } from '../approval/reason-form';
import { KickoffMeetingForm } from '../kickoff/kickoff-meeting-form';
import { useBureaus } from '../bureaus/bureaus.queries';
import { type ClusterAddress, type ClusterDetail, useCaseActions } from './cluster.queries';
import { textFieldClass } from '../ui/form-styles';

type CaseActions = ReturnType<typeof useCaseActions>;
const FIELD = textFieldClass();

/** The reform office's part: 着手, 取下げ, the owning bureau and whether the cluster is analysed this year. */
export function CaseActions({ cluster, detail, reportLabels }: { cluster: ClusterAddress; detail: ClusterDetail; reportLabels: Readonly<Record<string, string>> }) {
  const permitted = detail.permitted.case;
  const actions = useCaseActions(cluster);
  const kickoffDialog = useModalDialog();
  const withdrawDialog = useModalDialog();
  if (!permitted.kickoff && !permitted.withdraw && !permitted.changeOwningBureau && !permitted.changeAnalysed) return null;
  return (
    <section aria-labelledby="case-actions-heading" className="mt-8 rounded-8 border-2 border-blue-900 p-4">
      <h2 id="case-actions-heading" className="text-std-24B-150">
        市政変革室の操作
      </h2>
      <SettingsForm detail={detail} actions={actions} permitted={permitted} reportLabels={reportLabels} />
      <div className="mt-4 flex flex-wrap gap-3">
        {permitted.kickoff && (
          <button type="button" className={PRIMARY_BUTTON} onClick={kickoffDialog.open}>
            着手
          </button>
        )}
        {permitted.withdraw && (
          <button type="button" className={SECONDARY_BUTTON} onClick={withdrawDialog.open}>
            取下げ
          </button>
        )}
      </div>
      {!permitted.kickoff && detail.stage === 'NOT_STARTED' && !detail.owningBureau && <p className="mt-2">着手するには、先に所管局を設定してください。</p>}
      <ModalDialog control={kickoffDialog} title={`「${detail.name}」の経営分析に着手`}>
        <KickoffForm action={actions.kickoff} onDone={kickoffDialog.close} fiscalYear={cluster.fiscalYear} reportLabels={reportLabels} />
      </ModalDialog>
      <ModalDialog control={withdrawDialog} title={`「${detail.name}」の取下げ`}>
        <WithdrawForm action={actions.withdraw} onDone={withdrawDialog.close} reportLabels={reportLabels} />
      </ModalDialog>
    </section>
  );
}

function SettingsForm({
  detail,
  actions,
  permitted,
  reportLabels,
}: {
  detail: ClusterDetail;
  actions: CaseActions;
  permitted: ClusterDetail['permitted']['case'];
  reportLabels: Readonly<Record<string, string>>;
}) {
  const bureaus = useBureaus();
  const [bureau, setBureau] = useState(detail.owningBureau?.code ?? '');
  const [analysed, setAnalysed] = useState(detail.analysedThisYear);
  useEffect(() => setBureau(detail.owningBureau?.code ?? ''), [detail.owningBureau?.code]);
  useEffect(() => setAnalysed(detail.analysedThisYear), [detail.analysedThisYear]);
  const changed = bureau !== (detail.owningBureau?.code ?? '') || analysed !== detail.analysedThisYear;
  const send = (event: FormEvent) => {
    event.preventDefault();
    actions.change.run({
      ...(bureau && bureau !== detail.owningBureau?.code ? { owningBureauCode: bureau } : {}),
      ...(analysed !== detail.analysedThisYear ? { analysedThisYear: analysed } : {}),
    });
  };
  return (
    <form onSubmit={send} className="mt-3 flex flex-wrap items-end gap-4">
      {permitted.changeOwningBureau && (
        <label htmlFor="owning-bureau" className="flex flex-col text-std-16B-170">
          所管局
          <select id="owning-bureau" className={`${FIELD} min-h-12 font-normal`} value={bureau} onChange={(event) => setBureau(event.target.value)}>
            {!detail.owningBureau && <option value="">未設定</option>}
            {(bureaus.data?.items ?? (detail.owningBureau ? [detail.owningBureau] : [])).map((option) => (
              <option key={option.code} value={option.code}>
                {option.name}
              </option>
            ))}
          </select>
        </label>
      )}
      {permitted.changeAnalysed && (
        <label htmlFor="analysed" className="flex min-h-12 items-center gap-2 text-std-16N-170">
          <input id="analysed" type="checkbox" className="size-6" checked={analysed} onChange={(event) => setAnalysed(event.target.checked)} />
          今年度の経営分析の対象
        </label>
      )}
      <button type="submit" className={SECONDARY_BUTTON} disabled={!changed || actions.change.pending}>
        設定を変更
      </button>
      {actions.change.succeeded && !changed && <p role="status">設定を変更しました。</p>}
      <div className="w-full">
        <ActionProblem problem={actions.change.problem} onRetry={actions.change.retry} reportLabels={reportLabels} />
      </div>
    </form>
  );
}

function KickoffForm({
  action,
  onDone,
  fiscalYear,
  reportLabels,
}: {
  action: CaseActions['kickoff'];
  onDone: () => void;
  fiscalYear: number;
  reportLabels: Readonly<Record<string, string>>;
}) {
  useCloseWhenDone(action, onDone);
  return (
    <KickoffMeetingForm
      action={action}
      fiscalYear={fiscalYear}
      intro={<p>所管局と市政変革室の着手会議の記録を入力してください。着手すると報告書の作成が始まります。</p>}
      submitLabel="着手"
      reportLabels={reportLabels}
    />
  );
}

function WithdrawForm({ action, onDone, reportLabels }: { action: CaseActions['withdraw']; onDone: () => void; reportLabels: Readonly<Record<string, string>> }) {
  useCloseWhenDone(action, onDone);
  return (
    <ReasonForm
      id="withdraw-reason"
      label="取下げの理由"
      missingMessage="取下げの理由を入力してください。"
      intro={<p>取り下げると、今年度のこの事業群の経営分析は終了し、元に戻せません。</p>}
      submitLabel="取下げ"
      action={action}
      onSend={(reason) => action.run({ reason })}
      reportLabels={reportLabels}
    />
  );
}
