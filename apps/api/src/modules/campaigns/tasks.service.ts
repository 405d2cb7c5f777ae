import type { CampaignTask, RowIssue, upsertCampaignTaskSchema } from '@chuangcheng/contracts';
import ExcelJS from 'exceljs';
import type { z } from 'zod';
import type { DownloadFile } from '../../http/download';
import type { Ctx } from '../../platform/actor';
import { fieldError, importError } from '../../platform/app-error';
import { newId } from '../../platform/ids';
import { exportCell, NOTES_SHEET, readSheet } from '../../platform/xlsx';
import type { TreeNode } from '../standards/index';
import type { CampaignsDeps } from './campaigns.deps';
import { CAMPAIGN_WRITE } from './campaigns.policy';
import { showPhone, toTask } from './campaigns.presenter';
import { createCampaignsRepository, type TaskInsert } from './campaigns.repository';
import type { CampaignsCore } from './campaigns-crud.service';
import { TASK_SHEET, type TaskKey, UNITS_SHEET } from './tasks.columns';

type UpsertTask = z.infer<typeof upsertCampaignTaskSchema>;

const H = Object.fromEntries(TASK_SHEET.columns.map((c) => [c.key, c.header])) as Record<TaskKey, string>;
const splitNames = (s: string) =>
  s
    .split(/[、,，;；\n]/)
    .map((x) => x.trim())
    .filter(Boolean);
const PHONE = /^[0-9+\-() ]{3,20}$/;
const MAX_TASK_ROWS = 10_000;

