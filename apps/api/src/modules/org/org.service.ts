import type { Db } from '../../db/client';
import type { Clock } from '../../platform/clock';
import type { AuditService } from '../audit/index';
import { createBlocksService } from './blocks.service';
import { createGridsService } from './grids.service';
import { createLocateService } from './locate.service';
import type { OrgDeps } from './org.deps';
import { createPeopleService } from './people.service';
import { createPortalCityService } from './portal-city.service';
import { createRegionsService } from './regions.service';
import { createUnitsService } from './units.service';

/** The org module's services, wired together: regions ← units ← people ← grids ← blocks, locate. */
export function createOrgService(deps: { db: Db; clock: Clock; audit: AuditService; gridCodeRule: string }) {
  const d: OrgDeps = deps;
  const regions = createRegionsService(d);
  const units = createUnitsService(d, regions);
  const people = createPeopleService(d, units);
  let invalidate = () => {};
  const grids = createGridsService(d, { regions, units, people }, () => invalidate());
  const locate = createLocateService(d, grids.repo);
  invalidate = () => locate.invalidate();
  const blocks = createBlocksService(d, { regions, units, people, grids }, () => invalidate());
  /** What the console's map starts with: the (only) city's name and the centre of its current grids. */
  async function mapDefaults(): Promise<{ cityName: string | null; center: [number, number] | null }> {
    const cities = await regions.repo.cities();
    const center = await grids.repo.center();
    return { cityName: cities.length === 1 ? cities[0]!.name : null, center };
  }
  const portal = createPortalCityService(deps);
  return { regions, units, people, grids, blocks, locate, mapDefaults, portal };
}

export type OrgService = ReturnType<typeof createOrgService>;
