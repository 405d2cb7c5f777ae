import type { Db } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { actorOf } from './auth.presenter';
import { createAuthRepository } from './auth.repository';

/**
 * The actor of a city's member by username, as a session would build it (role and scope from the
 * membership). The demo loader, the first-start seed and the benchmarks act as the demo accounts.
 */
export async function memberActor(db: Db, cityId: string, username: string): Promise<Actor> {
  const u = await createAuthRepository(db).memberByUsername(cityId, username);
  if (!u) throw new Error(`no member ${username} in city ${cityId}`);
  return actorOf(u);
}
