import type { Page, PageQuery, User } from '@chuangcheng/contracts';
import type { Db } from '../../../db/client';
import type { Ctx } from '../../../platform/actor';
import type { Clock } from '../../../platform/clock';
import type { AuditService } from '../../audit/index';
import type { OrgService } from '../org.service';
import { createExportService } from './export.service';
import { createImportService } from './import.service';
import { createIoRepository } from './io.repository';

/** What the org import/export needs: the org services (lists, presenters, grids version, locate) and the user list. */
export interface OrgIoDeps {
  db: Db;
  clock: Clock;
  audit: AuditService;
  org: OrgService;
  auth: { listUsers(ctx: Ctx, q: PageQuery): Promise<Page<User>> };
  gridCodeRule: string;
}

/** Templates, imports and exports of the org registries; the HTTP routes and the CLI share it. */
export function createOrgIoService(deps: OrgIoDeps) {
  const repo = createIoRepository(deps.db);
  return {
    imports: createImportService({ ...deps, repo }),
    exports: createExportService({ ...deps, users: deps.auth, repo }),
  };
}

export type OrgIoService = ReturnType<typeof createOrgIoService>;
