import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { onSessionLost } from '../api/api-client';
import { isApiProblem } from '../api/api-problem';
import { ErrorNotice } from '../ui/error-notice';
import { Loading } from '../ui/loading';
import { loginPathReturningTo } from './return-path';
import { useSession } from './session.queries';

/** The app's pages need a session: without one (or when the API drops it) the person logs in and comes back here. */
export function RequireSession() {
  const session = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const here = `${location.pathname}${location.search}${location.hash}`;

  useEffect(
    () =>
      onSessionLost(() => {
        client.clear();
        void navigate(loginPathReturningTo(here), { replace: true });
      }),
    [client, navigate, here],
  );

  if (session.isPending) return <Loading label="ログイン状態を確認しています" />;
  if (session.isError && isApiProblem(session.error) && session.error.status === 401) return <Navigate to={loginPathReturningTo(here)} replace />;
  if (session.isError) return <ErrorNotice error={session.error} onRetry={() => void session.refetch()} />;
  return <Outlet context={session.data} />;
}
