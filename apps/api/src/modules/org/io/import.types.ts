import type { RowIssue } from '@chuangcheng/contracts';
import type { GridCodeValidator } from '@chuangcheng/domain';
import type { z } from 'zod';
import type { Db } from '../../../db/client';
import { inRegion } from '../../../platform/access';
import type { Ctx } from '../../../platform/actor';
import type { IoRepository } from './io.repository';

/** Progress of a long import or export: rows done of total, and what is happening (for the CLI bar). */
export type Progress = (done: number, total: number, stage: string) => void;

/** Everything a kind's planner needs: who imports, into which city, at what time. */
export interface ImportScope {
  ctx: Ctx;
  cityId: string;
  now: Date;
  /** The city's calendar day, for grid valid_from / valid_to. */
  today: string;
  repo: IoRepository;
  gridCode: GridCodeValidator;
  progress: Progress;
}

/** A validated import, ready to write. Planners never write; the service runs `write` in its transaction. */
export interface ImportPlan {
  total: number;
  created: number;
  updated: number;
  /** Grids changed: bump the grids version and invalidate the locate index. */
  gridsChanged: boolean;
  write(tx: Db, wrote: (rows: number) => void): Promise<void>;
}

export interface Planned {
  issues: RowIssue[];
  /** What the import will change by itself (nothing silently): shown in the dry run and the result. */
  warnings?: RowIssue[];
  plan: ImportPlan;
}

/** Collects row problems; every check adds to it and the import fails only after all rows were seen. */
export class Issues {
  readonly list: RowIssue[] = [];
  /** `muted`: headers of missing columns, already reported once on row 1. */
  constructor(
    initial: readonly RowIssue[] = [],
    private readonly muted: ReadonlySet<string> = new Set(),
  ) {
    this.list.push(...initial);
  }
  add(row: number, column: string, message: string): void {
    if (row > 1 && this.muted.has(column)) return;
    this.list.push({ row, column, message });
  }
  /** Checks a cell against a contracts field schema; returns false (and records the message) when it fails. */
  check(row: number, column: string, schema: z.ZodType, value: unknown): boolean {
    const r = schema.safeParse(value);
    if (!r.success) this.add(row, column, `${column}：${r.error.issues[0]?.message ?? '格式不正确'}`);
    return r.success;
  }
  /** Rows in file order, then in the order the checks ran (column order). */
  sorted(): RowIssue[] {
    return this.list
      .map((r, i) => ({ r, i }))
      .sort((a, b) => a.r.row - b.r.row || a.i - b.i)
      .map(({ r }) => r);
  }
}

/** Tracks codes seen in the file so a second occurrence is reported with the first one's row. */
export class FirstSeen {
  private readonly rows = new Map<string, number>();
  /** The row where `key` was first seen, or undefined (and `key` is now recorded at `row`). */
  seen(key: string, row: number): number | undefined {
    const first = this.rows.get(key);
    if (first === undefined) this.rows.set(key, row);
    return first;
  }
}

/** The record at `path` lies in the importing actor's region subtree (whole city when unscoped). */
export const inScope = (s: ImportScope, path: string | null): boolean =>
  inRegion(s.ctx.actor, s.cityId, path);

/**
 * Putting a grid into a block writes the block: a region-scoped importer may do it only when the block
 * lies wholly in their subtree (`places` from the repository's blockPlaces).
 */
export const writesBlockIn = (s: ImportScope, places: readonly (string | null)[] | undefined): boolean =>
  s.ctx.actor.regionPath === null || (!!places?.length && places.every((p) => inScope(s, p)));

export const byKey = <T, K>(rows: readonly T[], key: (r: T) => K): Map<K, T> =>
  new Map(rows.map((r) => [key(r), r]));
