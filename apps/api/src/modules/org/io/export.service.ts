import {
  type blockListQuerySchema,
  type ExportEntity,
  type gridListQuerySchema,
  type Page,
  type PageQuery,
  type personListQuerySchema,
  REGION_LEVEL_LABELS,
  ROLE_LABELS,
  type regionListQuerySchema,
  type User,
  type unitListQuerySchema,
} from '@chuangcheng/contracts';
import type { z } from 'zod';
import type { Db } from '../../../db/client';
import type { Ctx } from '../../../platform/actor';
import type { Clock } from '../../../platform/clock';
import { buildSheet, type CellOut, type SheetSpec } from '../../../platform/xlsx';
import type { AuditService } from '../../audit/index';
import { cityDay } from '../grids.service';
import type { OrgService } from '../org.service';
import {
  BLOCK_EXPORT,
  dutyLabel,
  GRID_EXPORT,
  PERSON_EXPORT,
  REGION_EXPORT,
  UNIT_EXPORT,
  USER_EXPORT,
  unitKindLabel,
} from './columns';
import type { Progress } from './import.types';
import type { IoRepository } from './io.repository';

type Filters<S extends z.ZodType> = Omit<z.infer<S>, 'page' | 'pageSize'>;
export type RegionFilters = Filters<typeof regionListQuerySchema>;
export type UnitFilters = Filters<typeof unitListQuerySchema>;
export type PersonFilters = Filters<typeof personListQuerySchema>;
export type GridFilters = Filters<typeof gridListQuerySchema>;
export type BlockFilters = Filters<typeof blockListQuerySchema>;
export type UserFilters = Omit<PageQuery, 'page' | 'pageSize'>;

export interface ExportFile {
  /** 单位-20261123.xlsx (Content-Disposition filename*) */
  fileName: string;
  /** units-20261123.xlsx, for clients that ignore filename* */
  asciiName: string;
  data: Uint8Array;
  rows: number;
}

export interface ExportDeps {
  db: Db;
  clock: Clock;
  audit: AuditService;
  org: OrgService;
  users: { listUsers(ctx: Ctx, q: PageQuery): Promise<Page<User>> };
  repo: IoRepository;
}

const ENTITY_LABELS: Record<ExportEntity, string> = {
  regions: '行政区划',
  units: '单位',
  people: '人员',
  grids: '网格',
  blocks: '责任区块',
  users: '用户',
};
const PAGE_SIZE = 1000;
const codeMap = (rows: readonly { id: string; code: string }[]) => new Map(rows.map((r) => [r.id, r.code]));
/** 2026-11-23 10:00 in the city's time zone (Asia/Shanghai, as cityDay). */
const cityTime = (iso: string | null) =>
  iso ? new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ') : null;

/**
 * Pages through a service's list function, so exports get exactly the list's scope filtering and
 * presenter (phone masking) rather than a second copy of those rules.
 */
async function collect<T>(
  list: (page: { page: number; pageSize: number }) => Promise<Page<T>>,
  progress?: Progress,
): Promise<T[]> {
  const all: T[] = [];
  for (let page = 1; ; page++) {
    const p = await list({ page, pageSize: PAGE_SIZE });
    all.push(...p.items);
    progress?.(all.length, p.total, '读取');
    if (p.items.length < PAGE_SIZE || all.length >= p.total) return all;
  }
}

