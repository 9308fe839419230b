import { APPROVAL_SCOPE_LABELS, ROLE_LABELS, Role, STAGE_LABELS, type ClusterStage } from '@app/domain';
import { useState } from 'react';
import { FormSubmitRow } from '../actions/form-submit-row';
import { SECONDARY_BUTTON } from '../ui/button-styles';
import { fieldHasProblem, FieldProblems } from '../ui/field-problems';
import { inputClass, LABEL } from '../ui/form-styles';
import { type LifecycleSettings, useSaveLifecycleSettings } from './settings.queries';

type Step = LifecycleSettings['approvalChain'][number];
type ReportKind = LifecycleSettings['reportKinds'][number];

const STEP_ROLES: Step['role'][] = [Role.Manager, Role.Director, Role.ReformOffice];
const REPORT_STAGES: ReportKind['stage'][] = ['INTERIM_REPORT', 'DIRECTION_REPORT', 'FINAL_REPORT'];

/** 報告書と決裁経路: the report kinds of the year and the chain each report is approved along. */
export function LifecycleSettingsForm({ fiscalYear, settings }: { fiscalYear: number; settings: LifecycleSettings }) {
  const [reportKinds, setReportKinds] = useState<ReportKind[]>(settings.reportKinds);
  const [chain, setChain] = useState<Step[]>(settings.approvalChain);
  const [openWhenApproved, setOpenWhenApproved] = useState(settings.approvedReportsReadableByAll);
  const save = useSaveLifecycleSettings(fiscalYear);
  const problem = save.problem;
  const setKind = (index: number, change: Partial<ReportKind>) => setReportKinds((kinds) => kinds.map((kind, at) => (at === index ? { ...kind, ...change } : kind)));
  const setStep = (index: number, change: Partial<Step>) => setChain((steps) => steps.map((step, at) => (at === index ? { ...step, ...change } : step)));

  return (
    <form
      aria-labelledby="lifecycle-settings-heading"
      className="rounded-8 border border-solid-gray-420 p-4 text-std-16N-170"
      onSubmit={(event) => {
        event.preventDefault();
        save.run({ reportKinds, approvalChain: chain, approvedReportsReadableByAll: openWhenApproved });
      }}
    >
      <h2 id="lifecycle-settings-heading" className="text-std-24B-150 text-solid-gray-900">
        報告書と決裁経路
      </h2>
      <p className="mt-1 text-solid-gray-700">変更は、これから着手する事業群に適用されます。着手済みの事業群は着手したときの設定のまま進みます。</p>

      <fieldset className="mt-4">
        <legend className="text-std-20B-150">報告書の種類</legend>
        <ul className="mt-2 flex flex-col gap-4">
          {reportKinds.map((kind, index) => (
            <li key={kind.slug} className="grid items-start gap-x-4 gap-y-2 md:grid-cols-[14rem_1fr_16rem]">
              <p className="md:pt-8">
                識別子：<code>{kind.slug}</code>
              </p>
              <div>
                <label htmlFor={`report-kind-${index}-label`} className={LABEL}>
                  名称<span className="sr-only">（識別子 {kind.slug}）</span>
                </label>
                <input
                  id={`report-kind-${index}-label`}
                  value={kind.label}
                  onChange={(event) => setKind(index, { label: event.target.value })}
                  aria-invalid={fieldHasProblem(problem, `reportKinds.${index}.label`)}
                  aria-describedby={`report-kind-${index}-label-problems`}
                  className={`${inputClass(fieldHasProblem(problem, `reportKinds.${index}.label`))} w-full`}
                />
                <FieldProblems problem={problem} field={`reportKinds.${index}.label`} id={`report-kind-${index}-label-problems`} />
              </div>
              <div>
                <label htmlFor={`report-kind-${index}-stage`} className={LABEL}>
                  段階<span className="sr-only">（識別子 {kind.slug}）</span>
                </label>
                <select id={`report-kind-${index}-stage`} value={kind.stage} onChange={(event) => setKind(index, { stage: event.target.value as ReportKind['stage'] })} className={`${inputClass()} w-full`}>
                  {REPORT_STAGES.map((stage) => (
                    <option key={stage} value={stage}>
                      {STAGE_LABELS[stage as ClusterStage]}
                    </option>
                  ))}
                </select>
              </div>
            </li>
          ))}
        </ul>
        <FieldProblems problem={problem} field="reportKinds" id="report-kinds-problems" />
      </fieldset>

      <fieldset className="mt-6">
        <legend className="text-std-20B-150">決裁経路（上から順に決裁します）</legend>
        <ol className="mt-2 flex flex-col gap-4">
          {chain.map((step, index) => (
            <li key={index} className="flex flex-wrap items-start gap-4">
              <p className="pt-8 font-bold">{index + 1}.</p>
              <div>
                <label htmlFor={`step-${index}-label`} className={LABEL}>
                  {index + 1}段目の名称
                </label>
                <input
                  id={`step-${index}-label`}
                  value={step.label}
                  onChange={(event) => setStep(index, { label: event.target.value })}
                  aria-invalid={fieldHasProblem(problem, `approvalChain.${index}.label`)}
                  aria-describedby={`step-${index}-label-problems`}
                  className={inputClass(fieldHasProblem(problem, `approvalChain.${index}.label`))}
                />
                <FieldProblems problem={problem} field={`approvalChain.${index}.label`} id={`step-${index}-label-problems`} />
              </div>
              <div>
                <label htmlFor={`step-${index}-role`} className={LABEL}>
                  {index + 1}段目の決裁者
                </label>
                <select id={`step-${index}-role`} value={step.role} onChange={(event) => setStep(index, { role: event.target.value as Step['role'] })} className={inputClass()}>
                  {STEP_ROLES.map((role) => (
                    <option key={role} value={role}>
                      {ROLE_LABELS[role as Role]}
                    </option>
                  ))}
                </select>
              </div>
              <div>
                <label htmlFor={`step-${index}-scope`} className={LABEL}>
                  {index + 1}段目の範囲
                </label>
                <select
                  id={`step-${index}-scope`}
                  value={step.scope}
                  onChange={(event) => setStep(index, { scope: event.target.value as Step['scope'] })}
                  aria-invalid={fieldHasProblem(problem, `approvalChain.${index}.scope`)}
                  aria-describedby={`step-${index}-scope-problems`}
                  className={inputClass(fieldHasProblem(problem, `approvalChain.${index}.scope`))}
                >
                  {Object.entries(APPROVAL_SCOPE_LABELS).map(([scope, label]) => (
                    <option key={scope} value={scope}>
                      {label}
                    </option>
                  ))}
                </select>
                <FieldProblems problem={problem} field={`approvalChain.${index}.scope`} id={`step-${index}-scope-problems`} />
              </div>
              <button type="button" className={`mt-8 ${SECONDARY_BUTTON}`} onClick={() => setChain((steps) => steps.filter((_, at) => at !== index))}>
                {index + 1}段目を削除
              </button>
            </li>
          ))}
        </ol>
        <FieldProblems problem={problem} field="approvalChain" id="approval-chain-problems" />
        <button type="button" className={`mt-3 ${SECONDARY_BUTTON}`} onClick={() => setChain((steps) => [...steps, { label: '', role: Role.Manager, scope: 'owning-bureau' }])}>
          決裁の段を追加
        </button>
      </fieldset>

      <fieldset className="mt-6">
        <legend className="text-std-20B-150">報告書の閲覧</legend>
        <p className="mt-1 text-solid-gray-700">
          報告書の本文・過去の版・決裁と差戻しのコメントは、所管局の職員、その報告書の決裁者と市政変革室だけが閲覧できます。この設定はこの年度の全ての事業群に直ちに適用されます。
        </p>
        <label htmlFor="approved-reports-readable-by-all" className="mt-2 flex items-center gap-2">
          <input
            id="approved-reports-readable-by-all"
            type="checkbox"
            className="size-6"
            checked={openWhenApproved}
            onChange={(event) => setOpenWhenApproved(event.target.checked)}
          />
          承認済みの報告書は全職員が閲覧できるようにする
        </label>
      </fieldset>

      <FormSubmitRow action={save} label="保存" doneLabel="保存しました" />
    </form>
  );
}
