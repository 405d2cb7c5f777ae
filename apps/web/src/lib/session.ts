import type { Me } from '@chuangcheng/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { ApiError, api, setCsrfToken } from './api-client';

export const meQueryKey = ['auth', 'me'] as const;

/** The logged-in user, or null when there is no session (401 is an answer here, not an error). */
export async function getMe(): Promise<Me | null> {
  try {
    const me = await api.get<Me>('/api/auth/me', { auth: 'silent' });
    setCsrfToken(me.csrfToken);
    return me;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export const meQueryOptions = queryOptions({
  queryKey: meQueryKey,
  queryFn: getMe,
  staleTime: Number.POSITIVE_INFINITY,
});

/** The session query itself (null = logged out). */
export function useSession() {
  return useQuery(meQueryOptions);
}

/** The logged-in user inside the console (the layout only renders its pages when there is one). */
export function useMe(): Me {
  const { data } = useQuery(meQueryOptions);
  if (!data) throw new Error('useMe() used outside an authenticated page');
  return data;
}

export type LoginNotice = 'expired' | 'loggedOut' | null;

/** Why the login page is shown, carried in its URL so a reload keeps it. */
export function loginPath(notice: LoginNotice, next?: string): string {
  const params = new URLSearchParams();
  if (notice) params.set('reason', notice);
  if (next && next !== '/' && !next.startsWith('/login')) params.set('next', next);
  const qs = params.toString();
  return qs ? `/login?${qs}` : '/login';
}