export function createExportService(deps: ExportDeps) {
  const { org, repo } = deps;

  /** Builds the workbook and records who exported what: exports carry personal data out of the system. */
  async function finish<K extends string>(
    ctx: Ctx,
    entity: ExportEntity,
    spec: SheetSpec<K>,
    rows: Partial<Record<K, CellOut>>[],
    filters: object,
  ): Promise<ExportFile> {
    const data = await buildSheet(spec, rows);
    await deps.db.transaction((tx) =>
      deps.audit.record(tx, ctx, {
        cityId: ctx.actor.cityId,
        action: 'export',
        entityType: entity,
        after: { rows: rows.length, filters },
      }),
    );
    const day = cityDay(deps.clock.now()).replaceAll('-', '');
    return {
      fileName: `${ENTITY_LABELS[entity]}-${day}.xlsx`,
      asciiName: `${entity}-${day}.xlsx`,
      data,
      rows: rows.length,
    };
  }

  const service = {
    /** Regions in the actor's scope as .xlsx. */
    async exportRegions(ctx: Ctx, q: RegionFilters, progress?: Progress): Promise<ExportFile> {
      const items = await collect((p) => org.regions.listRegions(ctx, { ...q, ...p }), progress);
      const known = codeMap(items);
      const missing = items.flatMap((r) => (r.parentId && !known.has(r.parentId) ? [r.parentId] : []));
      const codes = new Map([...known, ...codeMap(await repo.regionsByIds(missing))]);
      const rows = items.map((r) => ({
        code: r.code,
        name: r.name,
        level: REGION_LEVEL_LABELS[r.level].zh,
        parentCode: r.parentId ? codes.get(r.parentId) : null,
        childCount: r.childCount,
      }));
      return finish(ctx, 'regions', REGION_EXPORT, rows, q);
    },

    /** Units in scope as .xlsx, in the import's format (re-importable). */
    async exportUnits(ctx: Ctx, q: UnitFilters, progress?: Progress): Promise<ExportFile> {
      const items = await collect((p) => org.units.listUnits(ctx, { ...q, ...p }), progress);
      const parents = codeMap(await repo.unitsByIds(items.flatMap((u) => u.parentId ?? [])));
      const regions = codeMap(await repo.regionsByIds(items.flatMap((u) => u.regionId ?? [])));
      const rows = items.map((u) => ({
        code: u.code,
        name: u.name,
        kind: unitKindLabel(u.kind),
        parentCode: u.parentId ? parents.get(u.parentId) : null,
        parentName: u.parentName,
        regionCode: u.regionId ? regions.get(u.regionId) : null,
        regionName: u.regionName,
        contactName: u.contactName,
        contactPhone: u.contactPhone,
        address: u.address,
      }));
      return finish(ctx, 'units', UNIT_EXPORT, rows, q);
    },

    /** People in scope as .xlsx (phones masked as in the list), in the import's format. */
    async exportPeople(ctx: Ctx, q: PersonFilters, progress?: Progress): Promise<ExportFile> {
      const items = await collect((p) => org.people.listPeople(ctx, { ...q, ...p }), progress);
      const units = codeMap(await repo.unitsByIds(items.map((p) => p.unitId)));
      const rows = items.map((p) => ({
        name: p.name,
        unitCode: units.get(p.unitId),
        unitName: p.unitName,
        title: p.title,
        phone: p.phone,
        duties: p.duties.map(dutyLabel).join('、'),
      }));
      return finish(ctx, 'people', PERSON_EXPORT, rows, q);
    },

    /** Grids valid on the day asked (default today) as .xlsx, in the attribute import's format. */
    async exportGrids(ctx: Ctx, q: GridFilters, progress?: Progress): Promise<ExportFile> {
      const items = await collect((p) => org.grids.listGrids(ctx, { ...q, ...p }), progress);
      const members = codeMap(await repo.unitsByIds(items.flatMap((g) => g.memberUnitIds)));
      const rows = items.map((g) => ({
        code: g.code,
        name: g.name,
        communityCode: g.community?.code,
        communityName: g.community?.name,
        streetName: g.street?.name,
        districtName: g.district?.name,
        blockCode: g.block?.code,
        blockName: g.block?.name,
        leadUnitCode: g.leadUnit?.code,
        leadUnitName: g.leadUnit?.name,
        memberUnitCodes: g.memberUnitIds.flatMap((id) => members.get(id) ?? []).join('、'),
        areaM2: g.areaM2,
        validFrom: g.validFrom,
      }));
      return finish(ctx, 'grids', GRID_EXPORT, rows, q);
    },

    /** Responsibility blocks as .xlsx. */
    async exportBlocks(ctx: Ctx, q: BlockFilters, progress?: Progress): Promise<ExportFile> {
      const items = await collect((p) => org.blocks.listBlocks(ctx, { ...q, ...p }), progress);
      const rows = items.map((b) => ({
        code: b.code,
        name: b.name,
        leadUnitCode: b.leadUnit?.code,
        leadUnitName: b.leadUnit?.name,
        units: b.responsibleUnits.map((u) => u.name).join('、'),
        leaderName: b.leaderName,
        gridCount: b.gridCount,
        note: b.note,
      }));
      return finish(ctx, 'blocks', BLOCK_EXPORT, rows, q);
    },

    /** User accounts as .xlsx (administrators only, as the user list). */
    async exportUsers(ctx: Ctx, q: UserFilters, progress?: Progress): Promise<ExportFile> {
      const items = await collect((p) => deps.users.listUsers(ctx, { ...q, ...p }), progress);
      const regions = new Map(
        (await repo.regionsByIds(items.flatMap((u) => u.regionId ?? []))).map((r) => [r.id, r.name]),
      );
      const units = new Map(
        (await repo.unitsByIds(items.flatMap((u) => u.unitId ?? []))).map((u) => [u.id, u.name]),
      );
      const now = deps.clock.now().getTime();
      const rows = items.map((u) => ({
        username: u.username,
        displayName: u.displayName,
        role: u.role ? ROLE_LABELS[u.role].zh : '（未分配城市）',
        region: u.regionId ? regions.get(u.regionId) : null,
        unit: u.unitId ? units.get(u.unitId) : null,
        status: u.disabled
          ? '停用'
          : u.lockedUntil && new Date(u.lockedUntil).getTime() > now
            ? '锁定'
            : '正常',
        lastLoginAt: cityTime(u.lastLoginAt),
        createdAt: cityTime(u.createdAt),
      }));
      return finish(ctx, 'users', USER_EXPORT, rows, q);
    },

    /** Any entity, unfiltered (the CLI's `export <entity>`). */
    exportEntity(ctx: Ctx, entity: ExportEntity, progress?: Progress): Promise<ExportFile> {
      const run: Record<ExportEntity, () => Promise<ExportFile>> = {
        regions: () => service.exportRegions(ctx, {}, progress),
        units: () => service.exportUnits(ctx, {}, progress),
        people: () => service.exportPeople(ctx, {}, progress),
        grids: () => service.exportGrids(ctx, {}, progress),
        blocks: () => service.exportBlocks(ctx, {}, progress),
        users: () => service.exportUsers(ctx, {}, progress),
      };
      return run[entity]();
    },
  };
  return service;
}

export type ExportService = ReturnType<typeof createExportService>;
