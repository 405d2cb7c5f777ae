import fs from 'node:fs';
import path from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { compress } from 'hono/compress';
import { z } from 'zod';
import type { Config } from './config/config';
import type { Db } from './db/client';
import { recordDenials } from './http/denials';
import { DOCS_INIT_SCRIPT, docsPage, swaggerAssetsDir } from './http/docs';
import type { EndpointMeta } from './http/endpoint';
import type { AppEnv } from './http/env';
import { errorHandler, validationHook } from './http/errors';
import { rejectBadUrlText } from './http/input-text';
import { requestId, securityHeaders, sessionLoader } from './http/middleware';
import { createAccountabilityService, registerAccountabilityRoutes } from './modules/accountability/index';
import { createAssessmentsService, registerAssessmentsRoutes } from './modules/assessments/index';
import { createAuditService, createSecurityEvents, registerAuditRoutes } from './modules/audit/index';
import { createAuthService, registerAuthRoutes } from './modules/auth/index';
import { createCampaignsService, registerCampaignsRoutes } from './modules/campaigns/index';
import {
  backfillStagesJob,
  createCaseDocuments,
  createCaseLinksService,
  createCasesService,
  createKpisService,
  createPhotosService,
  createSavedViewsService,
  createSweeper,
  RECOMPUTE_JOB,
  recomputeDeadlinesJob,
  registerCaseLinksRoutes,
  registerCasesRoutes,
  sweepJob,
} from './modules/cases/index';
import { createCatalogService, registerCatalogRoutes } from './modules/catalog/index';
import { createCitizenService, registerCitizenRoutes } from './modules/citizen/index';
import { createEvidenceService, registerEvidenceRoutes } from './modules/evidence/index';
import { createExposureService, registerExposureRoutes } from './modules/exposure/index';
import { createJobsService, registerJobsRoutes } from './modules/jobs/index';
import {
  createNotifyService,
  deliveryJob,
  dingtalkAdapter,
  type NotifyAdapter,
  registerNotifyRoutes,
  webhookAdapter,
  wecomAdapter,
} from './modules/notify/index';
import { createOpen311Service, registerOpen311Routes } from './modules/open311/index';
import {
  createOrgIoService,
  createOrgService,
  registerOrgIoRoutes,
  registerOrgRoutes,
  registerPortalCityRoutes,
} from './modules/org/index';
import { createRectlistsService, rectlistJob, registerRectlistsRoutes } from './modules/rectlists/index';
import { createStandardsService, registerStandardsRoutes } from './modules/standards/index';
import {
  createSupervisionDocuments,
  createSupervisionService,
  registerSupervisionRoutes,
} from './modules/supervision/index';
import { AppError } from './platform/app-error';
import type { Clock } from './platform/clock';
import { type FileStore, localFileStore } from './platform/file-store';
import { createJobRunner, defineJob } from './platform/jobs/index';
import { createLogger, type Logger } from './platform/logger';
import { createRateLimiter } from './platform/rate-limit';
import { createSecretBox, loadSecret } from './platform/secret-box';
import { configureImports } from './platform/xlsx';

z.config(z.locales.zhCN());

export interface AppDeps {
  db: Db;
  clock: Clock;
  config: Config;
  logger: Logger;
  /** Photos and documents; defaults to a local directory (config.filesDir). */
  files?: FileStore;
}

