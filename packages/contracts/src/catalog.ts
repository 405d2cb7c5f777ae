import { z } from 'zod';
import { pageQuerySchema } from './common';
import type { Labels } from './labels';

// ---- time units and traffic lights (used by the catalogue, routing rules and cases) ------------

/** The four time units of 数字城管 time limits. */
export const TIME_UNITS = ['urgent_hours', 'work_hours', 'work_days', 'natural_days'] as const;
export type TimeUnit = (typeof TIME_UNITS)[number];
export const TIME_UNIT_LABELS: Labels<TimeUnit> = {
  urgent_hours: { zh: '紧急工作时', en: 'Urgent hours (24×7)' },
  work_hours: { zh: '工作时', en: 'Office hours' },
  work_days: { zh: '工作日', en: 'Working days' },
  natural_days: { zh: '自然日', en: 'Calendar days' },
};
export const timeUnitSchema = z.enum(TIME_UNITS);
export const timeLimitSchema = z.object({
  value: z.number().positive().max(10000),
  unit: timeUnitSchema,
});
export type TimeLimit = z.infer<typeof timeLimitSchema>;

export const LIGHTS = ['green', 'yellow', 'red'] as const;
export type Light = (typeof LIGHTS)[number];
export const LIGHT_LABELS: Labels<Light> = {
  green: { zh: '正常', en: 'On time' },
  yellow: { zh: '即将超期', en: 'Due soon' },
  red: { zh: '已超期', en: 'Overdue' },
};

// ---- catalogue (问题分类) ---------------------------------------------------------------------------

export const CATEGORY_KINDS = ['component', 'event'] as const;
export type CategoryKind = (typeof CATEGORY_KINDS)[number];
export const CATEGORY_KIND_LABELS: Labels<CategoryKind> = {
  component: { zh: '部件', en: 'Component' },
  event: { zh: '事件', en: 'Event' },
};

/** Depth in the tree: 1 大类, 2 小类, 3 细类 (the kind is the root and not a row). */
export const CATEGORY_LEVELS = ['major', 'minor', 'detail'] as const;
export type CategoryLevel = (typeof CATEGORY_LEVELS)[number];
export const CATEGORY_LEVEL_LABELS: Labels<CategoryLevel> = {
  major: { zh: '大类', en: 'Major class' },
  minor: { zh: '小类', en: 'Minor class' },
  detail: { zh: '细类', en: 'Detail class' },
};

export const SEVERITIES = ['low', 'normal', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];
export const SEVERITY_LABELS: Labels<Severity> = {
  low: { zh: '一般', en: 'Low' },
  normal: { zh: '较重', en: 'Normal' },
  high: { zh: '严重', en: 'High' },
  critical: { zh: '特别严重', en: 'Critical' },
};

/** 立案条件: when a problem of this class is filed, its time limit and when it may be closed. */
export const filingConditionSchema = z.object({
  id: z.uuid(),
  text: z.string(),
  timeLimit: timeLimitSchema,
  closingCondition: z.string(),
});
export type FilingCondition = z.infer<typeof filingConditionSchema>;

export const categorySchema = z.object({
  id: z.uuid(),
  parentId: z.uuid().nullable(),
  kind: z.enum(CATEGORY_KINDS),
  level: z.enum(CATEGORY_LEVELS),
  code: z.string(),
  name: z.string(),
  /** Full path for display, e.g. "事件 / 市容环境 / 暴露垃圾". */
  path: z.string(),
  department: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  departmentName: z.string().nullable(),
  severity: z.enum(SEVERITIES),
  conditions: z.array(filingConditionSchema),
  disabled: z.boolean(),
});
export type Category = z.infer<typeof categorySchema>;

export const catalogVersionSchema = z.object({
  id: z.uuid(),
  version: z.number().int(),
  note: z.string().nullable(),
  active: z.boolean(),
  categoryCount: z.number().int(),
  createdAt: z.string(),
});
export type CatalogVersion = z.infer<typeof catalogVersionSchema>;

const conditionInput = z.strictObject({
  text: z.string().trim().min(1).max(300),
  timeLimit: timeLimitSchema,
  closingCondition: z.string().trim().min(1).max(300),
});
export const createCategorySchema = z.strictObject({
  parentId: z.uuid().nullable().optional(),
  kind: z.enum(CATEGORY_KINDS),
  code: z
    .string()
    .trim()
    .regex(/^[0-9]{2,8}$/, '分类编码为 2–8 位数字'),
  name: z.string().trim().min(1).max(64),
  departmentId: z.uuid().nullable().optional(),
  severity: z.enum(SEVERITIES).default('normal'),
  conditions: z.array(conditionInput).max(20).default([]),
});
export type CreateCategory = z.infer<typeof createCategorySchema>;
export const updateCategorySchema = createCategorySchema
  .omit({ kind: true, parentId: true, code: true })
  .partial()
  .extend({ disabled: z.boolean().optional() });
