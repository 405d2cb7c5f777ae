import { api } from '../../../lib/api-client';

/** POST /api/auth/logout: ends the session on the server. */
export async function logout(): Promise<void> {
  await api.post('/api/auth/logout', {}, { auth: 'silent' });
}
