import type { Db } from '../../db/client';
import { createGridsRepository } from './grids.repository';
import { createRegionsRepository } from './regions.repository';

export { cityDay } from './grids.service';
export { createOrgIoService, type OrgIoService, parseMapping, registerOrgIoRoutes } from './io/index';
export { ORG_READ, ORG_WRITE, PEOPLE_READ, PHONE_FULL } from './org.policy';
export { registerOrgRoutes } from './org.routes';
export { createOrgService, type OrgService } from './org.service';
export { registerPortalCityRoutes } from './portal-city.routes';

/** True once any city exists (start-up decides whether to load the demo city). */
export function hasAnyCity(db: Db): Promise<boolean> {
  return createRegionsRepository(db).anyCity();
}

/** Tells every process's locate index that the grids changed; call inside the changing transaction. */
export function bumpGridsVersion(tx: Db): Promise<void> {
  return createGridsRepository(tx).bumpVersion(tx);
}