/** The 任务分解表 of a campaign: list, one-row upsert, Excel export (the template) and import. */
export function createTasksService(deps: CampaignsDeps, core: CampaignsCore) {
  const repo = core.repo;

  async function context(cityId: string, standardId: string, campaignId: string) {
    const [tree, tasks, units] = [
      await deps.standards.getTree(cityId, standardId),
      await repo.tasks(campaignId),
      await repo.unitsOfCity(cityId),
    ];
    return { tree, tasks: new Map(tasks.map((t) => [t.nodeId, t])), units };
  }

  return {
    /** Every node of the standard with its assignment (unassigned: nulls); unit users read it too. */
    async listTasks(ctx: Ctx, campaignId: string): Promise<CampaignTask[]> {
      const c = await core.load(ctx, campaignId);
      const { tree, tasks, units } = await context(c.cityId, c.standardId, c.id);
      const names = new Map(units.map((u) => [u.id, u.name]));
      return tree.map((n) => toTask(c.id, n, tasks.get(n.id), names, ctx.actor.role));
    },

    /** Assigns one indicator: lead unit, co-units, 挂钩领导, 具体负责人. */
    async upsertTask(ctx: Ctx, campaignId: string, input: UpsertTask): Promise<CampaignTask> {
      const c = await core.load(ctx, campaignId, CAMPAIGN_WRITE);
      const { tree, tasks, units } = await context(c.cityId, c.standardId, c.id);
      const node = tree.find((n) => n.id === input.nodeId);
      if (!node) throw fieldError('nodeId', '该指标不属于本活动的考核标准');
      const names = new Map(units.map((u) => [u.id, u.name]));
      if (input.leadUnitId && !names.has(input.leadUnitId))
        throw fieldError('leadUnitId', '牵头单位不存在或不属于本市');
      const bad = input.coUnitIds.filter((id) => !names.has(id));
      if (bad.length) throw fieldError('coUnitIds', `配合单位不存在或不属于本市：${bad.join('、')}`);
      const before = tasks.get(node.id);
      const row: TaskInsert = {
        id: before?.id ?? newId(deps.clock.now().getTime()),
        cityId: c.cityId,
        campaignId: c.id,
        nodeId: node.id,
        leadUnitId: input.leadUnitId,
        coUnitIds: [...new Set(input.coUnitIds)].filter((id) => id !== input.leadUnitId),
        leaderName: input.leaderName || null,
        ownerName: input.ownerName || null,
        // A masked number sent back unchanged (138****5678) keeps the stored one, as the Excel import does.
        ownerPhone: input.ownerPhone?.includes('*') ? (before?.ownerPhone ?? null) : input.ownerPhone || null,
      };
      await deps.db.transaction(async (tx) => {
        await createCampaignsRepository(tx).upsertTasks(tx, [row]);
        await deps.audit.record(tx, ctx, {
          cityId: c.cityId,
          action: 'assign',
          entityType: 'campaign_task',
          entityId: row.id,
          before: before ? { ...before, ownerPhone: before.ownerPhone ? '***' : null } : null,
          after: { ...row, ownerPhone: row.ownerPhone ? '***' : null },
        });
      });
      const saved = (await repo.tasks(c.id)).find((t) => t.nodeId === node.id);
      return toTask(c.id, node, saved, names, ctx.actor.role);
    },

    /** The 任务分解表 as .xlsx with unit drop-downs: fill it in and import it back. */
    async exportTasks(ctx: Ctx, campaignId: string): Promise<DownloadFile> {
      const c = await core.load(ctx, campaignId);
      const { tree, tasks, units } = await context(c.cityId, c.standardId, c.id);
      const names = new Map(units.map((u) => [u.id, u.name]));
      return {
        data: await taskWorkbook(tree, tasks, names, units, ctx.actor.role),
        fileName: `${c.name}-任务分解表.xlsx`,
        asciiName: 'campaign-tasks.xlsx',
      };
    },

    /** Validates every row (codes, unit names, phones) and lists all problems; otherwise writes all rows. */
    async importTasks(
      ctx: Ctx,
      campaignId: string,
      file: { name: string; data: Uint8Array },
    ): Promise<{ rows: number }> {
      const c = await core.load(ctx, campaignId, CAMPAIGN_WRITE);
      const { tree, tasks, units } = await context(c.cityId, c.standardId, c.id);
      const read = await readSheet(file.data, TASK_SHEET, MAX_TASK_ROWS);
      const issues: RowIssue[] = [...read.issues];
      const byCode = new Map(tree.map((n) => [n.code, n]));
      const unitByName = new Map(units.map((u) => [u.name, u.id]));
      const seen = new Map<string, number>();
      const rows: TaskInsert[] = [];
      for (const r of read.rows) {
        const x = r.cells;
        const add = (k: TaskKey, message: string) => issues.push({ row: r.row, column: H[k], message });
        const node = x.code ? byCode.get(x.code) : undefined;
        if (!x.code) add('code', '指标编码必填');
        else if (!node) add('code', `指标编码「${x.code}」不在本活动的考核标准中`);
        else if (seen.has(x.code)) add('code', `指标编码「${x.code}」与第 ${seen.get(x.code)} 行重复`);
        if (x.code) seen.set(x.code, seen.get(x.code) ?? r.row);
        const leadNames = splitNames(x.lead ?? '');
        if (leadNames.length > 1) add('lead', '牵头单位只能填写一个，其余请填入配合单位');
        const lead = leadNames[0] ? unitByName.get(leadNames[0]) : undefined;
        if (leadNames[0] && !lead) add('lead', `牵头单位「${leadNames[0]}」不是本市的单位`);
        const co: string[] = [];
        for (const name of splitNames(x.co ?? '')) {
          const id = unitByName.get(name);
          if (id) co.push(id);
          else add('co', `配合单位「${name}」不是本市的单位`);
        }
        for (const k of ['leader', 'owner'] as const)
          if ((x[k] ?? '').length > 50) add(k, `${H[k]}最长 50 字`);
        const existing = node ? tasks.get(node.id) : undefined;
        // An export masks phones for some roles: a masked number keeps the stored one.
        const phone = x.phone?.includes('*') ? (existing?.ownerPhone ?? null) : (x.phone ?? null);
        if (phone && !PHONE.test(phone)) add('phone', `联系电话「${x.phone}」格式不正确`);
        if (!node) continue;
        const present = (k: TaskKey) => read.present.has(k);
        rows.push({
          id: existing?.id ?? newId(deps.clock.now().getTime()),
          cityId: c.cityId,
          campaignId: c.id,
          nodeId: node.id,
          leadUnitId: present('lead') ? (lead ?? null) : (existing?.leadUnitId ?? null),
          coUnitIds: present('co')
            ? [...new Set(co)].filter((id) => id !== lead)
            : (existing?.coUnitIds ?? []),
          leaderName: present('leader') ? (x.leader ?? null) : (existing?.leaderName ?? null),
          ownerName: present('owner') ? (x.owner ?? null) : (existing?.ownerName ?? null),
          ownerPhone: present('phone') ? phone : (existing?.ownerPhone ?? null),
        });
      }
      if (issues.length) throw importError(issues.sort((a, b) => a.row - b.row));
      await deps.db.transaction(async (tx) => {
        await createCampaignsRepository(tx).upsertTasks(tx, rows);
        await deps.audit.record(tx, ctx, {
          cityId: c.cityId,
          action: 'import',
          entityType: 'campaign_tasks',
          entityId: c.id,
          after: { file: file.name, rows: rows.length },
        });
      });
      return { rows: rows.length };
    },
  };
}

