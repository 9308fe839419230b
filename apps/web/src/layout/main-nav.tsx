import { Role } from '@app/domain';
import { NavLink } from 'react-router';
import { useBoardYear } from '../board/board-year';
import { paths } from '../routes/paths';
import { hasRole } from '../session/permission';
import type { Profile } from '../session/profile';

const linkClass = ({ isActive }: { isActive: boolean }) =>
  `inline-block border-b-4 py-2 text-std-16B-170 text-blue-1000 underline-offset-4 hover:underline ${isActive ? 'border-blue-900' : 'border-transparent'}`;

/** The screens a person may open, by role: everyone the board, the meetings, the bureaus' X policies and the Platinum project; the reform office the year's settings; admins the administration. */
export function MainNav({ profile }: { profile: Profile }) {
  const fiscalYear = useBoardYear();
  return (
    <nav aria-label="メインメニュー" className="mx-auto max-w-6xl px-4">
      <ul className="flex flex-wrap gap-6">
        <li>
          <NavLink to="/" end className={linkClass}>
            ホーム
          </NavLink>
        </li>
        {fiscalYear !== undefined && (
          <li>
            <NavLink to={`/fiscal-years/${fiscalYear}`} end className={linkClass}>
              進捗ボード
            </NavLink>
          </li>
        )}
        {fiscalYear !== undefined && (
          <li>
            <NavLink to={`/fiscal-years/${fiscalYear}/meetings`} className={linkClass}>
              会議
            </NavLink>
          </li>
        )}
        {fiscalYear !== undefined && (
          <li>
            <NavLink to={`/fiscal-years/${fiscalYear}/x-policies`} className={linkClass}>
              X方針
            </NavLink>
          </li>
        )}
        {fiscalYear !== undefined && (
          <li>
            <NavLink to={paths.platinum(fiscalYear)} className={linkClass}>
              プラチナ市役所
            </NavLink>
          </li>
        )}
        {fiscalYear !== undefined && hasRole(profile, Role.ReformOffice) && (
          <li>
            <NavLink to={`/fiscal-years/${fiscalYear}/settings`} className={linkClass}>
              設定
            </NavLink>
          </li>
        )}
        {hasRole(profile, Role.Admin) && (
          <li>
            <NavLink to="/admin/users" className={linkClass}>
              管理
            </NavLink>
          </li>
        )}
      </ul>
    </nav>
  );
}
