import type { SavedView } from '@chuangcheng/contracts';
import { and, count, desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { savedViews } from '../../db/schema/index';
import { ALL_ROLES, requireRole } from '../../platform/access';
import type { Ctx } from '../../platform/actor';
import { AppError } from '../../platform/app-error';
import type { Clock } from '../../platform/clock';
import { newId } from '../../platform/ids';

const MAX_VIEWS = 30;

/** Each user's saved case-list filters. */
export function createSavedViewsService(deps: { db: Db; clock: Clock }) {
  const { db } = deps;
  const userOf = (ctx: Ctx) => {
    requireRole(ctx.actor, ALL_ROLES);
    if (!ctx.actor.id) throw new AppError('FORBIDDEN_SCOPE');
    return ctx.actor.id;
  };
  const present = (r: typeof savedViews.$inferSelect): SavedView => ({
    id: r.id,
    name: r.name,
    query: r.query,
    createdAt: r.createdAt.toISOString(),
  });
  return {
    async list(ctx: Ctx): Promise<SavedView[]> {
      const rows = await db
        .select()
        .from(savedViews)
        .where(eq(savedViews.userId, userOf(ctx)))
        .orderBy(desc(savedViews.createdAt));
      return rows.map(present);
    },
    async create(ctx: Ctx, input: { name: string; query: Record<string, unknown> }): Promise<SavedView> {
      const userId = userOf(ctx);
      const [n] = await db.select({ n: count() }).from(savedViews).where(eq(savedViews.userId, userId));
      if (Number(n?.n ?? 0) >= MAX_VIEWS) {
        throw new AppError('VALIDATION_FAILED', {
          fields: [{ field: 'name', message: `最多保存 ${MAX_VIEWS} 个视图` }],
        });
      }
      if (JSON.stringify(input.query).length > 4000) {
        throw new AppError('VALIDATION_FAILED', { fields: [{ field: 'query', message: '筛选条件过长' }] });
      }
      const row = { id: newId(), userId, name: input.name, query: input.query, createdAt: deps.clock.now() };
      await db.insert(savedViews).values(row);
      return present(row);
    },
    async remove(ctx: Ctx, id: string): Promise<void> {
      const done = await db
        .delete(savedViews)
        .where(and(eq(savedViews.id, id), eq(savedViews.userId, userOf(ctx))))
        .returning({ id: savedViews.id });
      if (done.length === 0) throw new AppError('NOT_FOUND', { savedView: id });
    },
  };
}
export type SavedViewsService = ReturnType<typeof createSavedViewsService>;
