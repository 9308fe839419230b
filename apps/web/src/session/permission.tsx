import { Role } from '@app/domain';
import type { ReactNode } from 'react';
import { Link, useOutletContext } from 'react-router';
import { TEXT_LINK } from '../ui/link-styles';
import type { Profile } from './profile';

export const hasRole = (profile: Profile, role: Role): boolean => profile.roles.includes(role);

/** A page only some roles may open: the others are told why it is closed to them, never shown a blank page. */
export function RequireRole({ role, roleLabel, children }: { role: Role; roleLabel: string; children: ReactNode }) {
  const profile = useOutletContext<Profile>();
  if (hasRole(profile, role)) return <>{children}</>;
  return (
    <section aria-labelledby="no-permission-heading" className="rounded-8 border-2 border-solid-gray-420 p-6 text-std-16N-170">
      <h1 id="no-permission-heading" className="text-std-24B-150 text-solid-gray-900">
        この画面を開く権限がありません
      </h1>
      <p className="mt-2">この画面は{roleLabel}の方だけが使えます。必要な場合は{roleLabel}に依頼してください。</p>
      <p className="mt-2">
        <Link to="/" className={TEXT_LINK}>
          ホームへ戻る
        </Link>
      </p>
    </section>
  );
}
