import type { Me, Role } from '@chuangcheng/contracts';
import { createContext, useContext, useSyncExternalStore } from 'react';

/** Who uses the field app: what the pages show and whose outbox they send. */
export interface FieldUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  regionName: string | null;
  unitName: string | null;
  /** Started without a network: the server has not confirmed the session yet. */
  offline: boolean;
}

export const FieldUserContext = createContext<FieldUser | null>(null);

export function useFieldUser(): FieldUser {
  const user = useContext(FieldUserContext);
  if (!user) throw new Error('useFieldUser() used outside the field layout');
  return user;
}

// The app opened from the home screen in a basement must still show the outbox: the last user is kept
// on the phone (names only; no token, nothing the server would accept as a credential).
const KEY = 'chuangcheng.field.user';

export function toFieldUser(me: Me, offline = false): FieldUser {
  return {
    id: me.id,
    username: me.username,
    displayName: me.displayName,
    role: me.role,
    regionName: me.regionName,
    unitName: me.unitName,
    offline,
  };
}

export function rememberFieldUser(me: Me): void {
  try {
    const { offline: _offline, ...kept } = toFieldUser(me);
    localStorage.setItem(KEY, JSON.stringify(kept));
  } catch {
    // storage unavailable: an offline start will ask for a login instead
  }
}

export function rememberedFieldUser(): FieldUser | null {
  try {
    const raw = localStorage.getItem(KEY);
    if (!raw) return null;
    const user = JSON.parse(raw) as Omit<FieldUser, 'offline'>;
    return typeof user.id === 'string' && typeof user.role === 'string' ? { ...user, offline: true } : null;
  } catch {
    return null;
  }
}

export function forgetFieldUser(): void {
  try {
    localStorage.removeItem(KEY);
  } catch {
    // nothing kept
  }
}

function subscribeOnline(listener: () => void): () => void {
  window.addEventListener('online', listener);
  window.addEventListener('offline', listener);
  return () => {
    window.removeEventListener('online', listener);
    window.removeEventListener('offline', listener);
  };
}

/** navigator.onLine, live. */
export function useOnline(): boolean {
  return useSyncExternalStore(
    subscribeOnline,
    () => navigator.onLine,
    () => true,
  );
}
