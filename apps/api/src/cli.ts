import { ROLES } from '@chuangcheng/contracts';
import { Command, Option } from 'commander';
import { createServices } from './app';
import { registerIoCommands } from './cli/io-commands';
import { progressBar } from './cli/progress';
import { type Config, ConfigError, loadConfig } from './config/config';
import { type Database, openDatabase } from './db/client';
import { DataDirLockedError } from './db/lock';
import { ensureDemo } from './demo-seed';
import { systemCtx } from './platform/actor';
import { AppError } from './platform/app-error';
import { systemClock } from './platform/clock';
import { createLogger } from './platform/logger';
import { startServer } from './server';

/** Opens the configured database, runs `fn`, closes it. */
export async function withDatabase<T>(fn: (db: Database, config: Config) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = await openDatabase(config);
  try {
    await database.migrate();
    return await fn(database, config);
  } finally {
    await database.close();
  }
}

export const servicesOf = (database: Database, config: Config) =>
  createServices({ db: database.db, clock: systemClock, config });

const program = new Command('chuangcheng')
  .description('创城 chuangcheng — 创卫/创文 campaign platform')
  .showHelpAfterError();

program
  .command('serve')
  .description('启动服务（API + 控制台）。首次启动时迁移数据库、创建 admin 并（嵌入式数据库上）载入演示城市')
  .action(async () => {
    const config = loadConfig();
    const server = await startServer(config, createLogger(config.logLevel));
    const stop = async (sig: string) => {
      console.log(`收到 ${sig}，正在停止…`);
      await server.close();
      process.exit(0);
    };
    process.once('SIGINT', () => void stop('SIGINT'));
    process.once('SIGTERM', () => void stop('SIGTERM'));
  });

program
  .command('migrate')
  .description('执行数据库迁移（嵌入式 PGlite 或 DATABASE_URL 指定的 PostgreSQL）')
  .action(() => withDatabase(async (db) => console.log(`迁移完成（${db.kind}）`)));

program
  .command('demo')
  .description('载入演示城市「示范市」（按种子确定性生成）')
  .option('--grids <n>', '网格数量', (v) => Number.parseInt(v, 10), 2000)
  .option('--seed <n>', '随机种子', (v) => Number.parseInt(v, 10))
  .option('--cases <n>', '演示案件数（经真实流程生成）', (v) => Number.parseInt(v, 10), 60)
  .action((opts: { grids: number; seed?: number; cases: number }) =>
    withDatabase(async (database, config) => {
      const bar = progressBar('载入演示城市');
      // Loads the demo city and its data, or finishes a demo whose loading was interrupted.
      const r = await ensureDemo(database.db, config, {
        grids: opts.grids,
        seed: opts.seed,
        password: config.demo.password,
        onProgress: (d, t, s) => bar.update(d, t, s),
        audit: servicesOf(database, config).audit.bulkLoadHook(systemCtx(), 'demo.load'),
        now: new Date(),
        cases: opts.cases,
        onlyIntoEmpty: false,
      });
      bar.done();
      if (r && !r.loaded) console.log(`已补全上次中断的演示数据：${r.steps.join('、') || '无缺失步骤'}`);
      if (r?.loaded) {
        console.log(`完成：${JSON.stringify({ ...r.loaded.counts, cases: r.cases })}`);
        for (const a of r.loaded.accounts)
          console.log(`  ${a.username.padEnd(10)} ${a.role.padEnd(12)} 密码 ${a.password}`);
      }
    }),
  );

const user = program.command('user').description('用户管理');
user
  .command('create')
  .description('创建用户')
  .requiredOption('--username <name>', '用户名')
  .requiredOption('--name <displayName>', '显示名称')
  .addOption(new Option('--role <role>', '角色').choices([...ROLES]).makeOptionMandatory())
  .option('--password <password>', '密码（不给则生成并显示一次）')
  .option('--city <id>', '所属城市 id（系统管理员以外的账号必须归属城市；给了区划或单位时可省略）')
  .option('--region <id>', '管辖区划 id')
  .option('--unit <id>', '所属单位 id')
  .action(
    (o: {
      username: string;
      name: string;
      role: (typeof ROLES)[number];
      password?: string;
      city?: string;
      region?: string;
      unit?: string;
    }) =>
      withDatabase(async (database, config) => {
        const { auth } = servicesOf(database, config);
        const { generatePassword } = await import('./modules/auth/index');
        const password = o.password ?? generatePassword();
        const u = await auth.createUser(systemCtx(), {
          username: o.username,
          displayName: o.name,
          role: o.role,
          password,
          cityId: o.city ?? null,
          regionId: o.region ?? null,
          unitId: o.unit ?? null,
        });
        console.log(`已创建用户 ${u.username}（${u.role}）${o.password ? '' : `，初始密码：${password}`}`);
      }),
  );

const audit = program.command('audit').description('审计日志');
audit
  .command('verify')
  .description('校验审计日志哈希链，发现被篡改、删除或插入的记录（退出码 1）')
  .action(() =>
    withDatabase(async (database, config) => {
      const r = await servicesOf(database, config).audit.verify((n) =>
        process.stderr.write(`\r已校验 ${n} 条`),
      );
      process.stderr.write('\n');
      if (r.ok) console.log(`审计日志完整：${r.chains} 条链，${r.rows} 条记录`);
      else {
        console.log(`审计日志被改动！共 ${r.broken.length} 处：`);
        for (const b of r.broken.slice(0, 50)) console.log(`  城市 ${b.cityId} 第 ${b.seq} 条：${b.reason}`);
        process.exitCode = 1;
      }
    }),
  );

registerIoCommands(program);

program.parseAsync(process.argv).catch((e: unknown) => {
  if (e instanceof ConfigError || e instanceof DataDirLockedError) console.error(e.message);
  else if (e instanceof AppError)
    console.error(
      `错误 ${e.code}：${e.message}${e.details ? `\n${JSON.stringify(e.details, null, 2)}` : ''}`,
    );
  else console.error(e);
  process.exit(1);
});
