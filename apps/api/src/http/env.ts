import type { Actor } from '../platform/actor';

export interface SessionInfo {
  id: string;
  csrfToken: string;
}

export interface AppEnv {
  Variables: {
    requestId: string;
    ip: string | null;
    actor: Actor | null;
    session: SessionInfo | null;
    /** A session cookie was sent but the session timed out (answer SESSION_EXPIRED rather than UNAUTHENTICATED). */
    sessionExpired: boolean;
  };
}
