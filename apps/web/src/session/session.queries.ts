import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { answer, api } from '../api/api-client';

export const SESSION_QUERY_KEY = ['me'] as const;

/** Who is logged in, from the API: the cookie itself is out of the page's reach. */
export function useSession() {
  return useQuery({
    queryKey: SESSION_QUERY_KEY,
    queryFn: () => answer(api.GET('/api/v1/me')),
    staleTime: 60_000,
  });
}

export function useLogin() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (credentials: { username: string; password: string }) => answer(api.POST('/api/v1/auth/session', { body: credentials, params: { header: { 'X-Requested-With': 'fetch' } } })),
    onSuccess: () => client.invalidateQueries(),
  });
}

export function useLogout() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => answer(api.DELETE('/api/v1/auth/session', { params: { header: { 'X-Requested-With': 'fetch' } } })),
    onSettled: () => client.clear(),
  });
}
