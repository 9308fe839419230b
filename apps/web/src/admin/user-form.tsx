import { ROLE_LABELS, ROLES } from '@app/domain';
import { useId, useState } from 'react';
import { ActionProblem } from '../actions/action-problem';
import { PRIMARY_BUTTON } from '../ui/button-styles';
import { fieldHasProblem, FieldProblems } from '../ui/field-problems';
import { inputClass, LABEL } from '../ui/form-styles';
import type { UserRole } from './admin.queries';

export interface UserFields {
  readonly username: string;
  readonly password: string;
  readonly displayName: string;
  readonly roles: UserRole[];
  readonly bureauCode: string;
  readonly email: string;
}

/**
 * A user's fields as an admin types them; `creating` adds the login name and first password. The
 * form keeps what was typed when the API refuses it, with each message beside its field.
 */
export function UserForm({
  initial,
  creating,
  bureaus,
  problem,
  pending,
  onRetry,
  onSubmit,
}: {
  initial: UserFields;
  creating: boolean;
  bureaus: readonly { code: string; name: string }[];
  problem: unknown;
  pending: boolean;
  onRetry: () => void;
  onSubmit: (fields: UserFields) => void;
}) {
  const id = useId();
  const [fields, setFields] = useState(initial);
  const set = (change: Partial<UserFields>) => setFields((old) => ({ ...old, ...change }));
  const text = (name: 'username' | 'password' | 'displayName' | 'email', label: string, hint?: string, type = 'text') => (
    <div>
      <label htmlFor={`${id}-${name}`} className={LABEL}>
        {label}
      </label>
      {hint && (
        <p id={`${id}-${name}-hint`} className="text-solid-gray-700">
          {hint}
        </p>
      )}
      <input
        id={`${id}-${name}`}
        type={type}
        value={fields[name]}
        autoComplete={type === 'password' ? 'new-password' : 'off'}
        onChange={(event) => set({ [name]: event.target.value })}
        aria-invalid={fieldHasProblem(problem, name)}
        aria-describedby={`${hint ? `${id}-${name}-hint ` : ''}${id}-${name}-problems`}
        className={`${inputClass(fieldHasProblem(problem, name))} w-full`}
      />
      <FieldProblems problem={problem} field={name} id={`${id}-${name}-problems`} />
    </div>
  );

  return (
    <form
      className="flex flex-col gap-4"
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit(fields);
      }}
    >
      {creating && text('username', 'ユーザー名', '英数字・ピリオド・ハイフン・下線の3〜64文字（例：kodomo.tanaka）')}
      {creating && text('password', '初期パスワード', '12文字以上', 'password')}
      {text('displayName', '表示名', '承認の記録にも使われます')}
      <fieldset>
        <legend className={LABEL}>役割</legend>
        <div className="mt-1 flex flex-wrap gap-x-6 gap-y-2">
          {ROLES.map((role) => (
            <label key={role} className="flex items-center gap-2">
              <input
                type="checkbox"
                className="size-5"
                checked={fields.roles.includes(role)}
                onChange={(event) => set({ roles: event.target.checked ? [...fields.roles, role] : fields.roles.filter((held) => held !== role) })}
              />
              {ROLE_LABELS[role]}
            </label>
          ))}
        </div>
        <FieldProblems problem={problem} field="roles" id={`${id}-roles-problems`} />
      </fieldset>
      <div>
        <label htmlFor={`${id}-bureau`} className={LABEL}>
          所属局
        </label>
        <p id={`${id}-bureau-hint`} className="text-solid-gray-700">
          担当職員・課長・局長には必須です。市政変革室・システム管理者だけの方は「所属なし」にします。
        </p>
        <select
          id={`${id}-bureau`}
          value={fields.bureauCode}
          onChange={(event) => set({ bureauCode: event.target.value })}
          aria-describedby={`${id}-bureau-hint ${id}-bureau-problems`}
          aria-invalid={fieldHasProblem(problem, 'bureauCode')}
          className={inputClass(fieldHasProblem(problem, 'bureauCode'))}
        >
          <option value="">所属なし</option>
          {bureaus.map((bureau) => (
            <option key={bureau.code} value={bureau.code}>
              {bureau.name}
            </option>
          ))}
        </select>
        <FieldProblems problem={problem} field="bureauCode" id={`${id}-bureau-problems`} />
      </div>
      {text('email', '通知メールの宛先（任意）', '空欄のときはメールを送らず、通知一覧だけに届きます', 'email')}
      <ActionProblem problem={problem} onRetry={onRetry} />
      <div>
        <button type="submit" className={PRIMARY_BUTTON} disabled={pending}>
          {creating ? '登録' : '保存'}
        </button>
      </div>
    </form>
  );
}