/** The services of one process, built once from injected db/clock/config. */
export function createServices(deps: Omit<AppDeps, 'logger'> & { logger?: Logger }) {
  const audit = createAuditService({ db: deps.db, clock: deps.clock });
  const auth = createAuthService({ db: deps.db, clock: deps.clock, audit, session: deps.config.session });
  const org = createOrgService({
    db: deps.db,
    clock: deps.clock,
    audit,
    gridCodeRule: deps.config.gridCodeRule,
  });
  const { config } = deps;
  configureImports(config.imports); // process-wide, like the import queue it bounds
  const catalog = createCatalogService({ db: deps.db, clock: deps.clock, audit, org });
  const adapters: NotifyAdapter[] = [];
  if (config.notify.webhookUrl) adapters.push(webhookAdapter(config.notify.webhookUrl));
  if (config.notify.wecomWebhook) adapters.push(wecomAdapter(config.notify.wecomWebhook));
  if (config.notify.dingtalkWebhook) adapters.push(dingtalkAdapter(config.notify.dingtalkWebhook));
  const notify = createNotifyService({ db: deps.db, clock: deps.clock, adapters });
  const files = deps.files ?? localFileStore(config.filesDir);
  const photos = createPhotosService({ db: deps.db, clock: deps.clock, files, limits: config.photos });
  const secrets = createSecretBox(loadSecret(config.secret, config.dataDir));
  const cases = createCasesService({
    db: deps.db,
    clock: deps.clock,
    catalog,
    photos,
    notify,
    secrets,
    publicUrl: config.publicUrl,
    supervision: config.supervision,
  });
  const kpis = createKpisService({
    db: deps.db,
    repo: cases.repo,
    clock: deps.clock,
    // The sweeper's latest runs, read when a KPI page is served (the job layer is built below).
    sweepHealth: async () => (await jobs.health()).find((j) => j.name === 'cases.sweep') ?? null,
    sweepEverySeconds: config.sweeperIntervalSeconds,
  });
  const caseLinks = createCaseLinksService({ ...deps, cases, catalog, photos, rules: config.caseLinks });
  const documents = createCaseDocuments({ db: deps.db, clock: deps.clock, cases, kpis });
  const savedViews = createSavedViewsService({ db: deps.db, clock: deps.clock });
  const supervision = createSupervisionService({ db: deps.db, clock: deps.clock, audit, cases, photos });
  const sweeper = createSweeper({
    db: deps.db,
    clock: deps.clock,
    repo: cases.repo,
    notify,
    publicUrl: config.publicUrl,
    calendars: cases.calendars,
    supervision: config.supervision,
  });
  // The job layer: background work and schedules (wall-clock time, not the injected clock).
  const jobs = createJobRunner({
    db: deps.db,
    logger: deps.logger ?? createLogger(config.logLevel),
    mode: config.jobs.queue,
    retentionDays: config.jobs.retentionDays,
  });
  const every = config.sweeperIntervalSeconds || null;
  jobs.register(sweepJob(sweeper, every));
  jobs.register(backfillStagesJob(deps.db));
  jobs.register(deliveryJob(notify, every));
  jobs.register(
    defineJob({
      name: 'auth.purge-sessions',
      payload: z.object({}),
      singleton: true,
      schedule: { everySeconds: 3600 },
      handler: () => auth.purgeExpiredSessions(),
    }),
  );
  // Importing a year's holidays recomputes the open cases' estimated deadlines (期限暂估) in a job.
  jobs.register(
    recomputeDeadlinesJob({
      db: deps.db,
      clock: deps.clock,
      catalog,
      repo: cases.repo,
      calendars: cases.calendars,
    }),
  );
  catalog.setHolidayYearsListener((cityId, years, ctx) => {
    cases.calendars.invalidate(cityId);
    return jobs.enqueue(RECOMPUTE_JOB, { cityId, years }, { cityId, createdBy: ctx.actor.id });
  });
  const standards = createStandardsService({ db: deps.db, clock: deps.clock, audit, org });
  const campaigns = createCampaignsService({ db: deps.db, clock: deps.clock, audit, org, standards });
  const evidence = createEvidenceService({
    db: deps.db,
    clock: deps.clock,
    audit,
    files,
    standards,
    campaigns,
    maxBytes: config.limits.uploadBytes,
  });
  const assessments = createAssessmentsService({
    db: deps.db,
    clock: deps.clock,
    audit,
    standards,
    campaigns,
    evidence,
    cases,
    kpis,
    photos,
    evidenceFloor: config.evidenceFloorPercent,
  });
  const rectlists = createRectlistsService({
    db: deps.db,
    clock: deps.clock,
    audit,
    cases,
    catalog,
    org,
    jobs,
  });
  jobs.register(rectlistJob(rectlists));
  const citizen = createCitizenService({
    db: deps.db,
    clock: deps.clock,
    cases,
    photos,
    catalog,
    org,
    secrets,
    limiter: createRateLimiter({ db: deps.db, clock: deps.clock }),
    limits: { ...config.publicLimits, photoMaxBytes: config.photos.maxBytes },
    map: config.map,
  });
  const open311 = createOpen311Service({
    db: deps.db,
    clock: deps.clock,
    audit,
    cases,
    catalog,
    org,
    photos,
    limiter: createRateLimiter({ db: deps.db, clock: deps.clock }),
    publicUrl: config.publicUrl,
    limits: {
      getsPerIpMinute: config.publicLimits.requestsPerIpMinute,
      postsPerKeyMinute: 30,
      postsPerKeyDay: 2000,
    },
  });
  return {
    securityEvents: createSecurityEvents({ db: deps.db, clock: deps.clock }),
    secrets,
    citizen,
    open311,
    audit,
    auth,
    org,
    catalog,
    notify,
    photos,
    cases,
    caseLinks,
    kpis,
    documents,
    savedViews,
    sweeper,
    jobs,
    jobRuns: createJobsService({ db: deps.db }),
    standards,
    campaigns,
    evidence,
    assessments,
    exposure: createExposureService({ db: deps.db, clock: deps.clock, audit, cases, photos, kpis, org }),
    rectlists,
    accountability: createAccountabilityService({ db: deps.db, clock: deps.clock, audit, cases }),
    supervision,
    supervisionDocuments: createSupervisionDocuments({
      supervision,
      photos,
      now: () => deps.clock.now(),
    }),
  };
}
export type Services = ReturnType<typeof createServices>;

