import { createGridSchema } from '@chuangcheng/contracts';
import type { SheetRead, SheetRow } from '../../../platform/xlsx';
import { GRID_SHEET, type GridKey, splitList } from './columns';
import {
  byKey,
  FirstSeen,
  type ImportScope,
  Issues,
  inScope,
  type Planned,
  writesBlockIn,
} from './import.types';
import type { ValuesColumn } from './io.repository';

const H = Object.fromEntries(GRID_SHEET.columns.map((c) => [c.key, c.header])) as Record<GridKey, string>;
const MAX_MEMBERS = 50;

type Lookups = Awaited<ReturnType<typeof lookups>>;

async function lookups(s: ImportScope, rows: readonly SheetRow<GridKey>[]) {
  const codes = (k: GridKey) => rows.map((r) => r.cells[k]).filter((c): c is string => Boolean(c));
  const unitCodes = [...codes('leadUnitCode'), ...rows.flatMap((r) => splitList(r.cells.memberUnitCodes))];
  const blocks = await s.repo.blocksByCodes(s.cityId, codes('blockCode'));
  return {
    grids: byKey(await s.repo.currentGridsByCodes(s.cityId, codes('code')), (g) => g.code),
    blocks: byKey(blocks, (b) => b.code),
    blockPlaces: await s.repo.blockPlaces(blocks.map((b) => b.id)),
    units: byKey(await s.repo.unitsByCodes(s.cityId, unitCodes), (u) => u.code),
  };
}

interface Change {
  id: string;
  name: string;
  blockId: string | null;
  leadUnitId: string | null;
  memberUnitIds: string[];
}

/** Problems of one row; returns the change when the row is usable. */
function checkRow(s: ImportScope, r: SheetRow<GridKey>, look: Lookups, issues: Issues): Change | null {
  const { code, name, blockCode, leadUnitCode } = r.cells;
  const grid = code ? look.grids.get(code) : undefined;
  if (!code) issues.add(r.row, H.code, '网格编码不能为空');
  else if (!grid) issues.add(r.row, H.code, `网格编码 ${code} 不存在（或已撤销）`);
  else if (!inScope(s, grid.communityPath)) issues.add(r.row, H.code, `网格 ${code} 不在您的管辖范围内`);
  if (name) issues.check(r.row, H.name, createGridSchema.shape.name, name);
  const block = blockCode ? look.blocks.get(blockCode) : undefined;
  if (blockCode && !block) issues.add(r.row, H.blockCode, `责任区块编码 ${blockCode} 不存在`);
  else if (block && grid?.blockId !== block.id && !writesBlockIn(s, look.blockPlaces.get(block.id)))
    issues.add(r.row, H.blockCode, `责任区块 ${blockCode} 不全在您的管辖范围内，不能把网格划入`);
  const lead = leadUnitCode ? look.units.get(leadUnitCode) : undefined;
  if (leadUnitCode && !lead) issues.add(r.row, H.leadUnitCode, `牵头单位编码 ${leadUnitCode} 不存在`);
  const memberCodes = [...new Set(splitList(r.cells.memberUnitCodes))];
  const missing = memberCodes.filter((c) => !look.units.has(c));
  if (missing.length) issues.add(r.row, H.memberUnitCodes, `成员单位编码 ${missing.join('、')} 不存在`);
  if (memberCodes.length > MAX_MEMBERS)
    issues.add(r.row, H.memberUnitCodes, `成员单位最多 ${MAX_MEMBERS} 个`);
  if (!grid) return null;
  return {
    id: grid.id,
    // A blank name keeps the current one: a grid always has a name.
    name: name || grid.name,
    blockId: block?.id ?? null,
    leadUnitId: lead?.id ?? null,
    memberUnitIds: memberCodes.flatMap((c) => look.units.get(c)?.id ?? []),
  };
}

type ChangeColumn = ValuesColumn & { key: GridKey; value: (c: Change) => unknown };
/** Only the columns the file has are overwritten; a present but blank cell clears the link. */
const UPDATABLE: readonly ChangeColumn[] = [
  { key: 'name', name: 'name', type: 'text', value: (c) => c.name },
  { key: 'blockCode', name: 'block_id', type: 'uuid', value: (c) => c.blockId },
  { key: 'leadUnitCode', name: 'lead_unit_id', type: 'uuid', value: (c) => c.leadUnitId },
];

/** Grid attributes (xlsx): update the current version of existing grids in place, by 网格编码. */
export async function planGridAttributes(s: ImportScope, sheet: SheetRead<GridKey>): Promise<Planned> {
  const issues = new Issues(sheet.issues, sheet.missing);
  const look = await lookups(s, sheet.rows);
  const firstSeen = new FirstSeen();
  const changes: Change[] = [];
  sheet.rows.forEach((r, i) => {
    const change = checkRow(s, r, look, issues);
    const first = r.cells.code ? firstSeen.seen(r.cells.code, r.row) : undefined;
    if (first !== undefined) issues.add(r.row, H.code, `网格编码 ${r.cells.code} 与第 ${first} 行重复`);
    if (change) changes.push(change);
    if (i % 1000 === 999) s.progress(i + 1, sheet.rows.length, '校验');
  });
  const cols = [
    ...UPDATABLE.filter((c) => sheet.present.has(c.key)),
    { name: 'updated_at', type: 'timestamptz', value: () => s.now.toISOString() } as const,
  ];
  const members = sheet.present.has('memberUnitCodes');
  return {
    issues: issues.sorted(),
    plan: {
      total: sheet.rows.length,
      created: 0,
      updated: changes.length,
      gridsChanged: true,
      async write(tx, wrote) {
        await s.repo.updateGrids(
          tx,
          cols,
          changes.map((c) => [c.id, ...cols.map((col) => col.value(c))]),
        );
        if (members) {
          const pairs = changes.flatMap((c) => c.memberUnitIds.map((unitId) => ({ gridId: c.id, unitId })));
          await s.repo.replaceGridUnits(
            tx,
            changes.map((c) => c.id),
            pairs,
          );
        }
        wrote(changes.length);
      },
    },
  };
}