export type UpdateCategory = z.infer<typeof updateCategorySchema>;

export const categoryListQuerySchema = z.object({
  kind: z.enum(CATEGORY_KINDS).optional(),
  /** Only classes a case can be filed under (小类/细类 with at least one condition). */
  fileable: z.enum(['true', 'false']).optional(),
  q: z.string().trim().max(100).optional(),
});

// ---- routing rules (派遣规则) ------------------------------------------------------------------

/** 产权 / owner of the place, a routing criterion. */
export const OWNERS = ['public', 'unit', 'residential', 'private', 'unknown'] as const;
export type Owner = (typeof OWNERS)[number];
export const OWNER_LABELS: Labels<Owner> = {
  public: { zh: '公共区域', en: 'Public' },
  unit: { zh: '单位庭院', en: 'Institution' },
  residential: { zh: '居民小区', en: 'Residential' },
  private: { zh: '私人产权', en: 'Private' },
  unknown: { zh: '不明', en: 'Unknown' },
};

export const STAGE_LIMIT_KEYS = ['dispatch', 'accept', 'dispose', 'verify'] as const;
export type StageLimitKey = (typeof STAGE_LIMIT_KEYS)[number];
export const STAGE_LIMIT_LABELS: Labels<StageLimitKey> = {
  dispatch: { zh: '派遣时限', en: 'Dispatch limit' },
  accept: { zh: '签收时限', en: 'Accept limit' },
  dispose: { zh: '处置时限', en: 'Disposal limit' },
  verify: { zh: '核查时限', en: 'Verification limit' },
};
export const stageLimitsSchema = z.object({
  dispatch: timeLimitSchema.optional(),
  accept: timeLimitSchema.optional(),
  dispose: timeLimitSchema.optional(),
  verify: timeLimitSchema.optional(),
});
export type StageLimits = z.infer<typeof stageLimitsSchema>;

const refName = z.object({ id: z.uuid(), name: z.string() });

export const routingRuleSchema = z.object({
  id: z.uuid(),
  priority: z.number().int(),
  name: z.string(),
  enabled: z.boolean(),
  categories: z.array(refName),
  region: refName.nullable(),
  block: refName.nullable(),
  sources: z.array(z.string()),
  owners: z.array(z.enum(OWNERS)),
  leadUnit: refName,
  coUnits: z.array(refName),
  limits: stageLimitsSchema,
});
export type RoutingRule = z.infer<typeof routingRuleSchema>;

export const createRoutingRuleSchema = z.strictObject({
  priority: z.number().int().min(1).max(100000),
  name: z.string().trim().min(1).max(100),
  enabled: z.boolean().default(true),
  categoryIds: z.array(z.uuid()).max(200).default([]),
  regionId: z.uuid().nullable().optional(),
  blockId: z.uuid().nullable().optional(),
  sources: z.array(z.string()).max(20).default([]),
  owners: z.array(z.enum(OWNERS)).max(5).default([]),
  leadUnitId: z.uuid(),
  coUnitIds: z.array(z.uuid()).max(20).default([]),
  limits: stageLimitsSchema.default({}),
});
export type CreateRoutingRule = z.infer<typeof createRoutingRuleSchema>;
export const updateRoutingRuleSchema = createRoutingRuleSchema.partial();
export type UpdateRoutingRule = z.infer<typeof updateRoutingRuleSchema>;
export const routingRuleListQuerySchema = pageQuerySchema;

// ---- working calendar (工作日历) ----------------------------------------------------------------

const holidayYearSchema = z.number().int().min(1970).max(2200);
const hhmm = z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, '时间格式为 HH:MM');
export const officeHoursSchema = z
  .array(z.object({ start: hhmm, end: hhmm }))
  .min(1)
  .max(4);
export const calendarSchema = z.object({
  officeHours: officeHoursSchema,
  /** Public holidays (放假日), ISO dates. */
  holidays: z.array(z.iso.date()).max(2000),
  /** 调休 make-up working days (weekend days that are working days), ISO dates. */
  makeupWorkdays: z.array(z.iso.date()).max(500),
  utcOffsetMinutes: z.number().int().min(-720).max(840),
  /**
   * Years whose holidays are in the data (built in or imported). Any other year counts weekends only and
   * its deadlines are marked 期限暂估; a year is never guessed.
   */
  holidayYears: z.array(holidayYearSchema).max(300),
  /** The holiday each listed day belongs to (元旦, 春节 …); display and export only. */
  dayNames: z.record(z.string(), z.string().max(40)).optional(),
});
export type CalendarData = z.infer<typeof calendarSchema>;
export const updateCalendarSchema = calendarSchema.partial().strict();

