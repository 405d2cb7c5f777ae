import {
  type GeojsonMapping,
  geojsonMappingSchema,
  type ImportKind,
  type ImportResult,
} from '@chuangcheng/contracts';
import { getGridCodeValidator } from '@chuangcheng/domain';
import type { Db } from '../../../db/client';
import { requireRole } from '../../../platform/access';
import type { Ctx } from '../../../platform/actor';
import { AppError, importError, isUniqueViolation } from '../../../platform/app-error';
import type { Clock } from '../../../platform/clock';
import { readSheet } from '../../../platform/xlsx';
import type { AuditService } from '../../audit/index';
import { cityDay } from '../grids.service';
import { ORG_WRITE } from '../org.policy';
import type { OrgService } from '../org.service';
import { GRID_SHEET, PERSON_SHEET, UNIT_SHEET } from './columns';
import type { ImportScope, Planned, Progress } from './import.types';
import { parseFeatureCollection, planGeojson } from './import-geojson';
import { planGridAttributes } from './import-grids';
import { planPeople } from './import-people';
import { planUnits } from './import-units';
import type { IoRepository } from './io.repository';
import { MAX_IMPORT_ROWS, type TemplateKind, templateOf } from './templates';

export interface ImportFile {
  /** The uploaded file's name, kept in the audit entry. */
  name: string;
  data: Uint8Array;
}

export interface ImportOptions {
  dryRun: boolean;
  /** GeoJSON only: which feature property holds which grid field. */
  mapping?: GeojsonMapping;
  /** GeoJSON only: drop rings of zero area (degenerate slivers) with a warning each instead of refusing. */
  dropSlivers?: boolean;
  /** City region code, for installation-wide administrators of several cities. */
  cityCode?: string;
  onProgress?: Progress;
}

export interface ImportDeps {
  db: Db;
  clock: Clock;
  audit: AuditService;
  org: OrgService;
  repo: IoRepository;
  gridCodeRule: string;
}

const invalid = (field: string, message: string) =>
  new AppError('VALIDATION_FAILED', { fields: [{ field, message }] }, message);

/** GeoJSON property mapping from the form field / CLI flag, with the contract's defaults. */
export function parseMapping(input: unknown): GeojsonMapping {
  const r = geojsonMappingSchema.safeParse(input ?? {});
  if (!r.success)
    throw invalid(
      'mapping',
      `属性映射无效：${r.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('；')}`,
    );
  return r.data;
}

export function createImportService(deps: ImportDeps) {
  const gridCode = getGridCodeValidator(deps.gridCodeRule);

  /** The city the rows go to: the actor's own; for installation admins the one named, or the only one. */
  async function cityOf(ctx: Ctx, cityCode: string | undefined): Promise<string> {
    if (ctx.actor.cityId) return ctx.actor.cityId;
    const cities = await deps.repo.cities();
    const named = cityCode ? cities.find((c) => c.code === cityCode) : undefined;
    if (cityCode && !named) throw invalid('city', `城市编码 ${cityCode} 不存在`);
    const city = named ?? (cities.length === 1 ? cities[0] : undefined);
    if (city) return city.id;
    if (cities.length === 0) throw invalid('city', '系统中还没有城市，请先建立城市');
    throw invalid('city', `系统中有 ${cities.length} 个城市，请指定导入到哪个城市（city：城市区划编码）`);
  }

  async function plan(
    kind: ImportKind,
    s: ImportScope,
    file: ImportFile,
    opts: ImportOptions,
  ): Promise<Planned> {
    if (kind === 'grids-geojson')
      return planGeojson(
        s,
        parseFeatureCollection(file.data, MAX_IMPORT_ROWS),
        opts.mapping ?? parseMapping({}),
        {
          dropSlivers: opts.dropSlivers === true,
        },
      );
    if (kind === 'units') return planUnits(s, await readSheet(file.data, UNIT_SHEET, MAX_IMPORT_ROWS));
    if (kind === 'people') return planPeople(s, await readSheet(file.data, PERSON_SHEET, MAX_IMPORT_ROWS));
    return planGridAttributes(s, await readSheet(file.data, GRID_SHEET, MAX_IMPORT_ROWS));
  }

  async function write(
    ctx: Ctx,
    kind: ImportKind,
    s: ImportScope,
    p: Planned['plan'],
    fileName: string,
    warnings: number,
  ): Promise<void> {
    let done = 0;
    await deps.db.transaction(async (tx) => {
      await p.write(tx, (n) => {
        done += n;
        s.progress(Math.min(done, p.total), p.total, '写入');
      });
      if (p.gridsChanged) await deps.org.grids.repo.bumpVersion(tx);
      await deps.audit.record(tx, ctx, {
        cityId: s.cityId,
        action: 'import',
        entityType: kind,
        after: {
          total: p.total,
          created: p.created,
          updated: p.updated,
          file: fileName,
          ...(warnings ? { warnings } : {}),
        },
      });
    });
  }

  return {
    /** The .xlsx template (headers, drop-downs, 说明 sheet, one example row) of an import kind. */
    async template(ctx: Ctx, kind: TemplateKind): Promise<Uint8Array> {
      requireRole(ctx.actor, ORG_WRITE);
      return templateOf(kind);
    },

    /**
     * Validates every row of the file and reports all problems at once (nothing written); otherwise,
     * unless it is a dry run, writes everything in one transaction with one audit entry.
     */
    async importFile(
      ctx: Ctx,
      kind: ImportKind,
      file: ImportFile,
      opts: ImportOptions,
    ): Promise<ImportResult> {
      requireRole(ctx.actor, ORG_WRITE);
      const progress = opts.onProgress ?? (() => {});
      progress(0, 1, '读取文件');
      const now = deps.clock.now();
      const s: ImportScope = {
        ctx,
        cityId: await cityOf(ctx, opts.cityCode),
        now,
        today: cityDay(now),
        repo: deps.repo,
        gridCode,
        progress,
      };
      const { issues, warnings = [], plan: p } = await plan(kind, s, file, opts);
      progress(p.total, p.total, '校验');
      if (issues.length) throw importError(issues);
      const result: ImportResult = {
        kind,
        dryRun: opts.dryRun,
        total: p.total,
        created: p.created,
        updated: p.updated,
        warnings,
      };
      if (opts.dryRun) return result;
      try {
        await write(ctx, kind, s, p, file.name, warnings.length);
      } catch (e) {
        // Validation saw no clash, so another user created the same code meanwhile.
        if (isUniqueViolation(e))
          throw new AppError('DUPLICATE_CODE', undefined, '导入期间有相同编码的数据被他人新建，请重新导入');
        throw e;
      }
      if (p.gridsChanged) deps.org.locate.invalidate();
      progress(p.total, p.total, '完成');
      return result;
    },
  };
}

export type ImportService = ReturnType<typeof createImportService>;
