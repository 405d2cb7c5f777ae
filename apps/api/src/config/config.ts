import path from 'node:path';
import { z } from 'zod';
import type { XlsxLimits } from '../platform/xlsx-read';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().url().optional(),
  CHUANGCHENG_DATA_DIR: z.string().default('./data'),
  CHUANGCHENG_ADMIN_PASSWORD: z.string().optional(),
  /** Seals personal data at rest; default: a key file created in the data directory. */
  CHUANGCHENG_SECRET: z.string().min(32, '至少 32 个字符').optional(),
  /** Citizen portal abuse limits: reports per IP per hour and per phone per day. */
  PUBLIC_REPORTS_PER_IP_HOUR: z.coerce.number().int().min(1).max(100_000).default(20),
  PUBLIC_REPORTS_PER_PHONE_DAY: z.coerce.number().int().min(1).max(100_000).default(10),
  /** Citizen portal requests of any kind per IP per minute. */
  PUBLIC_REQUESTS_PER_IP_MINUTE: z.coerce.number().int().min(1).max(100_000).default(120),
  /** Load the demo city on an empty database: default yes on the embedded database, no on PostgreSQL. */
  CHUANGCHENG_DEMO: bool.optional(),
  CHUANGCHENG_DEMO_GRIDS: z.coerce.number().int().min(50).max(500000).default(2000),
  CHUANGCHENG_DEMO_PASSWORD: z.string().default('Demo@2026'),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  SESSION_MAX_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  COOKIE_SECURE: bool.default(false),
  BODY_LIMIT_KB: z.coerce.number().int().min(1).max(100_000).default(1024),
  UPLOAD_LIMIT_MB: z.coerce.number().int().min(1).max(1024).default(20),
  /** Excel imports: limits checked before and while parsing (the zip's directory, then the streamed sheet). */
  IMPORT_MAX_UNZIPPED_MB: z.coerce.number().int().min(1).max(2048).default(100),
  IMPORT_MAX_ENTRIES: z.coerce.number().int().min(10).max(100_000).default(1000),
  IMPORT_MAX_RATIO: z.coerce.number().int().min(10).max(10_000).default(200),
  IMPORT_MAX_ROWS: z.coerce.number().int().min(1).max(10_000_000).default(50_000),
  IMPORT_MAX_COLUMNS: z.coerce.number().int().min(1).max(16_384).default(100),
  IMPORT_MAX_CELLS: z.coerce.number().int().min(1).max(100_000_000).default(2_000_000),
  IMPORT_MAX_SHARED_STRINGS: z.coerce.number().int().min(1).max(100_000_000).default(2_000_000),
  /** Imports waiting for the one parse a process runs at a time; beyond this 503 IMPORT_BUSY. */
  IMPORT_QUEUE_LENGTH: z.coerce.number().int().min(0).max(1000).default(4),
  CHUANGCHENG_FILES_DIR: z.string().optional(),
  PHOTO_MAX_MB: z.coerce.number().min(1).max(100).default(15),
  PHOTO_MAX_MEGAPIXELS: z.coerce.number().min(1).max(500).default(60),
  /** An after-photo taken farther than this from the case's point is flagged (拍摄位置偏离). */
  PHOTO_MAX_DISTANCE_M: z.coerce.number().min(1).max(100_000).default(100),
  SWEEPER_INTERVAL_SECONDS: z.coerce.number().int().min(0).max(3600).default(60),
  /** 督办单 限期: working days from issue the form proposes, and the automatic 督办 / 挂牌 escalation uses. */
  SUPERVISION_DEADLINE_WORKDAYS: z.coerce.number().int().min(1).max(60).default(3),
  SUPERVISION_AUTO_DEADLINE_WORKDAYS: z.coerce.number().int().min(1).max(60).default(3),
  /** Readiness never says 达标 while the evidence archive's completeness (percent) is below this. */
  EVIDENCE_FLOOR_PERCENT: z.coerce.number().min(0).max(100).default(90),
  /** Background jobs' queue: pg-boss on PostgreSQL, in-process on the embedded database (auto). */
  JOBS_QUEUE: z.enum(['auto', 'in-process', 'pg-boss']).default('auto'),
  /** Finished job runs (sweeps, imports, exports …) are kept this many days. */
  JOBS_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(14),
  /** Duplicate suggestions: open cases of the same category within this many metres and hours. */
  DUPLICATE_RADIUS_M: z.coerce.number().min(1).max(5000).default(50),
  DUPLICATE_HOURS: z.coerce
    .number()
    .min(1)
    .max(24 * 365)
    .default(24),
  /** 反弹: a new case within this many metres of a case of the same category closed within these days. */
  RELAPSE_RADIUS_M: z.coerce.number().min(1).max(5000).default(50),
  RELAPSE_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  PUBLIC_URL: z.string().url().optional(),
  NOTIFY_WEBHOOK_URL: z.string().url().optional(),
  NOTIFY_WECOM_WEBHOOK: z.string().url().optional(),
  NOTIFY_DINGTALK_WEBHOOK: z.string().url().optional(),
  TILE_URL: z.string().optional(),
  TILE_ATTRIBUTION: z.string().optional(),
  GRID_CODE_RULE: z.enum(['any14or15', 'gb14', 'bj15']).default('any14or15'),
  WEB_DIST: z.string().optional(),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
});

