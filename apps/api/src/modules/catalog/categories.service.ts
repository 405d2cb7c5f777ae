import type {
  CatalogVersion,
  Category,
  CreateCategory,
  categoryListQuerySchema,
  UpdateCategory,
} from '@chuangcheng/contracts';
import type { z } from 'zod';
import type { Db } from '../../db/client';
import { requireCity, requireRole } from '../../platform/access';
import type { Ctx } from '../../platform/actor';
import { AppError, fieldError, isUniqueViolation } from '../../platform/app-error';
import { newId } from '../../platform/ids';
import type { CatalogDeps } from './catalog.deps';
import { CATALOG_MANAGE_READ, CATALOG_READ, CATALOG_WRITE, cityOfActor } from './catalog.policy';
import { presentCategory, presentVersion } from './catalog.presenter';
import { type CategoryRow, createCatalogRepository, type VersionRow } from './catalog.repository';
import { buildTree, type CatalogTree, childLevel } from './catalog.tree';

type Input = { text: string; timeLimit: { value: number; unit: string }; closingCondition: string };

const versionMissing = () => new AppError('CATEGORY_NOT_FOUND', { field: 'id' }, '目录版本不存在');

/** Categories of the active catalogue version, and its versions. */
export function createCategoriesService(deps: CatalogDeps) {
  const repo = createCatalogRepository(deps.db);

  async function cityOf(ctx: Ctx): Promise<string> {
    return cityOfActor(ctx.actor, ctx.actor.cityId ? [] : await deps.org.regions.repo.cities());
  }

  async function treeOf(version: VersionRow | undefined): Promise<CatalogTree> {
    if (!version) return buildTree([], []);
    const [rows, conds] = await Promise.all([repo.categoriesOf(version.id), repo.conditionsOf(version.id)]);
    return buildTree(rows, conds);
  }

  async function present(tree: CatalogTree, rows: readonly CategoryRow[]): Promise<Category[]> {
    const ids = [...new Set(rows.map((r) => r.departmentId).filter((id): id is string => Boolean(id)))];
    const units = new Map((await repo.unitsByIds(ids)).map((u) => [u.id, u]));
    return rows.map((r) => presentCategory(tree, r, units));
  }

  async function getCategory(id: string): Promise<Category> {
    const row = await repo.categoryById(id);
    const tree = await treeOf(row ? await repo.versionById(row.versionId) : undefined);
    const r = tree.byId.get(id);
    if (!r) throw new AppError('CATEGORY_NOT_FOUND');
    return (await present(tree, [r]))[0]!;
  }

  /** The department must be a unit of the city. */
  async function checkDepartment(cityId: string, departmentId: string | null | undefined) {
    if (!departmentId) return null;
    const [u] = await repo.unitsByIds([departmentId]);
    if (!u || u.cityId !== cityId) throw fieldError('departmentId', '主管部门不是本市的单位');
    return u;
  }

  /** A category of the city's active version (edits never touch an old version). */
  async function loadEditable(ctx: Ctx, id: string): Promise<CategoryRow> {
    requireRole(ctx.actor, CATALOG_WRITE);
    const row = await repo.categoryById(id);
    if (!row) throw new AppError('CATEGORY_NOT_FOUND');
    requireCity(ctx.actor, row.cityId);
    const active = await repo.activeVersion(row.cityId);
    if (active?.id !== row.versionId) throw fieldError('id', '只能修改当前启用版本中的类别');
    return row;
  }

  const conditionRows = (cityId: string, categoryId: string, list: readonly Input[], at: number) =>
    list.map((c, i) => ({
      id: newId(at),
      cityId,
      categoryId,
      text: c.text,
      limitValue: c.timeLimit.value,
      limitUnit: c.timeLimit.unit as 'work_days',
      closing: c.closingCondition,
      sort: i,
    }));

  /** Parent, level and code of a new class: same kind, one level down, code extending the parent's. */
  async function placeOf(cityId: string, versionId: string | null, input: CreateCategory) {
    const parent = input.parentId ? await repo.categoryById(input.parentId) : undefined;
    if (input.parentId && (!parent || parent.cityId !== cityId || parent.versionId !== versionId))
      throw fieldError('parentId', '上级类别不在当前启用的目录版本中');
    if (parent && parent.kind !== input.kind) throw fieldError('kind', '类型须与上级类别一致（部件/事件）');
    const level = childLevel(parent?.level ?? null);
    if (!level) throw fieldError('parentId', '细类下不能再建下级类别');
    if (parent && (!input.code.startsWith(parent.code) || input.code === parent.code))
      throw fieldError('code', `编码须以上级类别编码 ${parent.code} 开头并更长`);
    if (versionId && (await repo.categoryByCode(versionId, input.kind, input.code)))
      throw new AppError('DUPLICATE_CODE', {
        fields: [{ field: 'code', message: `类别编码 ${input.code} 已存在` }],
      });
    return { parentId: parent?.id ?? null, level };
  }

  return {
    repo,
    cityOf,
    treeOf,
    getCategory,

    /**
     * What the public portal offers: every enabled class a case can be filed under, with its 大类 for
     * grouping. No departments or limits.
     */
    async publicCategories(cityId: string) {
      const tree = await treeOf(await repo.activeVersion(cityId));
      return tree.rows
        .filter((r) => !r.disabled && tree.fileable(r.id))
        .map((r) => {
          const parts = tree.pathText(r.id).split(' / ');
          return { id: r.id, code: r.code, name: r.name, group: parts[1] ?? parts[0] ?? '', kind: r.kind };
        });
    },

    /** Categories of the city's active version, flat and sorted (kind, code); optionally only fileable ones. */
    async listCategories(ctx: Ctx, q: z.infer<typeof categoryListQuerySchema>): Promise<Category[]> {
      requireRole(ctx.actor, CATALOG_READ);
      const tree = await treeOf(await repo.activeVersion(await cityOf(ctx)));
      const text = q.q?.toLowerCase();
      const rows = tree.rows.filter(
        (r) =>
          (!q.kind || r.kind === q.kind) &&
          (q.fileable !== 'true' || tree.fileable(r.id)) &&
          (!text || r.code.includes(text) || tree.pathText(r.id).toLowerCase().includes(text)),
      );
      return present(tree, rows);
    },

    /** Adds a class to the active version (a city without a catalogue gets an empty version 1). */
    async createCategory(ctx: Ctx, input: CreateCategory): Promise<Category> {
      requireRole(ctx.actor, CATALOG_WRITE);
      const cityId = await cityOf(ctx);
      const active = await repo.activeVersion(cityId);
      const place = await placeOf(cityId, active?.id ?? null, input);
      const dept = await checkDepartment(cityId, input.departmentId);
      const now = deps.clock.now();
      const id = newId(now.getTime());
      try {
        await deps.db.transaction(async (tx) => {
          const r = createCatalogRepository(tx);
          const versionId = active?.id ?? (await createEmptyVersion(tx, cityId, now));
          const row = {
            id,
            cityId,
            versionId,
            ...place,
            kind: input.kind,
            code: input.code,
            name: input.name,
            departmentId: dept?.id ?? null,
            departmentName: dept?.name ?? null,
            severity: input.severity,
            sort: 100_000,
          };
          await r.insertCategories([row], conditionRows(cityId, id, input.conditions, now.getTime()));
          await deps.audit.record(tx, ctx, {
            cityId,
            action: 'create',
            entityType: 'category',
            entityId: id,
            after: { ...row, conditions: input.conditions },
          });
        });
      } catch (e) {
        if (isUniqueViolation(e)) throw fieldError('code', `类别编码 ${input.code} 已存在`, 'DUPLICATE_CODE');
        throw e;
      }
      return getCategory(id);
    },

    /** Renames, re-assigns, disables a class or replaces its 立案条件 (cases keep their own snapshot). */
    async updateCategory(ctx: Ctx, id: string, patch: UpdateCategory): Promise<Category> {
      const before = await loadEditable(ctx, id);
      const dept =
        patch.departmentId === undefined
          ? undefined
          : await checkDepartment(before.cityId, patch.departmentId);
      const now = deps.clock.now();
      await deps.db.transaction(async (tx) => {
        const r = createCatalogRepository(tx);
        const { conditions, departmentId: _d, ...attrs } = patch;
        await r.updateCategory(id, {
          ...attrs,
          ...(dept === undefined
            ? {}
            : { departmentId: dept?.id ?? null, departmentName: dept?.name ?? null }),
        });
        if (conditions)
          await r.replaceConditions(id, conditionRows(before.cityId, id, conditions, now.getTime()));
        await deps.audit.record(tx, ctx, {
          cityId: before.cityId,
          action: 'update',
          entityType: 'category',
          entityId: id,
          before: { ...before, conditions: await r.conditionsOfCategory(id) },
          after: patch,
        });
      });
      return getCategory(id);
    },

    /** The city's catalogue versions, newest first. */
    async listVersions(ctx: Ctx): Promise<CatalogVersion[]> {
      requireRole(ctx.actor, CATALOG_MANAGE_READ);
      return (await repo.versions(await cityOf(ctx))).map(presentVersion);
    },

    /** Switches the city to another version; new cases are filed under its categories. */
    async activateVersion(ctx: Ctx, id: string): Promise<CatalogVersion> {
      requireRole(ctx.actor, CATALOG_WRITE);
      const v = await repo.versionById(id);
      if (!v) throw versionMissing();
      requireCity(ctx.actor, v.cityId);
      await deps.db.transaction(async (tx) => {
        const previous = await createCatalogRepository(tx).activeVersion(v.cityId);
        await createCatalogRepository(tx).activate(v.cityId, id);
        await deps.audit.record(tx, ctx, {
          cityId: v.cityId,
          action: 'activate',
          entityType: 'catalog_version',
          entityId: id,
          before: { version: previous?.version ?? null },
          after: { version: v.version },
        });
      });
      const all = await repo.versions(v.cityId);
      return presentVersion(all.find((x) => x.id === id)!);
    },
  };
}

/** An empty active version 1, for a city whose first category is typed in by hand. */
async function createEmptyVersion(tx: Db, cityId: string, now: Date): Promise<string> {
  const id = newId(now.getTime());
  const r = createCatalogRepository(tx);
  await r.insertVersion({
    id,
    cityId,
    version: (await r.lastVersionNumber(cityId)) + 1,
    note: '手工新建',
    createdAt: now,
  });
  await r.activate(cityId, id);
  return id;
}

export type CategoriesService = ReturnType<typeof createCategoriesService>;
