import {
  CATEGORY_KIND_LABELS,
  type CatalogImportResult,
  SEVERITY_LABELS,
  TIME_UNIT_LABELS,
} from '@chuangcheng/contracts';
import { requireRole } from '../../platform/access';
import type { Ctx } from '../../platform/actor';
import { importError } from '../../platform/app-error';
import { newId } from '../../platform/ids';
import { buildSheet, buildTemplate, readSheet } from '../../platform/xlsx';
import { CATALOG_EXAMPLES, CATALOG_NOTES, CATALOG_SHEET, type CatalogKey, YES } from './catalog.columns';
import type { CatalogDeps } from './catalog.deps';
import { CATALOG_MANAGE_READ, CATALOG_WRITE } from './catalog.policy';
import { createCatalogRepository } from './catalog.repository';
import { type CatalogTree, flattenTree } from './catalog.tree';
import { planCatalogImport } from './catalog-import';
import type { CategoriesService } from './categories.service';

/** Most rows one catalogue file may hold (the national standard has a few hundred classes). */
export const MAX_CATALOG_ROWS = 20_000;

export interface CatalogFile {
  /** The uploaded file's name: it goes into the new version's note and the audit entry. */
  name: string;
  data: Uint8Array;
}

export interface DownloadFile {
  data: Uint8Array;
  fileName: string;
  asciiName: string;
}

type Cells = Partial<Record<CatalogKey, string | number | null>>;

/**
 * The export's rows: one per 立案条件; a class without conditions gets one row of its own when nothing
 * else would carry it (a leaf) or when it has a department, a severity other than the default, or is
 * disabled — so a re-import rebuilds the same tree.
 */
function exportRows(tree: CatalogTree, unitNames: ReadonlyMap<string, string>): Cells[] {
  const out: Cells[] = [];
  const visit = (id: string) => {
    const r = tree.byId.get(id)!;
    const chain = tree.ancestry(id).reverse();
    const base: Cells = { kind: CATEGORY_KIND_LABELS[r.kind].zh };
    for (const c of chain) {
      base[`${c.level}Code`] = c.code;
      base[`${c.level}Name`] = c.name;
    }
    base.department = (r.departmentId ? unitNames.get(r.departmentId) : undefined) ?? r.departmentName;
    base.severity = SEVERITY_LABELS[r.severity].zh;
    base.disabled = r.disabled ? YES : null;
    const conds = tree.conditionsOf(id);
    for (const c of conds)
      out.push({
        ...base,
        condition: c.text,
        limit: c.limitValue,
        unit: TIME_UNIT_LABELS[c.limitUnit].zh,
        closing: c.closing,
      });
    const children = tree.childrenOf(id);
    const own = r.departmentName || r.departmentId || r.severity !== 'normal' || r.disabled;
    if (conds.length === 0 && (children.length === 0 || own)) out.push(base);
    for (const child of [...children].sort((a, b) => a.code.localeCompare(b.code))) visit(child.id);
  };
  for (const r of tree.rows.filter((x) => !x.parentId)) visit(r.id);
  return out;
}

/** Excel template, import (a new active version) and export of the catalogue. */
export function createCatalogIoService(deps: CatalogDeps, categories: CategoriesService) {
  const repo = createCatalogRepository(deps.db);

  return {
    /** The .xlsx template: headers, drop-downs, two example rows and a 说明 sheet. */
    async template(ctx: Ctx): Promise<Uint8Array> {
      requireRole(ctx.actor, CATALOG_WRITE);
      return buildTemplate(CATALOG_SHEET, CATALOG_EXAMPLES, CATALOG_NOTES);
    },

    /**
     * Validates every row and lists all problems at once (nothing written); otherwise writes the file as
     * a new catalogue version and activates it, in one transaction with one audit entry.
     */
    async importCatalog(
      ctx: Ctx,
      file: CatalogFile,
      opts: { dryRun?: boolean } = {},
    ): Promise<CatalogImportResult> {
      requireRole(ctx.actor, CATALOG_WRITE);
      const cityId = await categories.cityOf(ctx);
      const read = await readSheet(file.data, CATALOG_SHEET, MAX_CATALOG_ROWS);
      const plan = planCatalogImport(read, await repo.unitsOfCity(cityId));
      if (plan.issues.length) throw importError(plan.issues);
      const result: CatalogImportResult = {
        kind: 'catalog',
        dryRun: Boolean(opts.dryRun),
        total: plan.total,
        created: plan.categories,
        updated: 0,
        versionId: null,
        version: null,
      };
      if (opts.dryRun) return result;
      const now = deps.clock.now();
      const versionId = newId(now.getTime());
      await deps.db.transaction(async (tx) => {
        const r = createCatalogRepository(tx);
        const version = (await r.lastVersionNumber(cityId)) + 1;
        const previous = await r.activeVersion(cityId);
        await r.insertVersion({
          id: versionId,
          cityId,
          version,
          note: `Excel 导入 ${file.name}`,
          createdAt: now,
        });
        const rows = flattenTree(plan.tree, { cityId, versionId, now });
        await r.insertCategories(rows.categories, rows.conditions);
        await r.activate(cityId, versionId);
        await deps.audit.record(tx, ctx, {
          cityId,
          action: 'import',
          entityType: 'catalog',
          entityId: versionId,
          before: { version: previous?.version ?? null },
          after: {
            version,
            file: file.name,
            rows: plan.total,
            categories: plan.categories,
            conditions: plan.conditions,
          },
        });
        result.version = version;
      });
      result.versionId = versionId;
      return result;
    },

    /** The active version as .xlsx in the import's columns (it re-imports unchanged). */
    async exportCatalog(ctx: Ctx): Promise<DownloadFile> {
      requireRole(ctx.actor, CATALOG_MANAGE_READ);
      const cityId = await categories.cityOf(ctx);
      const version = await repo.activeVersion(cityId);
      const tree = await categories.treeOf(version);
      const ids = tree.rows.map((r) => r.departmentId).filter((x): x is string => Boolean(x));
      const names = new Map((await repo.unitsByIds([...new Set(ids)])).map((u) => [u.id, u.name]));
      const n = version?.version ?? 0;
      return {
        data: await buildSheet(CATALOG_SHEET, exportRows(tree, names)),
        fileName: `问题分类目录-第${n}版.xlsx`,
        asciiName: `catalog-v${n}.xlsx`,
      };
    },
  };
}

export type CatalogIoService = ReturnType<typeof createCatalogIoService>;
