import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, setCsrfToken } from '../../../lib/api-client';
import { meQueryKey } from '../../../lib/session';

/** POST /api/auth/logout: ends the session on the server. */
export async function logout(): Promise<void> {
  await api.post('/api/auth/logout', {}, { auth: 'silent' });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logout,
    // Logged out locally even if the server could not be reached.
    onSettled: () => {
      setCsrfToken(null);
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'config' && q.queryKey[0] !== 'auth' });
      queryClient.setQueryData(meQueryKey, null);
    },
  });
}
