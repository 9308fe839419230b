import { ROLE_LABELS, ROLES, Role } from '@app/domain';
import { useCallback, useEffect, useState } from 'react';
import { useOutletContext } from 'react-router';
import { ActionProblem } from '../actions/action-problem';
import { RequireRole } from '../session/permission';
import type { Profile } from '../session/profile';
import { PRIMARY_BUTTON, SECONDARY_BUTTON } from '../ui/button-styles';
import { ErrorNotice } from '../ui/error-notice';
import { FieldProblems } from '../ui/field-problems';
import { inputClass, LABEL } from '../ui/form-styles';
import { Loading } from '../ui/loading';
import { ModalDialog, useModalDialog } from '../ui/modal-dialog';
import { PageButtons, useStayWithinPages } from '../ui/page-buttons';
import { UserHistory } from './user-history';
import { StatusLabel } from '../ui/status-label';
import { AdminNav } from './admin-nav';
import { type UserFilter, type UserRole, type UserView, USERS_PAGE_SIZE, useCreateUser, useSetPassword, useUpdateUser, useUsers } from './admin.queries';
import { useBureaus } from '../bureaus/bureaus.queries';
import { type UserFields, UserForm } from './user-form';

const NEW_USER: UserFields = { username: '', password: '', displayName: '', roles: [Role.Staff], bureauCode: '', email: '' };

/** 利用者の管理: the admin's list of users, and adding, changing, deactivating and new passwords. */
export function UsersPage() {
  useEffect(() => {
    document.title = '利用者の管理｜市政変革 ワークフロー';
  }, []);
  return (
    <RequireRole role={Role.Admin} roleLabel="システム管理者">
      <Users />
    </RequireRole>
  );
}

type Dialog = { kind: 'create' } | { kind: 'edit'; user: UserView } | { kind: 'password'; user: UserView } | { kind: 'history'; user: UserView } | null;

