import { ROLE_LABELS, Role } from '@app/domain';
import { Link, Outlet, useNavigate, useOutletContext } from 'react-router';
import { SECONDARY_BUTTON } from '../ui/button-styles';
import { useLogout } from '../session/session.queries';
import { useInbox } from '../home/home.queries';
import type { Profile } from '../session/profile';
import { TEXT_LINK } from '../ui/link-styles';
import { MainNav } from './main-nav';

/** Header on every page of a logged-in person: who they are, their unread notices, ログアウト. */
export function AppShell() {
  const profile = useOutletContext<Profile>();
  const logout = useLogout();
  const navigate = useNavigate();
  const inbox = useInbox();
  const unread = inbox.data?.unread;
  const roles = profile.roles.map((role) => ROLE_LABELS[role as Role] ?? role).join('・');

  return (
    <>
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-white focus:p-2">
        本文へ移動
      </a>
      <header className="border-b border-solid-gray-420 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-4 px-4 py-3">
          <Link to="/" className="text-std-20B-150 text-solid-gray-900 no-underline hover:underline">
            北九州市 市政変革 ワークフロー
          </Link>
          <div className="flex flex-wrap items-center gap-4 text-std-16N-170">
            <p aria-label="ログイン中の利用者">
              <span className="font-bold">{profile.displayName}</span>
              <span className="text-solid-gray-700">（{roles}{profile.bureau ? `・${profile.bureau.name}` : ''}）</span>
            </p>
            <Link to="/#inbox" className={TEXT_LINK}>
              お知らせ（未読 <span data-testid="unread-count">{unread ?? '–'}</span>件）
            </Link>
            <button type="button" className={SECONDARY_BUTTON} disabled={logout.isPending} onClick={() => logout.mutate(undefined, { onSettled: () => void navigate('/login', { replace: true }) })}>
              ログアウト
            </button>
          </div>
        </div>
        <MainNav profile={profile} />
      </header>
      <main id="main" className="mx-auto max-w-6xl px-4 py-6">
        <Outlet context={profile} />
      </main>
    </>
  );
}
