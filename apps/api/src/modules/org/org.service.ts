import type { Db } from '../../db/client';
import type { Clock } from '../../platform/clock';
import type { AuditService } from '../audit/index';
import { createBlocksService } from './blocks.service';
import { createGridsService } from './grids.service';
import { createLocateService } from './locate.service';
import type { OrgDeps } from './org.deps';
import { createPeopleService } from './people.service';
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
  return { regions, units, people, grids, blocks, locate };
}

export type OrgService = ReturnType<typeof createOrgService>;
