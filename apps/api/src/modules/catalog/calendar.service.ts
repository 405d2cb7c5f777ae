import {
  type CalendarData,
  calendarSchema,
  type FieldIssue,
  type updateCalendarSchema,
} from '@chuangcheng/contracts';
import { DEFAULT_CALENDAR } from '@chuangcheng/domain';
import type { z } from 'zod';
import { requireRole } from '../../platform/access';
import type { Ctx } from '../../platform/actor';
import { AppError } from '../../platform/app-error';
import type { CatalogDeps } from './catalog.deps';
import { CATALOG_READ, CATALOG_WRITE } from './catalog.policy';
import { presentCalendar } from './catalog.presenter';
import type { CategoriesService } from './categories.service';
import { createRoutingRepository } from './routing.repository';

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Office intervals sorted and non-overlapping; a day is not both a holiday and a make-up working day. */
export function calendarIssues(d: CalendarData): FieldIssue[] {
  const issues: FieldIssue[] = [];
  let prevEnd = -1;
  d.officeHours.forEach((h, i) => {
    const start = minutes(h.start);
    const end = minutes(h.end);
    if (end <= start)
      issues.push({
        field: `officeHours.${i}`,
        message: `办公时段 ${h.start}–${h.end} 的结束时间须晚于开始时间`,
      });
    else if (start < prevEnd)
      issues.push({
        field: `officeHours.${i}`,
        message: `办公时段 ${h.start}–${h.end} 须按时间先后排列且不得重叠`,
      });
    prevEnd = Math.max(prevEnd, end);
  });
  const holidays = new Set(d.holidays);
  const both = d.makeupWorkdays.filter((x) => holidays.has(x));
  if (both.length)
    issues.push({ field: 'makeupWorkdays', message: `日期不能既是放假日又是调休上班日：${both.join('、')}` });
  return issues;
}

const sortedUnique = (xs: readonly string[]) => [...new Set(xs)].sort();

/** The city's working calendar (office hours, holidays, 调休) as data; the maths is in the domain. */
export function createCalendarService(deps: CatalogDeps, categories: CategoriesService) {
  const repo = createRoutingRepository(deps.db);

  /** The stored calendar, or the national default for a city that never edited one. */
  async function calendarData(cityId: string): Promise<CalendarData> {
    const stored = calendarSchema.safeParse(await repo.calendar(cityId));
    return stored.success ? stored.data : DEFAULT_CALENDAR;
  }

  return {
    calendarData,

    async getCalendar(ctx: Ctx): Promise<CalendarData> {
      requireRole(ctx.actor, CATALOG_READ);
      return presentCalendar(await calendarData(await categories.cityOf(ctx)));
    },

    /** Changes part of the calendar (e.g. next year's holidays); validated as a whole, audited. */
    async updateCalendar(ctx: Ctx, patch: z.infer<typeof updateCalendarSchema>): Promise<CalendarData> {
      requireRole(ctx.actor, CATALOG_WRITE);
      const cityId = await categories.cityOf(ctx);
      const before = await calendarData(cityId);
      const next: CalendarData = { ...before, ...patch };
      next.holidays = sortedUnique(next.holidays);
      next.makeupWorkdays = sortedUnique(next.makeupWorkdays);
      const issues = calendarIssues(next);
      if (issues.length) throw new AppError('VALIDATION_FAILED', { fields: issues });
      await deps.db.transaction(async (tx) => {
        await createRoutingRepository(tx).saveCalendar(cityId, next, deps.clock.now());
        await deps.audit.record(tx, ctx, {
          cityId,
          action: 'update',
          entityType: 'calendar',
          entityId: cityId,
          before,
          after: patch,
        });
      });
      return presentCalendar(next);
    },
  };
}

export type CalendarService = ReturnType<typeof createCalendarService>;
