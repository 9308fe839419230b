import { NavLink } from 'react-router';

const linkClass = ({ isActive }: { isActive: boolean }) => `text-blue-1000 underline-offset-4 ${isActive ? 'font-bold no-underline' : 'underline'}`;

/** The administration screens, side by side. */
export function AdminNav() {
  return (
    <nav aria-label="管理メニュー" className="mb-6 flex gap-6 text-std-16N-170">
      <NavLink to="/admin/users" className={linkClass}>
        利用者
      </NavLink>
      <NavLink to="/admin/bureaus" className={linkClass}>
        局
      </NavLink>
      <NavLink to="/admin/deliveries" className={linkClass}>
        通知の配信
      </NavLink>
    </nav>
  );
}
