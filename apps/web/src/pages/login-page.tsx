import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { isApiProblem } from '../api/api-problem';
import { safeReturnPath } from '../session/return-path';
import { useLogin } from '../session/session.queries';
import { PRIMARY_BUTTON } from '../ui/button-styles';

export function LoginPage() {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [searchParams] = useSearchParams();
  const navigate = useNavigate();
  const login = useLogin();
  const alertRef = useRef<HTMLDivElement>(null);
  const problem = isApiProblem(login.error) ? login.error : undefined;

  useEffect(() => {
    document.title = 'ログイン｜市政変革 ワークフロー';
  }, []);
  useEffect(() => {
    if (login.isError) alertRef.current?.focus();
  }, [login.isError, login.failureCount]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    login.mutate(
      { username, password },
      {
        onSuccess: () => void navigate(safeReturnPath(searchParams.get('next')), { replace: true }),
        // The name stays for correcting a typo; the password is typed afresh, as on any login screen.
        onError: () => setPassword(''),
      },
    );
  };

  return (
    <main id="main" className="mx-auto max-w-md px-4 py-12">
      <p className="text-std-16B-170 text-solid-gray-700">北九州市 市政変革 ワークフロー</p>
      <h1 className="mt-2 text-std-32B-150 text-solid-gray-900">ログイン</h1>
      {login.isError && (
        <div ref={alertRef} tabIndex={-1} role="alert" className="mt-6 rounded-8 border-2 border-error-1 bg-red-50 p-4 text-std-16N-170 text-solid-gray-900">
          <p className="font-bold">
            <span aria-hidden="true">⚠ </span>
            {problem?.problem.title ?? 'ログインできませんでした'}
          </p>
          <p>{problem?.problem.detail ?? 'しばらくしてから再度お試しください'}</p>
        </div>
      )}
      <form onSubmit={submit} noValidate className="mt-6 flex flex-col gap-6">
        <TextField label="ユーザー名" name="username" autoComplete="username" value={username} onChange={setUsername} problems={problem?.fieldProblems('username')} />
        <TextField label="パスワード" name="password" type="password" autoComplete="current-password" value={password} onChange={setPassword} problems={problem?.fieldProblems('password')} />
        <button type="submit" className={PRIMARY_BUTTON} disabled={login.isPending}>
          {login.isPending ? 'ログインしています…' : 'ログイン'}
        </button>
      </form>
      <p className="mt-8 text-std-16N-170 text-solid-gray-700">パスワードを忘れた場合やログインできない場合は、システム管理者に連絡してください。</p>
    </main>
  );
}

interface TextFieldProps {
  readonly label: string;
  readonly name: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly type?: 'text' | 'password';
  readonly autoComplete: string;
  readonly problems?: readonly string[];
}

function TextField({ label, name, value, onChange, type = 'text', autoComplete, problems = [] }: TextFieldProps) {
  const id = useId();
  const problemId = `${id}-problem`;
  return (
    <div className="flex flex-col gap-2">
      <label htmlFor={id} className="text-std-16B-170 text-solid-gray-900">
        {label}
        <span className="ml-2 text-std-16N-170 text-error-2">（必須）</span>
      </label>
      <input
        id={id}
        name={name}
        type={type}
        value={value}
        autoComplete={autoComplete}
        aria-required="true"
        aria-invalid={problems.length > 0}
        aria-describedby={problems.length > 0 ? problemId : undefined}
        onChange={(event) => onChange(event.target.value)}
        className="min-h-14 rounded-8 border border-solid-gray-600 bg-white px-4 text-std-16N-170 text-solid-gray-900 hover:border-black aria-[invalid=true]:border-error-1"
      />
      {problems.length > 0 && (
        <p id={problemId} className="text-std-16N-170 text-error-2">
          <span aria-hidden="true">⚠ </span>
          {problems.join('。')}
        </p>
      )}
    </div>
  );
}
