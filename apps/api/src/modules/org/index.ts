import type { Db } from '../../db/client';
import { createRegionsRepository } from './regions.repository';

export { registerOrgRoutes } from './org.routes';
export { createOrgService, type OrgService } from './org.service';
export { ORG_READ, ORG_WRITE, PEOPLE_READ, PHONE_FULL } from './org.policy';
export { cityDay } from './grids.service';

/** True once any city exists (start-up decides whether to load the demo city). */
export function hasAnyCity(db: Db): Promise<boolean> {
  return createRegionsRepository(db).anyCity();
}