/** Builds the HTTP app (no listen): API, OpenAPI document and docs, and the built web console. */
export function createApp(deps: AppDeps, services: Services = createServices(deps)) {
  const { config } = deps;
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  const endpoints: EndpointMeta[] = [];

  app.use('*', requestId, securityHeaders(config.map), compress());
  app.onError(errorHandler(deps.logger));
  app.notFound((c) => {
    if (c.req.path.startsWith('/api/')) throw new AppError('NOT_FOUND', { path: c.req.path });
    return c.text('Not Found', 404);
  });
  // Liveness, plus the scheduled jobs: the last sweep, and any job whose latest run failed.
  app.get('/healthz', async (c) => {
    const scheduled = await services.jobs.health();
    const failing = scheduled
      .filter((j) => j.failing)
      .map((j) => ({ name: j.name, jobId: j.failedJobId, at: j.lastRunAt }));
    // Holiday data: a city missing this year (or, from 1 November, next year) warns; work goes on.
    const missing = (await services.catalog.holidayCoverageAll())
      .filter((h) => h.missingYears.length > 0)
      .map((h) => ({ cityId: h.cityId, cityName: h.cityName, years: h.missingYears, message: h.message }));
    return c.json({
      ok: true,
      time: deps.clock.now().toISOString(),
      lastSweepAt: scheduled.find((j) => j.name === 'cases.sweep')?.lastSuccessAt ?? null,
      jobs: { queue: services.jobs.mode, failing },
      holidays: { ok: missing.length === 0, missing },
    });
  });
  // NUL / lone surrogates in a path or query string: 400 INVALID_CHARACTERS (Open311 answers its own
  // error format for the same check).
  app.use('*', (c, next) => (c.req.path.startsWith('/open311/') ? next() : rejectBadUrlText(c, next)));

  const jsonLimit = bodyLimit({
    maxSize: config.limits.bodyBytes,
    onError: () => {
      throw new AppError('PAYLOAD_TOO_LARGE', { limitBytes: config.limits.bodyBytes });
    },
  });
  const uploadLimit = bodyLimit({
    maxSize: config.limits.uploadBytes,
    onError: () => {
      throw new AppError('PAYLOAD_TOO_LARGE', { limitBytes: config.limits.uploadBytes });
    },
  });
  const isUpload = (p: string) =>
    p.startsWith('/api/imports/') ||
    p === '/api/photos' ||
    p === '/api/public/photos' ||
    p === '/api/evidence' ||
    /^\/api\/campaigns\/[^/]+\/tasks\/import$/.test(p);
  app.use('/api/*', async (c, next) => (isUpload(c.req.path) ? uploadLimit(c, next) : jsonLimit(c, next)));
  app.use('/api/*', sessionLoader(services.auth));
  app.use('/api/*', recordDenials(endpoints, services.securityEvents, deps.logger));

  app.get('/api/config', async (c) =>
    c.json({
      ...(await services.org.mapDefaults()),
      tileUrl: config.map.tileUrl,
      tileAttribution: config.map.tileAttribution,
    }),
  );
  registerAuthRoutes(app, endpoints, services.auth, {
    cookieSecure: config.session.cookieSecure,
    maxHours: config.session.maxHours,
  });
  registerAuditRoutes(app, endpoints, services.audit, services.securityEvents);
  registerOrgRoutes(app, endpoints, services.org);
  registerPortalCityRoutes(app, endpoints, services.org);
  // Before the org import routes: /api/imports/catalog is not one of their {kind}s.
  registerCatalogRoutes(app, endpoints, services.catalog);
  registerCaseLinksRoutes(app, endpoints, services.caseLinks); // before /api/cases/{id}
  registerCasesRoutes(app, endpoints, services);
  registerSupervisionRoutes(app, endpoints, services.supervision, services.supervisionDocuments);
  registerNotifyRoutes(app, endpoints, services.notify);
  registerJobsRoutes(app, endpoints, services.jobRuns);
  registerCitizenRoutes(app, endpoints, services.citizen);
  registerOpen311Routes(app, endpoints, services.open311, {
    bodyBytes: config.limits.bodyBytes,
    logger: deps.logger,
  });
  registerExposureRoutes(app, endpoints, services.exposure); // after the citizen routes' /api/public limit
  registerStandardsRoutes(app, endpoints, services.standards);
  registerCampaignsRoutes(app, endpoints, services.campaigns);
  registerEvidenceRoutes(app, endpoints, services.evidence);
  registerAssessmentsRoutes(app, endpoints, services.assessments);
  registerRectlistsRoutes(app, endpoints, services.rectlists); // before /api/imports/{kind}
  registerAccountabilityRoutes(app, endpoints, services.accountability);
  registerOrgIoRoutes(
    app,
    endpoints,
    createOrgIoService({ ...services, db: deps.db, clock: deps.clock, gridCodeRule: config.gridCodeRule }),
  );

  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: '创城 chuangcheng API',
      version: '0.1.0',
      description: '错误格式：{ error: { code, message, details } }',
    },
  });
  app.get('/api/docs', (c) => c.html(docsPage()));
  app.get('/api/docs/init.js', (c) => c.body(DOCS_INIT_SCRIPT, 200, { 'content-type': 'text/javascript' }));
  app.use(
    '/api/docs/assets/*',
    serveStatic({
      root: path.relative(process.cwd(), swaggerAssetsDir()),
      rewriteRequestPath: (p) => p.replace('/api/docs/assets', ''),
    }),
  );

  if (fs.existsSync(path.join(config.webDist, 'index.html'))) {
    const root = path.relative(process.cwd(), config.webDist) || '.';
    app.use('/assets/*', async (c, next) => {
      await next();
      c.header('Cache-Control', 'public, max-age=31536000, immutable');
    });
    app.use('/*', serveStatic({ root }));
    // Client-side routes: any other GET outside /api gets the console's index.html, or under /c the
    // citizen portal's own small page. Read per request (they are small): a rebuilt web is served
    // without restarting the server.
    app.get('*', (c) => {
      if (c.req.path.startsWith('/api/')) return c.notFound();
      const citizen = c.req.path === '/c' || c.req.path.startsWith('/c/');
      return c.html(
        fs.readFileSync(path.join(config.webDist, citizen ? 'citizen.html' : 'index.html'), 'utf8'),
      );
    });
  }
  return { app, endpoints, services };
}
