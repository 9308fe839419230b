import { Route, Routes } from 'react-router';
import { ClusterPage } from './cluster/cluster-page';
import { BureausPage } from './admin/bureaus-page';
import { DeliveriesPage } from './admin/deliveries-page';
import { UsersPage } from './admin/users-page';
import { BoardPage } from './board/board-page';
import { HomePage } from './home/home-page';
import { AppShell } from './layout/app-shell';
import { MeetingsPage } from './meetings/meetings-page';
import { LoginPage } from './pages/login-page';
import { NotFoundPage } from './pages/not-found-page';
import { RequireSession } from './session/require-session';
import { SettingsPage } from './settings/settings-page';

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route element={<RequireSession />}>
        <Route element={<AppShell />}>
          <Route index element={<HomePage />} />
          <Route path="fiscal-years/:fy/clusters/:no" element={<ClusterPage />} />
          <Route path="fiscal-years/:fy/meetings" element={<MeetingsPage />} />
          <Route path="fiscal-years/:fy/settings" element={<SettingsPage />} />
          <Route path="admin/users" element={<UsersPage />} />
          <Route path="admin/bureaus" element={<BureausPage />} />
          <Route path="admin/deliveries" element={<DeliveriesPage />} />
          <Route path="fiscal-years/:fy" element={<BoardPage />} />
        </Route>
      </Route>
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
