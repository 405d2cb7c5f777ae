import type { LoginRequest, Me } from '@chuangcheng/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, setCsrfToken } from '../../../lib/api-client';
import { meQueryKey } from '../../../lib/session';

/** POST /api/auth/login: starts a session (HTTP-only cookie) and answers the user with its CSRF token. */
export async function login(body: LoginRequest): Promise<Me> {
  const me = await api.post<Me>('/api/auth/login', body, { auth: 'silent' });
  setCsrfToken(me.csrfToken);
  return me;
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: (me) => {
      // Nothing cached under a previous user may leak into this session.
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'config' });
      queryClient.setQueryData(meQueryKey, me);
    },
  });
}
