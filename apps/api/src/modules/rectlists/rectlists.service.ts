import { createHash } from 'node:crypto';
import {
  CASE_STATUS_LABELS,
  type CaseStatus,
  type Page,
  type RectlistDetail,
  type RectlistListQuery,
  type RectlistSummary,
  type RectlistUpload,
} from '@chuangcheng/contracts';
import type { Db } from '../../db/client';
import type { DownloadFile } from '../../http/download';
import type { UploadedFile } from '../../http/upload';
import { requireRole } from '../../platform/access';
import type { Actor, Ctx } from '../../platform/actor';
import { AppError, importError } from '../../platform/app-error';
import type { Clock } from '../../platform/clock';
import { newId } from '../../platform/ids';
import type { JobProgress, JobRunner } from '../../platform/jobs/index';
import { offsetOf, pageResult } from '../../platform/pagination';
import { buildSheet, readSheet } from '../../platform/xlsx';
import type { AuditService } from '../audit/index';
import { memberActor } from '../auth/index';
import type { CasesService } from '../cases/index';
import type { CatalogService } from '../catalog/index';
import { cityDay, type OrgService } from '../org/index';
import { MAX_RECTLIST_ROWS, RECTLIST_EXPORT, RECTLIST_SHEET, rectlistTemplate } from './rectlists.columns';
import { canSee, cityOf, RECTLIST_READ, RECTLIST_WRITE, scopeOf } from './rectlists.policy';
import { presentRow, presentSummary } from './rectlists.presenter';
import {
  createRectlistsRepository,
  type RectlistRecord,
  type RectlistRowRecord,
} from './rectlists.repository';
import { type GridFacts, type RectlistRowData, validateRectlist } from './rectlists.validate';

export interface RectlistsDeps {
  db: Db;
  clock: Clock;
  audit: AuditService;
  cases: CasesService;
  catalog: CatalogService;
  org: OrgService;
  jobs: JobRunner;
}

/** The job that files a batch's cases one by one. */
export const RECTLIST_JOB = 'rectlists.create-cases';

/** What the job's handler gives the batch run. */
export interface BatchRun {
  signal?: AbortSignal;
  progress?(p: JobProgress): Promise<void>;
}

/** 整改期限 is a day: the unit has until the end of it (city time, UTC+8). */
const endOfDay = (day: string) => new Date(`${day}T23:59:59.000+08:00`);

const stamp = (d: Date | null | undefined) =>
  d ? new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ') : null;

