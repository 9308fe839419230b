import { Route, Routes } from 'react-router';
import { BoardPage } from './board/board-page';
import { HomePage } from './home/home-page';
import { AppShell } from './layout/app-shell';
import { LoginPage } from './pages/login-page';
import { NotFoundPage } from './pages/not-found-page';
import { RequireSession } from './session/require-session';

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route element={<RequireSession />}>
        <Route element={<AppShell />}>
          <Route index element={<HomePage />} />
          <Route path="fiscal-years/:fy" element={<BoardPage />} />
        </Route>
      </Route>
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
