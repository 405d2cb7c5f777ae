import type { Role } from '@chuangcheng/contracts';

/** Who is acting, with the scope they act in. Services take it as their first argument. */
export interface Actor {
  /** null for the command line / system. */
  id: string | null;
  username: string;
  displayName: string;
  role: Role;
  /** The city the actor belongs to; null = installation-wide administrator. */
  cityId: string | null;
  /** Region subtree scope: the region id and its path ('/id/…/'); null = whole city. */
  regionId: string | null;
  regionPath: string | null;
  unitId: string | null;
  /**
   * The system itself (command line, start-up, derived computations): passes every role check. Never
   * set for a signed-in user; a system administrator's account is an ordinary actor of role 'admin'.
   */
  system?: true;
}

/**
 * Who takes a case action or reports: a signed-in user (an Actor), or the public — a citizen through
 * the portal or an Open311 client — with no account (role 'public', id null).
 */
export interface ActingParty extends Pick<Actor, 'id' | 'displayName' | 'unitId'> {
  role: Role | 'public';
}

export interface RequestMeta {
  requestId: string | null;
  ip: string | null;
}

export interface Ctx {
  actor: Actor;
  meta: RequestMeta;
}

/** The actor of CLI commands and start-up tasks. */
export const SYSTEM_ACTOR: Actor = {
  id: null,
  username: 'system',
  displayName: '系统',
  role: 'admin',
  cityId: null,
  regionId: null,
  regionPath: null,
  unitId: null,
  system: true,
};

export const systemCtx = (requestId: string | null = null): Ctx => ({
  actor: SYSTEM_ACTOR,
  meta: { requestId, ip: null },
});
