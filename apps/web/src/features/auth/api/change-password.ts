import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export interface ChangePassword {
  currentPassword: string;
  newPassword: string;
}

/** POST /api/auth/password: the logged-in user changes their own password. */
export async function changePassword(body: ChangePassword): Promise<void> {
  await api.post('/api/auth/password', body);
}

export function useChangePassword() {
  return useMutation({ mutationFn: changePassword });
}