// ---- holiday data per year (节假日安排) -----------------------------------------------------------

export const HOLIDAY_DAY_KINDS = ['holiday', 'makeup'] as const;
export type HolidayDayKind = (typeof HOLIDAY_DAY_KINDS)[number];
export const HOLIDAY_DAY_KIND_LABELS: Record<HolidayDayKind, { zh: string; en: string }> = {
  holiday: { zh: '放假', en: 'Day off' },
  makeup: { zh: '调休上班', en: 'Make-up working day' },
};
export const holidayDaySchema = z.object({
  date: z.iso.date(),
  kind: z.enum(HOLIDAY_DAY_KINDS),
  name: z.string(),
});
export type HolidayDay = z.infer<typeof holidayDaySchema>;
/** What the calendar lacks now: the current year, and from 1 November next year. */
export const holidayCoverageSchema = z.object({
  cityId: z.uuid(),
  cityName: z.string(),
  /** The city's current year (local time). */
  year: z.number().int(),
  missingYears: z.array(z.number().int()),
  /** The warning (Chinese) or null when nothing is missing. */
  message: z.string().nullable(),
});
export type HolidayCoverage = z.infer<typeof holidayCoverageSchema>;
export const holidayYearSummarySchema = z.object({
  year: z.number().int(),
  /** Shipped with the software (the State Council notices of those years) and not re-imported. */
  builtIn: z.boolean(),
  holidays: z.number().int(),
  makeupWorkdays: z.number().int(),
  days: z.array(holidayDaySchema),
});
export const holidayYearsSchema = z.object({
  years: z.array(holidayYearSummarySchema),
  coverage: holidayCoverageSchema,
});
export type HolidayYears = z.infer<typeof holidayYearsSchema>;
export const holidayImportQuerySchema = z.object({
  year: z.coerce.number().int().min(1970).max(2200),
  dryRun: z.enum(['true', 'false']).optional(),
});
export const holidayImportResultSchema = z.object({
  dryRun: z.boolean(),
  year: z.number().int(),
  /** The year's days as they will be (dry run) or now are. */
  days: z.array(holidayDaySchema),
  /** The year's days before the import (0 for a new year). */
  replaced: z.number().int(),
  /** The run that recomputes the open cases' estimated deadlines (GET /api/jobs/{id}); null on a dry run. */
  recomputeJobId: z.uuid().nullable(),
});
export type HolidayImportResult = z.infer<typeof holidayImportResultSchema>;

// ---- routing preview and catalogue import (the catalog API's answers) ---------------------------

/** Who decided where a case went: a rule, the category's department, the grid, the area, or nobody. */
export const ROUTE_KINDS = ['rule', 'category', 'grid', 'region', 'manual'] as const;
export const ROUTE_KIND_LABELS: Labels<(typeof ROUTE_KINDS)[number]> = {
  rule: { zh: '派遣规则', en: 'Routing rule' },
  category: { zh: '类别主管部门', en: 'Category department' },
  grid: { zh: '网格牵头单位', en: 'Grid lead unit' },
  region: { zh: '属地兜底', en: 'Local fallback' },
  manual: { zh: '人工派遣', en: 'Manual dispatch' },
};

export const routePreviewQuerySchema = z.object({
  categoryId: z.uuid(),
  conditionId: z.uuid().optional(),
  lng: z.coerce.number().min(-180).max(180),
  lat: z.coerce.number().min(-90).max(90),
  /** A case source (CASE_SOURCES); free text here because rules store sources as strings. */
  source: z.string().trim().min(1).max(32).default('inspector'),
  owner: z.enum(OWNERS).default('public'),
});
export type RoutePreviewQuery = z.infer<typeof routePreviewQuerySchema>;

/** What the dispatcher would decide for a category at a point, and why. */
export const routePreviewSchema = z.object({
  leadUnit: refName.nullable(),
  coUnits: z.array(refName),
  route: z.object({
    kind: z.enum(ROUTE_KINDS),
    ruleId: z.uuid().nullable(),
    rulePriority: z.number().int().nullable(),
    text: z.string(),
  }),
  grid: z.object({ id: z.uuid(), code: z.string(), name: z.string() }).nullable(),
  outOfGrid: z.boolean(),
  /** The point lies in a grid outside the reader's scope: no grid, unit or rule is shown. */
  outOfScope: z.boolean(),
  limits: stageLimitsSchema,
});
export type RoutePreview = z.infer<typeof routePreviewSchema>;

/** An Excel catalogue import: the org import's counts plus the version it created (null on a dry run). */
export const catalogImportResultSchema = z.object({
  kind: z.literal('catalog'),
  dryRun: z.boolean(),
  total: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  versionId: z.uuid().nullable(),
  version: z.number().int().nullable(),
});
export type CatalogImportResult = z.infer<typeof catalogImportResultSchema>;
