import fs from 'node:fs';
import path from 'node:path';
import {
  EXPORT_ENTITIES,
  type ExportEntity,
  IMPORT_KINDS,
  type ImportKind,
  type RowIssue,
} from '@chuangcheng/contracts';
import { Argument, type Command } from 'commander';
import { createServices } from '../app';
import { loadConfig } from '../config/config';
import { openDatabase } from '../db/client';
import { createOrgIoService, type OrgIoService, parseMapping } from '../modules/org/index';
import { systemCtx } from '../platform/actor';
import { AppError } from '../platform/app-error';
import { systemClock } from '../platform/clock';
import { progressBar } from './progress';

/** Most row problems printed; the rest are counted (a 50,000-row file can fail on every row). */
const MAX_PRINTED = 200;
const MAPPING_KEYS = ['code', 'name', 'community', 'block', 'leadUnit'] as const;

/**
 * Opens the configured database and builds the io service. cli.ts has withDatabase/servicesOf, but
 * importing cli.ts would run its program, so the few lines are repeated here.
 */
async function withIo<T>(fn: (io: OrgIoService) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = await openDatabase(config);
  try {
    await database.migrate();
    const services = createServices({ db: database.db, clock: systemClock, config });
    return await fn(
      createOrgIoService({
        ...services,
        db: database.db,
        clock: systemClock,
        gridCodeRule: config.gridCodeRule,
      }),
    );
  } finally {
    await database.close();
  }
}

/** `code=WGBM,name=WGMC,community=SQBM` → mapping object (unknown keys are an error, not silently dropped). */
function mappingOf(pairs: string | undefined) {
  const o: Record<string, string> = {};
  for (const pair of (pairs ?? '').split(',').filter(Boolean)) {
    const [key = '', value = ''] = pair.split('=').map((s) => s.trim());
    if (!(MAPPING_KEYS as readonly string[]).includes(key) || !value) {
      throw new AppError(
        'VALIDATION_FAILED',
        undefined,
        `--mapping 的“${pair}”无效：应为 键=属性名，键可为 ${MAPPING_KEYS.join('、')}`,
      );
    }
    o[key] = value;
  }
  return parseMapping(o);
}

/** Terminal columns of a string: CJK and full-width characters take two. */
function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s)
    w +=
      /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(
        ch,
      )
        ? 2
        : 1;
  return w;
}
const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - displayWidth(s)));

/** Row problems as a 行 / 列 / 原因 table on stdout. */
export function printIssues(rows: readonly RowIssue[]): void {
  const shown = rows.slice(0, MAX_PRINTED);
  const rowW = Math.max(2, ...shown.map((r) => String(r.row).length));
  const colW = Math.max(2, ...shown.map((r) => displayWidth(r.column)));
  console.log(`${pad('行', rowW)}  ${pad('列', colW)}  原因`);
  console.log(`${'-'.repeat(rowW)}  ${'-'.repeat(colW)}  ${'-'.repeat(20)}`);
  for (const r of shown) console.log(`${pad(String(r.row), rowW)}  ${pad(r.column, colW)}  ${r.message}`);
  if (rows.length > shown.length) console.log(`… 另有 ${rows.length - shown.length} 处错误未列出`);
}

interface ImportOpts {
  dryRun?: boolean;
  mapping?: string;
  city?: string;
  dropSlivers?: boolean;
}

async function runImport(kind: ImportKind, file: string, opts: ImportOpts): Promise<void> {
  if (!fs.existsSync(file)) throw new AppError('VALIDATION_FAILED', undefined, `找不到文件：${file}`);
  const data = new Uint8Array(fs.readFileSync(file));
  const mapping = kind === 'grids-geojson' ? mappingOf(opts.mapping) : undefined;
  const bar = progressBar(opts.dryRun ? '试导入' : '导入');
  try {
    const r = await withIo((io) =>
      io.imports.importFile(
        systemCtx(),
        kind,
        { name: path.basename(file), data },
        {
          dryRun: Boolean(opts.dryRun),
          mapping,
          dropSlivers: Boolean(opts.dropSlivers),
          cityCode: opts.city,
          onProgress: (done, total, stage) => bar.update(done, total, stage),
        },
      ),
    );
    bar.done();
    const verb = r.dryRun ? '校验通过（未写入）：将' : '导入完成：';
    console.log(`${verb}新建 ${r.created} 条，更新 ${r.updated} 条，共 ${r.total} 行`);
    if (r.warnings.length) {
      console.log(`提示（${r.warnings.length} 处）：`);
      printIssues(r.warnings);
    }
  } catch (e) {
    bar.done();
    const rows =
      e instanceof AppError && e.code === 'IMPORT_INVALID'
        ? (e.details as { rows?: RowIssue[] }).rows
        : undefined;
    if (!rows) throw e;
    console.log(`${e instanceof AppError ? e.message : ''}，请修改后重新导入：`);
    printIssues(rows);
    process.exitCode = 1;
  }
}

async function runExport(entity: ExportEntity, file: string): Promise<void> {
  const bar = progressBar(`导出 ${entity}`);
  const r = await withIo((io) =>
    io.exports.exportEntity(systemCtx(), entity, (done, total, stage) => bar.update(done, total, stage)),
  );
  bar.done();
  try {
    fs.writeFileSync(file, r.data);
  } catch (e) {
    throw new AppError('VALIDATION_FAILED', undefined, `无法写入 ${file}：${(e as Error).message}`);
  }
  console.log(`已导出 ${r.rows} 行到 ${file}`);
}

/** `import` and `export` subcommands (org registries ↔ xlsx / GeoJSON). */
export function registerIoCommands(program: Command): void {
  program
    .command('import')
    .description(
      '从 Excel（.xlsx）或 GeoJSON 批量导入单位、人员、网格。先校验全部行：有任何错误则不写入，列出行号、列名和原因（退出码 1）',
    )
    .addArgument(new Argument('<kind>', '导入类型').choices(IMPORT_KINDS))
    .argument('<file>', '文件路径：.xlsx（用 web 控制台下载的模板填写）；grids-geojson 为 .geojson / .json')
    .option('--dry-run', '只校验并统计将新建、更新的条数，不写入')
    .option(
      '--mapping <pairs>',
      'GeoJSON 属性映射：code=属性,name=属性,community=属性[,block=属性,leadUnit=属性]',
    )
    .option('--city <code>', '城市区划编码（安装内有多个城市时必填）')
    .option('--drop-slivers', 'GeoJSON：去掉面积为零的环（退化的碎片环），逐个列出，而不是拒绝该要素')
    .addHelpText(
      'after',
      [
        '',
        '示例：',
        '  chuangcheng import units 单位.xlsx --dry-run',
        '  chuangcheng import people 人员.xlsx',
        '  chuangcheng import grids 网格属性.xlsx',
        '  chuangcheng import grids-geojson 网格.geojson --mapping code=WGBM,name=WGMC,community=SQBM',
      ].join('\n'),
    )
    .action((kind: ImportKind, file: string, opts: ImportOpts) => runImport(kind, file, opts));

  program
    .command('export')
    .description('导出为 Excel（.xlsx）；单位、人员、网格的导出文件可直接再导入')
    .addArgument(new Argument('<entity>', '导出对象').choices(EXPORT_ENTITIES))
    .argument('<file>', '输出文件路径（.xlsx）')
    .addHelpText(
      'after',
      '\n示例：\n  chuangcheng export units 单位.xlsx\n  chuangcheng export grids 网格.xlsx',
    )
    .action((entity: ExportEntity, file: string) => runExport(entity, file));
}
