import { lazy, type ReactNode, Suspense } from 'react';
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
import { Loading } from './ui/loading';

// The Platinum project's and the X policies' pages load when first opened, so the board and ホーム do not wait for them.
const PlatinumPage = lazy(() => import('./platinum/platinum-page').then((module) => ({ default: module.PlatinumPage })));
const NewProposalPage = lazy(() => import('./platinum/new-proposal-page').then((module) => ({ default: module.NewProposalPage })));
const ProposalPage = lazy(() => import('./platinum/proposal-page').then((module) => ({ default: module.ProposalPage })));
const XPolicyListPage = lazy(() => import('./x-policies/x-policy-list-page').then((module) => ({ default: module.XPolicyListPage })));
const XPolicyPage = lazy(() => import('./x-policies/x-policy-page').then((module) => ({ default: module.XPolicyPage })));
const PublicXPoliciesPage = lazy(() => import('./public/public-x-policies-page').then((module) => ({ default: module.PublicXPoliciesPage })));
const CurrentPublicXPolicies = lazy(() => import('./public/public-x-policies-page').then((module) => ({ default: module.CurrentPublicXPolicies })));
const loaded = (page: ReactNode) => <Suspense fallback={<Loading label="画面を読み込んでいます" />}>{page}</Suspense>;

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      {/* Open to anyone: outside RequireSession, so a visitor without a session is never sent to log in. */}
      <Route path="/public/x-policies" element={loaded(<CurrentPublicXPolicies />)} />
      <Route path="/public/fiscal-years/:fy/x-policies" element={loaded(<PublicXPoliciesPage />)} />
      <Route element={<RequireSession />}>
        <Route element={<AppShell />}>
          <Route index element={<HomePage />} />
          <Route path="fiscal-years/:fy/clusters/:no" element={<ClusterPage />} />
          <Route path="fiscal-years/:fy/meetings" element={<MeetingsPage />} />
          <Route path="fiscal-years/:fy/settings" element={<SettingsPage />} />
          <Route path="fiscal-years/:fy/x-policies" element={loaded(<XPolicyListPage />)} />
          <Route path="fiscal-years/:fy/x-policies/:bureau" element={loaded(<XPolicyPage />)} />
          <Route path="fiscal-years/:fy/platinum" element={loaded(<PlatinumPage />)} />
          <Route path="fiscal-years/:fy/platinum/proposals/new" element={loaded(<NewProposalPage />)} />
          <Route path="fiscal-years/:fy/platinum/proposals/:id" element={loaded(<ProposalPage />)} />
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