export function createRectlistsService(deps: RectlistsDeps) {
  const { db, clock } = deps;
  const repo = createRectlistsRepository(db);

  async function load(ctx: Ctx, id: string): Promise<RectlistRecord> {
    requireRole(ctx.actor, RECTLIST_READ);
    const b = await repo.byId(cityOf(ctx.actor), id);
    // Another city's or another district's batch is not found, as if it did not exist.
    if (!b || !canSee(ctx.actor, b)) throw new AppError('RECTLIST_NOT_FOUND');
    return b;
  }

  /** The grids as validation reads them: current grids of the city, with their region path. */
  function gridReader(cityId: string) {
    const bboxes = new Map<string, [number, number, number, number]>();
    const facts = async (id: string | null | undefined): Promise<GridFacts | null> => {
      const g = id ? await deps.org.grids.repo.byId(id) : undefined;
      if (!g || g.cityId !== cityId || g.validTo !== null) return null;
      bboxes.set(g.id, [g.minLng, g.minLat, g.maxLng, g.maxLat]);
      return { id: g.id, code: g.code, communityPath: g.communityPath };
    };
    return {
      gridByCode: async (code: string) => facts((await deps.org.grids.repo.currentByCode(cityId, code))?.id),
      gridAt: async (lng: number, lat: number) => facts(await deps.org.locate.locateGridId(lng, lat)),
      /** The bbox centre if the locator puts it in the grid, else the nearest of a 7×7 lattice that it does. */
      async pointIn(g: GridFacts): Promise<[number, number] | null> {
        const b = bboxes.get(g.id);
        if (!b) return null;
        const [x0, y0, x1, y1] = b;
        const c: [number, number] = [(x0 + x1) / 2, (y0 + y1) / 2];
        const lattice: [number, number][] = [];
        for (let i = 1; i < 8; i++)
          for (let j = 1; j < 8; j++) lattice.push([x0 + ((x1 - x0) * i) / 8, y0 + ((y1 - y0) * j) / 8]);
        lattice.sort((p, q) => Math.hypot(p[0] - c[0], p[1] - c[1]) - Math.hypot(q[0] - c[0], q[1] - c[1]));
        for (const p of [c, ...lattice])
          if ((await deps.org.locate.locateGridId(p[0], p[1])) === g.id) return p;
        return null;
      },
    };
  }

  async function summaries(cityId: string, rows: RectlistRecord[]): Promise<RectlistSummary[]> {
    const closed = await repo.closedCounts(
      cityId,
      rows.map((r) => r.id),
    );
    return rows.map((r) => presentSummary(r, closed.get(r.id) ?? 0));
  }

  async function detail(b: RectlistRecord): Promise<RectlistDetail> {
    const rows = await repo.rows(b.cityId, b.id);
    const now = await repo.casesOf(
      b.cityId,
      rows.map((r) => r.caseId).filter((x): x is string => !!x),
    );
    const byId = new Map(now.map((c) => [c.id, c]));
    const items = rows.map((r) => presentRow(r, r.caseId ? byId.get(r.caseId) : undefined));
    const closed = items.filter((r) => r.case?.status === 'closed').length;
    return { ...presentSummary(b, closed), rows: items };
  }

  async function fail(b: RectlistRecord, error: string) {
    await repo.update(db, b.cityId, b.id, { state: 'failed', error, finishedAt: clock.now() });
  }

  /** Files one row's case as the uploader; the idempotency key makes a resumed run find it again. */
  async function fileRow(ctx: Ctx, b: RectlistRecord, r: RectlistRowRecord) {
    const d = r.data as RectlistRowData;
    const description = (d.remark ? `${d.description}（备注：${d.remark}）` : d.description).slice(0, 2000);
    const input = {
      source: 'upper' as const,
      categoryId: d.categoryId,
      description,
      ...(d.address ? { address: d.address } : {}),
      lng: d.lng,
      lat: d.lat,
      owner: 'public' as const,
      reporterName: (d.assignedBy ?? b.upperUnit).slice(0, 64),
      photoIds: [],
      selfHandled: false,
      afterPhotoIds: [],
      // Placed problems are filed and dispatched by the routing rules at once; an address alone waits
      // in the office to be placed (待定位).
      fileNow: d.lng !== null && d.lat !== null,
      idempotencyKey: `rl-${b.id}-${r.row}`,
      rectifyBy: d.rectifyBy ? endOfDay(d.rectifyBy) : null,
    };
    try {
      return { caseId: (await deps.cases.createCase(ctx, input)).id };
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      // No unit to dispatch to (no rule, department, grid unit or office): filed, waiting for the office.
      if (e.code === 'CASE_UNIT_REQUIRED' && input.fileNow) {
        try {
          return { caseId: (await deps.cases.createCase(ctx, { ...input, fileNow: false })).id };
        } catch (e2) {
          if (!(e2 instanceof AppError)) throw e2;
          return { error: e2.message };
        }
      }
      return { error: e.message };
    }
  }

  return {
    repo,

    /** The job gave up on the batch (its last attempt failed): the batch says so instead of running on. */
    async markFailed(cityId: string, batchId: string, error: string) {
      const b = await repo.byId(cityId, batchId);
      if (b && b.state !== 'done') await fail(b, error);
    },

    /** The .xlsx template of a 整改清单. */
    async template(ctx: Ctx): Promise<Uint8Array> {
      requireRole(ctx.actor, RECTLIST_WRITE);
      return rectlistTemplate();
    },

    /**
     * Reads and validates every row (nothing is written if any row is bad: every problem is listed by
     * row, column and reason), then stores the batch and its rows and queues the job that files the
     * cases. The same file again answers RECTLIST_DUPLICATE unless confirmed.
     */
    async upload(ctx: Ctx, file: UploadedFile, form: RectlistUpload): Promise<RectlistSummary> {
      requireRole(ctx.actor, RECTLIST_WRITE);
      const actor = ctx.actor;
      const cityId = cityOf(actor);
      if (!actor.id) throw new AppError('FORBIDDEN_ROLE', { reason: '整改清单须由创建办人员导入' });
      const hash = createHash('sha256').update(file.data).digest('hex');
      if (form.confirmDuplicate !== 'true') {
        const earlier = await repo.byHash(cityId, hash);
        if (earlier.length) {
          const seen = [];
          for (const e of earlier) {
            const full = await repo.byId(cityId, e.id);
            if (full && canSee(actor, full))
              seen.push({ id: e.id, number: e.number, title: e.title, createdAt: e.createdAt.toISOString() });
          }
          const names = seen.map((s) => s.number).join('、') || '其他区的清单';
          throw new AppError(
            'RECTLIST_DUPLICATE',
            { batches: seen },
            `同一文件已导入过（${names}），如确需再次导入请确认`,
          );
        }
      }
      const sheet = await readSheet(file.data, RECTLIST_SHEET, MAX_RECTLIST_ROWS);
      const now = clock.now();
      const today = cityDay(now);
      const [categories, extent] = await Promise.all([
        deps.catalog.publicCategories(cityId),
        deps.cases.repo.cityExtent(cityId),
      ]);
      const { issues, rows } = await validateRectlist(
        { actor, cityId, today, categories, extent: extent ?? null, ...gridReader(cityId) },
        sheet,
      );
      if (issues.length) throw importError(issues);

      const id = newId(now.getTime());
      const year = today.slice(0, 4);
      const title = form.title || file.name.replace(/\.xlsx$/i, '').slice(0, 100) || '整改清单';
      const batch = await db.transaction(async (tx) => {
        const n = await deps.cases.repo.nextSeq(tx, cityId, `rectlist:${year}`);
        const b: RectlistRecord = {
          cityId,
          id,
          number: `整改〔${year}〕${String(n).padStart(3, '0')}号`,
          title,
          upperUnit: form.upperUnit,
          inspectedOn: form.inspectedOn ?? null,
          regionPath: actor.regionId === cityId ? null : actor.regionPath,
          fileName: file.name.slice(0, 200),
          fileHash: hash,
          uploadedBy: actor.id!,
          uploadedByUsername: actor.username,
          uploadedByName: actor.displayName,
          state: 'queued',
          rowCount: rows.length,
          createdCount: 0,
          failedCount: 0,
          jobId: null,
          error: null,
          createdAt: now,
          finishedAt: null,
        };
        await repo.insert(
          tx,
          b,
          rows.map((r) => ({ cityId, batchId: id, row: r.row, data: r.data, caseId: null, error: null })),
        );
        await deps.audit.record(tx, ctx, {
          cityId,
          action: 'import',
          entityType: 'rectlist',
          entityId: id,
          after: {
            number: b.number,
            title,
            upperUnit: b.upperUnit,
            rows: rows.length,
            file: b.fileName,
            hash,
          },
        });
        return b;
      });
      const jobId = await deps.jobs.enqueue(
        RECTLIST_JOB,
        { cityId, batchId: id },
        { cityId, createdBy: actor.id, singletonKey: `${RECTLIST_JOB}:${id}` },
      );
      await repo.update(db, cityId, id, { jobId });
      return presentSummary({ ...batch, jobId }, 0);
    },

    async list(ctx: Ctx, q: RectlistListQuery): Promise<Page<RectlistSummary>> {
      requireRole(ctx.actor, RECTLIST_READ);
      const s = scopeOf(ctx.actor);
      const { rows, total } = await repo.list(s, q, offsetOf(q), q.pageSize);
      return pageResult(await summaries(s.cityId, rows), total, q);
    },

    /** The batch with every row and its case's current status. */
    async get(ctx: Ctx, id: string): Promise<RectlistDetail> {
      return detail(await load(ctx, id));
    },

    /** The batch as the office reports it back up: each problem, its case, unit and status (.xlsx). */
    async exportBatch(ctx: Ctx, id: string): Promise<DownloadFile> {
      const d = await detail(await load(ctx, id));
      const data = await buildSheet(
        RECTLIST_EXPORT,
        d.rows.map((r) => ({
          seq: r.seq ?? String(r.row - 1),
          address: r.address,
          gridCode: r.gridCode,
          category: r.categoryName,
          description: r.description,
          rectifyBy: r.rectifyBy,
          caseNumber: r.case?.number,
          unit: r.case?.leadUnitName,
          status: r.case
            ? CASE_STATUS_LABELS[r.case.status as CaseStatus].zh
            : r.error
              ? '未生成案件'
              : '待生成',
          disposeDeadline: stamp(r.case?.disposeDeadline ? new Date(r.case.disposeDeadline) : null),
          closedAt: stamp(r.case?.closedAt ? new Date(r.case.closedAt) : null),
          note: r.error ?? r.case?.route ?? '',
        })),
      );
      const seq = d.number.replace(/\D+/g, '-').replace(/^-|-$/g, '');
      return { data, fileName: `${d.number}整改情况.xlsx`, asciiName: `rectlist-${seq}.xlsx` };
    },

    /**
     * The job's work: files every row that has neither a case nor an error yet, as the uploader, one
     * transaction per case; each row's outcome and the batch's counts are written after its case. A run
     * stopped midway resumes where it was, and a case filed just before a crash is found again by its
     * idempotency key, so no row is filed twice.
     */
    async runBatch(cityId: string, batchId: string, run: BatchRun = {}) {
      const b = await repo.byId(cityId, batchId);
      if (!b) throw new AppError('RECTLIST_NOT_FOUND');
      if (b.state === 'done' || b.state === 'failed')
        return { created: b.createdCount, failed: b.failedCount };
      let actor: Actor;
      try {
        actor = await memberActor(db, cityId, b.uploadedByUsername);
      } catch {
        await fail(b, `上传人 ${b.uploadedByName} 已不是本市的成员，无法以其身份生成案件`);
        return { created: b.createdCount, failed: b.failedCount };
      }
      if (actor.id !== b.uploadedBy || !RECTLIST_WRITE.includes(actor.role)) {
        await fail(b, `上传人 ${b.uploadedByName} 已不再是创建办人员，无法以其身份生成案件`);
        return { created: b.createdCount, failed: b.failedCount };
      }
      const ctx: Ctx = { actor, meta: { requestId: null, ip: null } };
      if (b.state === 'queued') await repo.update(db, cityId, batchId, { state: 'running' });
      const rows = await repo.rows(cityId, batchId);
      let done = rows.filter((r) => r.caseId || r.error).length;
      let counts = { created: b.createdCount, failed: b.failedCount };
      for (const r of rows) {
        if (r.caseId || r.error) continue;
        if (run.signal?.aborted) throw new Error('整改清单生成案件被中止，将在重新运行时从未完成的行继续');
        const outcome = await fileRow(ctx, b, r);
        counts = await db.transaction((tx) => repo.finishRow(tx, cityId, batchId, r.row, outcome));
        done++;
        await run.progress?.({ done, total: rows.length, message: `已处理 ${done}/${rows.length} 行` });
      }
      await repo.update(db, cityId, batchId, { state: 'done', finishedAt: clock.now() });
      return counts;
    },
  };
}

export type RectlistsService = ReturnType<typeof createRectlistsService>;
