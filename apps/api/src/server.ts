import { ROLE_LABELS, type Role } from '@chuangcheng/contracts';
import { serve } from '@hono/node-server';
import { createApp, createServices } from './app';
import type { Config } from './config/config';
import { type Database, openDatabase } from './db/client';
import { ensureDemo } from './demo-seed';
import { BACKFILL_STAGES_JOB } from './modules/cases/index';
import { systemCtx } from './platform/actor';
import { systemClock } from './platform/clock';
import type { Logger } from './platform/logger';
import { loadSecret } from './platform/secret-box';

export interface StartedServer {
  url: string;
  close(): Promise<void>;
}

/** Opens the database, migrates, creates admin and the demo city on first start, and listens. */
export async function startServer(config: Config, logger: Logger): Promise<StartedServer> {
  const t0 = performance.now();
  // An empty or short key refuses the start before the database is touched (see platform/secret-box).
  loadSecret(config.secret, config.dataDir);
  const database: Database = await openDatabase(config);
  try {
    await database.migrate();
    const deps = { db: database.db, clock: systemClock, config, logger };
    const services = createServices(deps);
    const admin = await services.auth.ensureAdmin(config.adminPassword);
    const lines: string[] = [];
    if (admin) {
      lines.push(
        admin.generated
          ? `已创建管理员账号 admin，初始密码（仅显示这一次）：${admin.password}`
          : '已创建管理员账号 admin，密码为 CHUANGCHENG_ADMIN_PASSWORD 的值',
      );
    }
    const wantDemo = config.demo.load ?? database.kind === 'pglite';
    if (wantDemo) {
      // Loads the demo into an empty database, or finishes one a killed first start left half-done.
      const demo = await ensureDemo(database.db, config, {
        grids: config.demo.grids,
        password: config.demo.password,
        audit: services.audit.bulkLoadHook(systemCtx(), 'demo.load'),
        now: new Date(),
        onlyIntoEmpty: true,
        hooks: { afterStep: (step) => logger.info('demo step done', { step }) },
      });
      if (demo && !demo.loaded)
        lines.push(`已补全上次中断的演示数据（${demo.steps.join('、') || '无缺失步骤'}）。`);
      if (demo?.loaded) {
        lines.push(`已生成演示案件 ${demo.cases} 件（近 14 天，含各流转环节）。`);
        lines.push(
          `已载入演示城市「示范市」（${demo.loaded.counts.grids ?? 0} 个网格）。演示账号（密码 ${config.demo.password}）：`,
        );
        for (const a of demo.loaded.accounts)
          lines.push(
            `  ${a.username.padEnd(10)} ${a.role.padEnd(12)} ${ROLE_LABELS[a.role as Role]?.zh ?? ''}`,
          );
      }
    }
    const { app } = createApp(deps, services);
    const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
      const s = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () => resolve(s));
    });
    const addr = server.address();
    const port = typeof addr === 'object' && addr ? addr.port : config.port;
    const host = config.host === '0.0.0.0' ? '127.0.0.1' : config.host;
    const url = `http://${host}:${port}`;
    // Background jobs and schedules (sweeps, outbox delivery, session purge): platform/jobs.
    await services.jobs.start();
    // Stage rows for cases from before them (a no-op once every case has its rows).
    await services.jobs.enqueue(BACKFILL_STAGES_JOB, {});
    // Missing holiday data (this year, or next year from 1 November) warns at every start; work goes on.
    for (const w of await services.catalog.holidayCoverageAll()) {
      if (!w.message) continue;
      logger.warn('holiday data missing', { cityId: w.cityId, years: w.missingYears });
      lines.push(`【节假日提醒】${w.cityName}：${w.message}`);
    }
    for (const l of lines) console.log(l);
    console.log(
      `数据库：${database.kind === 'pglite' ? `嵌入式 PGlite（${config.dataDir}）` : 'PostgreSQL'}`,
    );
    console.log(`chuangcheng ready: ${url}  (${Math.round(performance.now() - t0)} ms)`);
    return {
      url,
      close: async () => {
        await services.jobs.stop();
        await new Promise<void>((r) => server.close(() => r()));
        await database.close();
      },
    };
  } catch (e) {
    await database.close();
    throw e;
  }
}