/** exceljs supports range data validations at run time but leaves them out of its typings. */
interface RangeValidations {
  dataValidations: { add(range: string, v: ExcelJS.DataValidation): void };
}

async function taskWorkbook(
  tree: readonly TreeNode[],
  tasks: ReadonlyMap<
    string,
    {
      leadUnitId: string | null;
      coUnitIds: string[];
      leaderName: string | null;
      ownerName: string | null;
      ownerPhone: string | null;
    }
  >,
  names: ReadonlyMap<string, string>,
  units: readonly { name: string }[],
  viewer: Parameters<typeof showPhone>[0],
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '创城 chuangcheng';
  const ws = wb.addWorksheet(TASK_SHEET.sheet);
  ws.columns = TASK_SHEET.columns.map((c) => ({
    header: c.required ? `${c.header}*` : c.header,
    key: c.key,
    width: c.width,
    ...(c.text ? { style: { numFmt: '@' } } : {}),
  }));
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: 1 }];
  for (const n of tree) {
    const t = tasks.get(n.id);
    const cells: Record<TaskKey | 'title', string | null> = {
      code: n.code,
      title: `${'　'.repeat(n.depth)}${n.title}`,
      lead: t?.leadUnitId ? (names.get(t.leadUnitId) ?? null) : null,
      co:
        (t?.coUnitIds ?? [])
          .map((id) => names.get(id))
          .filter(Boolean)
          .join('、') || null,
      leader: t?.leaderName ?? null,
      owner: t?.ownerName ?? null,
      phone: showPhone(viewer, t?.ownerPhone ?? null),
    };
    const row = ws.addRow(Object.fromEntries(Object.entries(cells).map(([k, v]) => [k, exportCell(v)])));
    if (!n.leaf) row.font = { bold: true };
  }
  // Unit names live on a sheet of their own: an inline list is limited to 255 characters.
  const list = wb.addWorksheet(UNITS_SHEET);
  for (const u of units) list.addRow([exportCell(u.name)]);
  const last = Math.max(units.length, 1);
  const rows = Math.max(tree.length + 1, 2) + 200;
  const v = (ws as unknown as RangeValidations).dataValidations;
  const ref = `'${UNITS_SHEET}'!$A$1:$A$${last}`;
  v.add(`C2:C${rows}`, {
    type: 'list',
    allowBlank: true,
    formulae: [ref],
    showErrorMessage: true,
    errorTitle: '牵头单位',
    error: '请从单位列表中选择',
  });
  // Several names per cell: the drop-down only suggests.
  v.add(`D2:D${rows}`, { type: 'list', allowBlank: true, formulae: [ref], showErrorMessage: false });
  const help = wb.addWorksheet(NOTES_SHEET);
  help.columns = [
    { header: '列', key: 'col', width: 14 },
    { header: '说明', key: 'note', width: 80 },
  ];
  for (const c of TASK_SHEET.columns) help.addRow({ col: c.header, note: c.note ?? '' });
  help.addRow({});
  help.addRow({ col: '按指标编码对应考核标准；导入时先校验全部行，有任何错误都不写入。' });
  help.addRow({ col: '文件中缺少的列保持原值；有该列但单元格为空则清空。' });
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}