export type Env = z.infer<typeof envSchema>;

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  adminPassword: string | undefined;
  secret: string | undefined;
  publicLimits: { reportsPerIpHour: number; reportsPerPhoneDay: number; requestsPerIpMinute: number };
  demo: { load: boolean | undefined; grids: number; password: string };
  session: { idleMinutes: number; maxHours: number; cookieSecure: boolean };
  limits: { bodyBytes: number; uploadBytes: number };
  /** Excel import limits and the per-process parse queue (platform/xlsx.ts). */
  imports: XlsxLimits & { queueLength: number };
  map: { tileUrl: string | null; tileAttribution: string | null };
  filesDir: string;
  photos: { maxBytes: number; maxPixels: number; maxDistanceM: number };
  /** Duplicate suggestions and relapse (反弹) detection. */
  caseLinks: {
    duplicateRadiusM: number;
    duplicateHours: number;
    relapseRadiusM: number;
    relapseDays: number;
  };
  /** Seconds between sweeps (lights, overdue escalation) and outbox deliveries; 0 unschedules both. */
  sweeperIntervalSeconds: number;
  /** 督办单 限期 rules (working days of the city calendar). */
  supervision: { deadlineWorkdays: number; autoDeadlineWorkdays: number };
  /** Readiness: the archive completeness (percent) below which the projection is never 达标. */
  evidenceFloorPercent: number;
  /** The job layer (platform/jobs): which queue, and how long finished runs are kept. */
  jobs: { queue: 'auto' | 'in-process' | 'pg-boss'; retentionDays: number };
  publicUrl: string;
  notify: { webhookUrl: string | null; wecomWebhook: string | null; dingtalkWebhook: string | null };
  gridCodeRule: 'any14or15' | 'gb14' | 'bj15';
  webDist: string;
  logLevel: Env['LOG_LEVEL'];
}

/** Parse the environment once; on bad values exit with a readable message naming the variables. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable means "not set" (shells and service files often export VAR=).
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`配置有误 (invalid configuration):\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.CHUANGCHENG_DATA_DIR),
    adminPassword: e.CHUANGCHENG_ADMIN_PASSWORD,
    secret: e.CHUANGCHENG_SECRET,
    publicLimits: {
      reportsPerIpHour: e.PUBLIC_REPORTS_PER_IP_HOUR,
      reportsPerPhoneDay: e.PUBLIC_REPORTS_PER_PHONE_DAY,
      requestsPerIpMinute: e.PUBLIC_REQUESTS_PER_IP_MINUTE,
    },
    demo: {
      load: e.CHUANGCHENG_DEMO,
      grids: e.CHUANGCHENG_DEMO_GRIDS,
      password: e.CHUANGCHENG_DEMO_PASSWORD,
    },
    session: {
      idleMinutes: e.SESSION_IDLE_MINUTES,
      maxHours: e.SESSION_MAX_HOURS,
      cookieSecure: e.COOKIE_SECURE,
    },
    limits: { bodyBytes: e.BODY_LIMIT_KB * 1024, uploadBytes: e.UPLOAD_LIMIT_MB * 1024 * 1024 },
    imports: {
      maxUnzippedBytes: e.IMPORT_MAX_UNZIPPED_MB * 1024 * 1024,
      maxEntries: e.IMPORT_MAX_ENTRIES,
      maxRatio: e.IMPORT_MAX_RATIO,
      maxRows: e.IMPORT_MAX_ROWS,
      maxColumns: e.IMPORT_MAX_COLUMNS,
      maxCells: e.IMPORT_MAX_CELLS,
      maxSharedStrings: e.IMPORT_MAX_SHARED_STRINGS,
      queueLength: e.IMPORT_QUEUE_LENGTH,
    },
    map: { tileUrl: e.TILE_URL ?? null, tileAttribution: e.TILE_ATTRIBUTION ?? null },
    filesDir: path.resolve(e.CHUANGCHENG_FILES_DIR ?? path.join(e.CHUANGCHENG_DATA_DIR, 'files')),
    photos: {
      maxBytes: e.PHOTO_MAX_MB * 1024 * 1024,
      maxPixels: e.PHOTO_MAX_MEGAPIXELS * 1_000_000,
      maxDistanceM: e.PHOTO_MAX_DISTANCE_M,
    },
    caseLinks: {
      duplicateRadiusM: e.DUPLICATE_RADIUS_M,
      duplicateHours: e.DUPLICATE_HOURS,
      relapseRadiusM: e.RELAPSE_RADIUS_M,
      relapseDays: e.RELAPSE_DAYS,
    },
    sweeperIntervalSeconds: e.SWEEPER_INTERVAL_SECONDS,
    supervision: {
      deadlineWorkdays: e.SUPERVISION_DEADLINE_WORKDAYS,
      autoDeadlineWorkdays: e.SUPERVISION_AUTO_DEADLINE_WORKDAYS,
    },
    evidenceFloorPercent: e.EVIDENCE_FLOOR_PERCENT,
    jobs: { queue: e.JOBS_QUEUE, retentionDays: e.JOBS_RETENTION_DAYS },
    publicUrl: (e.PUBLIC_URL ?? '').replace(/\/+$/, ''),
    notify: {
      webhookUrl: e.NOTIFY_WEBHOOK_URL ?? null,
      wecomWebhook: e.NOTIFY_WECOM_WEBHOOK ?? null,
      dingtalkWebhook: e.NOTIFY_DINGTALK_WEBHOOK ?? null,
    },
    gridCodeRule: e.GRID_CODE_RULE,
    webDist: path.resolve(e.WEB_DIST ?? path.join(import.meta.dirname, '../../../web/dist')),
    logLevel: e.LOG_LEVEL,
  };
}

export class ConfigError extends Error {}
