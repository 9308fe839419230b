import { fiscalYearLabel } from '@app/domain';
import { useState } from 'react';
import { Link } from 'react-router';
import { ActionProblem } from '../actions/action-problem';
import { useFiscalYears } from '../home/home.queries';
import { paths } from '../routes/paths';
import { PRIMARY_BUTTON } from '../ui/button-styles';
import { fieldHasProblem, FieldProblems } from '../ui/field-problems';
import { inputClass, LABEL } from '../ui/form-styles';
import { TEXT_LINK } from '../ui/link-styles';
import { StatusLabel } from '../ui/status-label';
import { useCreateFiscalYear } from './settings.queries';

/** 次年度の作成: a new year as a copy of this one, and the years there are. */
export function NextFiscalYearForm({ fiscalYear }: { fiscalYear: number }) {
  const years = useFiscalYears();
  const [target, setTarget] = useState(String(fiscalYear + 1));
  const [created, setCreated] = useState<number | null>(null);
  const create = useCreateFiscalYear(fiscalYear, (year) => setCreated(year.fiscalYear));
  const problem = create.problem;

  return (
    <section aria-labelledby="next-year-heading" className="rounded-8 border border-solid-gray-420 p-4 text-std-16N-170">
      <h2 id="next-year-heading" className="text-std-24B-150 text-solid-gray-900">
        この年度から次の年度を作成
      </h2>
      <p className="mt-1 text-solid-gray-700">
        {fiscalYearLabel(fiscalYear)}の事業群・X会議の日程（年を繰り上げて暫定扱い）・報告書と決裁経路・期限と督促の設定を複製して、新しい年度を作ります。
      </p>
      <form
        className="mt-4 flex flex-wrap items-end gap-4"
        onSubmit={(event) => {
          event.preventDefault();
          create.run({ fiscalYear: Number(target) });
        }}
      >
        <div>
          <label htmlFor="new-fiscal-year" className={LABEL}>
            作成する年度（西暦）
          </label>
          <input
            id="new-fiscal-year"
            type="number"
            inputMode="numeric"
            value={target}
            onChange={(event) => setTarget(event.target.value)}
            aria-invalid={fieldHasProblem(problem, 'fiscalYear')}
            aria-describedby="new-fiscal-year-problems"
            className={`${inputClass(fieldHasProblem(problem, 'fiscalYear'))} w-32`}
          />
        </div>
        <button type="submit" className={PRIMARY_BUTTON} disabled={create.pending}>
          年度を作成
        </button>
      </form>
      <FieldProblems problem={problem} field="fiscalYear" id="new-fiscal-year-problems" />
      <ActionProblem problem={problem} onRetry={create.retry} />
      {create.succeeded && created !== null && (
        <p role="status" className="mt-2">
          <StatusLabel tone="info">作成しました</StatusLabel>
          <span className="ml-2">
            新しい年度では、どの事業群もまだ経営分析の対象になっていません。
            <Link to={paths.board(created)} className={TEXT_LINK}>
              {fiscalYearLabel(created)}の進捗ボード
            </Link>
            で事業群を選んで設定してください。
          </span>
        </p>
      )}
      <h3 className="mt-6 text-std-20B-150">登録されている年度</h3>
      {years.data && (
        <ul className="mt-2 list-disc pl-6" aria-label="登録されている年度">
          {years.data.map((year) => (
            <li key={year.fiscalYear}>
              <Link to={paths.settings(year.fiscalYear)} className={TEXT_LINK}>
                {year.label}（{year.fiscalYear}年度）
              </Link>
              ：事業群 {year.clusterCount}件{year.copiedFrom ? `・${fiscalYearLabel(year.copiedFrom)}から複製` : ''}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