function Users() {
  const [filter, setFilter] = useState<UserFilter>({ page: 1 });
  const [dialog, setDialog] = useState<Dialog>(null);
  const [created, setCreated] = useState<string | null>(null);
  const dialogControl = useModalDialog();
  const users = useUsers(filter);
  const toPage = useCallback((page: number) => setFilter((current) => ({ ...current, page })), []);
  useStayWithinPages(filter.page, toPage, users.data?.total, USERS_PAGE_SIZE);
  const bureaus = useBureaus();
  const bureauList = bureaus.data?.items ?? [];
  const open = (next: Dialog) => () => {
    setDialog(next);
    dialogControl.open();
  };
  // The dialog gives focus back to the button that opened it.
  const closeDialog = () => dialogControl.close();
  const dialogTitle =
    dialog?.kind === 'create' ? '利用者を追加' : dialog?.kind === 'edit' ? '利用者を編集' : dialog?.kind === 'history' ? '操作の履歴' : 'パスワードを再設定';

  return (
    <>
      <AdminNav />
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-std-32B-150 text-solid-gray-900">利用者の管理</h1>
        <button type="button" className={PRIMARY_BUTTON} onClick={open({ kind: 'create' })}>
          利用者を追加
        </button>
      </div>

      {created && (
        <p role="status" className="mt-4 text-std-16N-170">
          <StatusLabel tone="info">完了</StatusLabel> {created} さんを登録しました。初期パスワードは本人に安全な方法で伝えてください。
        </p>
      )}
      <form className="mt-6 flex flex-wrap items-end gap-4 text-std-16N-170" aria-label="利用者の絞り込み" onSubmit={(event) => event.preventDefault()}>
        <div>
          <label htmlFor="filter-role" className={LABEL}>
            役割
          </label>
          <select id="filter-role" value={filter.role ?? ''} onChange={(event) => setFilter({ ...filter, page: 1, role: (event.target.value || undefined) as UserRole | undefined })} className={inputClass()}>
            <option value="">すべて</option>
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {ROLE_LABELS[role]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="filter-bureau" className={LABEL}>
            所属局
          </label>
          <select id="filter-bureau" value={filter.bureau ?? ''} onChange={(event) => setFilter({ ...filter, page: 1, bureau: event.target.value || undefined })} className={inputClass()}>
            <option value="">すべて</option>
            {bureauList.map((bureau) => (
              <option key={bureau.code} value={bureau.code}>
                {bureau.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="filter-active" className={LABEL}>
            状態
          </label>
          <select
            id="filter-active"
            value={filter.active === undefined ? '' : String(filter.active)}
            onChange={(event) => setFilter({ ...filter, page: 1, active: event.target.value === '' ? undefined : event.target.value === 'true' })}
            className={inputClass()}
          >
            <option value="">すべて</option>
            <option value="true">有効</option>
            <option value="false">無効化済み</option>
          </select>
        </div>
      </form>

      {users.isPending && <Loading label="利用者を読み込んでいます" />}
      {users.isError && <ErrorNotice error={users.error} onRetry={() => void users.refetch()} />}
      {users.data && (
        <>
          <p className="mt-4 text-std-16N-170" role="status">
            {users.data.total}人中 {(filter.page - 1) * USERS_PAGE_SIZE + (users.data.items.length > 0 ? 1 : 0)}〜{(filter.page - 1) * USERS_PAGE_SIZE + users.data.items.length}人目
          </p>
          <div className="mt-2 overflow-x-auto">
            <table className="w-full border-collapse text-left text-std-16N-170">
              <caption className="sr-only">利用者の一覧</caption>
              <thead>
                <tr className="border-b-2 border-solid-gray-600">
                  <th scope="col" className="p-2">ユーザー名</th>
                  <th scope="col" className="p-2">表示名</th>
                  <th scope="col" className="p-2">役割</th>
                  <th scope="col" className="p-2">所属局</th>
                  <th scope="col" className="p-2">状態</th>
                  <th scope="col" className="p-2">操作</th>
                </tr>
              </thead>
              <tbody>
                {users.data.items.map((user) => (
                  <tr key={user.id} className="border-b border-solid-gray-420 align-top">
                    <td className="p-2">{user.username}</td>
                    <td className="p-2">
                      {user.displayName}
                      {user.email && <span className="block text-solid-gray-700">{user.email}</span>}
                    </td>
                    <td className="p-2">{user.roles.map((role) => ROLE_LABELS[role as Role] ?? role).join('・')}</td>
                    <td className="p-2">{user.bureau?.name ?? '—'}</td>
                    <td className="p-2">{user.active ? <StatusLabel tone="info">有効</StatusLabel> : <StatusLabel tone="alert">無効化済み</StatusLabel>}</td>
                    <td className="p-2">
                      <div className="flex flex-wrap gap-2">
                        <button type="button" className={SECONDARY_BUTTON} aria-label={`${user.displayName}（${user.username}）を編集`} onClick={open({ kind: 'edit', user })}>
                          編集
                        </button>
                        <button type="button" className={SECONDARY_BUTTON} aria-label={`${user.displayName}（${user.username}）のパスワード再設定`} onClick={open({ kind: 'password', user })}>
                          パスワード再設定
                        </button>
                        <button type="button" className={SECONDARY_BUTTON} aria-label={`${user.displayName}（${user.username}）の操作の履歴`} onClick={open({ kind: 'history', user })}>
                          履歴
                        </button>
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <PageButtons label="利用者一覧のページ" page={filter.page} total={users.data.total} pageSize={USERS_PAGE_SIZE} onPage={toPage} />
        </>
      )}

      <ModalDialog control={dialogControl} title={dialogTitle}>
        {dialog?.kind === 'create' && (
          <CreateUser
            bureaus={bureauList}
            onDone={(name) => {
              setCreated(name);
              closeDialog();
            }}
          />
        )}
        {dialog?.kind === 'edit' && <EditUser user={users.data?.items.find((user) => user.id === dialog.user.id) ?? dialog.user} bureaus={bureauList} onDone={closeDialog} />}
        {dialog?.kind === 'password' && <SetPassword user={dialog.user} />}
        {dialog?.kind === 'history' && <UserHistory user={dialog.user} />}
      </ModalDialog>
    </>
  );
}

const optional = (text: string) => (text.trim() === '' ? null : text.trim());

function CreateUser({ bureaus, onDone }: { bureaus: readonly { code: string; name: string }[]; onDone: (displayName: string) => void }) {
  const create = useCreateUser((user) => onDone(user.displayName));
  return (
    <UserForm
      initial={NEW_USER}
      creating
      bureaus={bureaus}
      problem={create.problem}
      pending={create.pending}
      onRetry={create.retry}
      onSubmit={(fields) =>
        create.run({ username: fields.username, password: fields.password, displayName: fields.displayName, roles: fields.roles, bureauCode: optional(fields.bureauCode), email: optional(fields.email) })
      }
    />
  );
}

function EditUser({ user, bureaus, onDone }: { user: UserView; bureaus: readonly { code: string; name: string }[]; onDone: () => void }) {
  const profile = useOutletContext<Profile>();
  const update = useUpdateUser(onDone);
  // As the answer has it: a user the change takes out of the filtered list (無効化 under 有効) is still shown as now.
  const [answered, setAnswered] = useState<UserView | null>(null);
  const toggle = useUpdateUser(setAnswered);
  const shown = answered ?? user;
  const self = profile.id === user.id;
  return (
    <>
      <p className="mb-4">
        ユーザー名：<span className="font-bold">{user.username}</span>
      </p>
      <UserForm
        initial={{ username: user.username, password: '', displayName: user.displayName, roles: [...user.roles], bureauCode: user.bureau?.code ?? '', email: user.email ?? '' }}
        creating={false}
        bureaus={bureaus}
        problem={update.problem}
        pending={update.pending}
        onRetry={update.retry}
        onSubmit={(fields) => update.run({ id: user.id, change: { displayName: fields.displayName, roles: fields.roles, bureauCode: optional(fields.bureauCode), email: optional(fields.email) } })}
      />
      <section aria-labelledby="account-state-heading" className="mt-6 border-t border-solid-gray-420 pt-4">
        <h3 id="account-state-heading" className="text-std-20B-150">
          アカウントの状態
        </h3>
        <p className="mt-1">
          {shown.active
            ? '無効化すると、この方はログインできなくなり、発行済みのトークンも使えなくなり、通知も届かなくなります。記録には名前が残ります。'
            : 'この利用者は無効化されています。有効に戻すと、再びログインできます。'}
        </p>
        {self && shown.active && <p className="mt-1 text-solid-gray-700">自分自身のアカウントは無効化できません。</p>}
        <ActionProblem problem={toggle.problem} onRetry={toggle.retry} />
        {!(self && shown.active) && (
          <button type="button" className={`mt-2 ${SECONDARY_BUTTON}`} disabled={toggle.pending} onClick={() => toggle.run({ id: user.id, change: { active: !shown.active } })}>
            {shown.active ? 'この利用者を無効化' : 'この利用者を有効に戻す'}
          </button>
        )}
        {toggle.succeeded && (
          <p role="status" className="mt-2">
            <StatusLabel tone="info">{shown.active ? '有効に戻しました' : '無効化しました'}</StatusLabel>
          </p>
        )}
      </section>
    </>
  );
}

function SetPassword({ user }: { user: UserView }) {
  const [password, setPassword] = useState('');
  const reset = useSetPassword();
  return (
    <form
      className="flex flex-col gap-4"
      onSubmit={(event) => {
        event.preventDefault();
        reset.run({ id: user.id, password });
      }}
    >
      <p>
        {user.displayName}（{user.username}）の新しいパスワードを設定します。古いパスワードはすぐに使えなくなります。新しいパスワードは本人に安全な方法で伝えてください。
      </p>
      <div>
        <label htmlFor="new-password" className={LABEL}>
          新しいパスワード（12文字以上）
        </label>
        <input id="new-password" type="password" autoComplete="new-password" value={password} onChange={(event) => setPassword(event.target.value)} aria-describedby="new-password-problems" className={`${inputClass()} w-full`} />
        <FieldProblems problem={reset.problem} field="password" id="new-password-problems" />
      </div>
      <ActionProblem problem={reset.problem} onRetry={reset.retry} />
      <div className="flex flex-wrap items-center gap-4">
        <button type="submit" className={PRIMARY_BUTTON} disabled={reset.pending}>
          再設定
        </button>
        {reset.succeeded && (
          <p role="status">
            <StatusLabel tone="info">再設定しました</StatusLabel>
          </p>
        )}
      </div>
    </form>
  );
}
