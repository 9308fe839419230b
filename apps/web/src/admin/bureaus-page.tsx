import { Role } from '@app/domain';
import { useEffect, useState } from 'react';
import { FormSubmitRow } from '../actions/form-submit-row';
import { RequireRole } from '../session/permission';
import { ErrorNotice } from '../ui/error-notice';
import { fieldHasProblem, FieldProblems } from '../ui/field-problems';
import { inputClass, LABEL } from '../ui/form-styles';
import { Loading } from '../ui/loading';
import { AdminNav } from './admin-nav';
import { useBureaus } from '../bureaus/bureaus.queries';
import { useCreateBureau } from './admin.queries';

/** 局の管理: the bureaus users and clusters belong to, and adding one. */
export function BureausPage() {
  useEffect(() => {
    document.title = '局の管理｜市政変革 ワークフロー';
  }, []);
  return (
    <RequireRole role={Role.Admin} roleLabel="システム管理者">
      <Bureaus />
    </RequireRole>
  );
}

function Bureaus() {
  const bureaus = useBureaus();
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const create = useCreateBureau(() => {
    setCode('');
    setName('');
  });
  const problem = create.problem;

  return (
    <>
      <AdminNav />
      <h1 className="text-std-32B-150 text-solid-gray-900">局の管理</h1>
      <form
        aria-labelledby="new-bureau-heading"
        className="mt-6 rounded-8 border border-solid-gray-420 p-4 text-std-16N-170"
        onSubmit={(event) => {
          event.preventDefault();
          create.run({ code, name });
        }}
      >
        <h2 id="new-bureau-heading" className="text-std-24B-150">
          局を追加
        </h2>
        <div className="mt-4 flex flex-wrap items-start gap-4">
          <div>
            <label htmlFor="bureau-code" className={LABEL}>
              局コード
            </label>
            <p id="bureau-code-hint" className="text-solid-gray-700">
              英数字・ハイフン・下線の40文字以内（例：kodomo）
            </p>
            <input
              id="bureau-code"
              value={code}
              onChange={(event) => setCode(event.target.value)}
              aria-invalid={fieldHasProblem(problem, 'code')}
              aria-describedby="bureau-code-hint bureau-code-problems"
              className={inputClass(fieldHasProblem(problem, 'code'))}
            />
            <FieldProblems problem={problem} field="code" id="bureau-code-problems" />
          </div>
          <div>
            <label htmlFor="bureau-name" className={LABEL}>
              局名
            </label>
            <p id="bureau-name-hint" className="text-solid-gray-700">
              例：子ども家庭局
            </p>
            <input
              id="bureau-name"
              value={name}
              onChange={(event) => setName(event.target.value)}
              aria-invalid={fieldHasProblem(problem, 'name')}
              aria-describedby="bureau-name-hint bureau-name-problems"
              className={inputClass(fieldHasProblem(problem, 'name'))}
            />
            <FieldProblems problem={problem} field="name" id="bureau-name-problems" />
          </div>
        </div>
        <FormSubmitRow action={create} label="登録" doneLabel="登録しました" />
      </form>

      {bureaus.isPending && <Loading label="局を読み込んでいます" />}
      {bureaus.isError && <ErrorNotice error={bureaus.error} onRetry={() => void bureaus.refetch()} />}
      {bureaus.data && (
        <table className="mt-6 w-full border-collapse text-left text-std-16N-170">
          <caption className="text-left text-std-20B-150">局の一覧（{bureaus.data.total}局）</caption>
          <thead>
            <tr className="border-b-2 border-solid-gray-600">
              <th scope="col" className="p-2">局コード</th>
              <th scope="col" className="p-2">局名</th>
            </tr>
          </thead>
          <tbody>
            {bureaus.data.items.map((bureau) => (
              <tr key={bureau.code} className="border-b border-solid-gray-420">
                <td className="p-2">
                  <code>{bureau.code}</code>
                </td>
                <td className="p-2">{bureau.name}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
