import type { JobListQuery, JobRun, Page } from '@chuangcheng/contracts';
import { and, count, desc, eq, isNull, or, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { jobs } from '../../db/schema/index';
import { ALL_ROLES, inCity, requireRole } from '../../platform/access';
import type { Actor, Ctx } from '../../platform/actor';
import { AppError } from '../../platform/app-error';
import type { JobRow } from '../../platform/jobs/index';

const OVERSEERS = ['admin', 'office'] as const;

/** What leaves the server about a run: never its payload (it may name files or people), never a stack. */
export function presentJob(r: JobRow): JobRun {
  const err = r.error as { message?: unknown; code?: unknown } | null;
  return {
    id: r.id,
    name: r.name,
    state: r.state,
    cityId: r.cityId,
    createdBy: r.createdBy,
    attempts: r.attempts,
    maxAttempts: r.maxAttempts,
    progress: r.progress ?? null,
    result: r.result ?? null,
    error: err
      ? {
          message: String(err.message ?? ''),
          ...(typeof err.code === 'string' ? { code: err.code } : {}),
        }
      : null,
    runAt: r.runAt.toISOString(),
    createdAt: r.createdAt.toISOString(),
    startedAt: r.startedAt?.toISOString() ?? null,
    finishedAt: r.finishedAt?.toISOString() ?? null,
  };
}

/**
 * Job runs as users see them. The office (and the administrator) of a city see its runs and the
 * installation's own scheduled runs (sweeps, deliveries: no city); anyone sees the runs they started.
 */
export function createJobsService(deps: { db: Db }) {
  const { db } = deps;

  /** Runs an overseer may see: the city's and the installation's (an installation admin: all). */
  function overseen(actor: Actor): SQL | undefined {
    if (actor.cityId === null) return undefined;
    return or(eq(jobs.cityId, actor.cityId), isNull(jobs.cityId));
  }

  return {
    async list(ctx: Ctx, q: JobListQuery): Promise<Page<JobRun>> {
      requireRole(ctx.actor, OVERSEERS);
      const where = and(
        overseen(ctx.actor),
        q.name ? eq(jobs.name, q.name) : undefined,
        q.state ? eq(jobs.state, q.state) : undefined,
      );
      const [rows, [total]] = await Promise.all([
        db
          .select()
          .from(jobs)
          .where(where)
          .orderBy(desc(jobs.createdAt), desc(jobs.id))
          .limit(q.pageSize)
          .offset((q.page - 1) * q.pageSize),
        db.select({ n: count() }).from(jobs).where(where),
      ]);
      return {
        items: rows.map(presentJob),
        total: Number(total?.n ?? 0),
        page: q.page,
        pageSize: q.pageSize,
      };
    },

    async get(ctx: Ctx, id: string): Promise<JobRun> {
      requireRole(ctx.actor, ALL_ROLES);
      const [row] = await db.select().from(jobs).where(eq(jobs.id, id));
      if (!row) throw new AppError('JOB_NOT_FOUND', { job: id });
      const mine = ctx.actor.id !== null && row.createdBy === ctx.actor.id;
      const overseer =
        (OVERSEERS as readonly string[]).includes(ctx.actor.role) &&
        (row.cityId === null || inCity(ctx.actor, row.cityId));
      if (!mine && !overseer) throw new AppError('FORBIDDEN_SCOPE');
      return presentJob(row);
    },
  };
}

export type JobsService = ReturnType<typeof createJobsService>;
