import { createUnitSchema, type UnitKind } from '@chuangcheng/contracts';
import { newId } from '../../../platform/ids';
import type { SheetRead, SheetRow } from '../../../platform/xlsx';
import { parseUnitKind, UNIT_KIND_OPTIONS, UNIT_SHEET, type UnitKey } from './columns';
import { byKey, FirstSeen, type ImportScope, Issues, inScope, type Planned } from './import.types';
import type { UnitInsert, UnitSettable } from './io.repository';

const H = Object.fromEntries(UNIT_SHEET.columns.map((c) => [c.key, c.header])) as Record<UnitKey, string>;
const F = createUnitSchema.shape;
const OPTIONAL: readonly [UnitKey, UnitSettable][] = [
  ['parentCode', 'parentId'],
  ['regionCode', 'regionId'],
  ['contactName', 'contactName'],
  ['contactPhone', 'contactPhone'],
  ['address', 'address'],
];

type Lookups = Awaited<ReturnType<typeof lookups>>;

async function lookups(s: ImportScope, rows: readonly SheetRow<UnitKey>[]) {
  const codes = rows
    .flatMap((r) => [r.cells.code, r.cells.parentCode])
    .filter((c): c is string => Boolean(c));
  const regionCodes = rows.map((r) => r.cells.regionCode).filter((c): c is string => Boolean(c));
  const existing = byKey(await s.repo.unitsByCodes(s.cityId, codes), (u) => u.code);
  const regions = byKey(await s.repo.regionsByCodes(regionCodes), (r) => r.code);
  const inFile = new Set(rows.map((r) => r.cells.code).filter(Boolean));
  return { existing, regions, inFile };
}

/** Problems of one row; returns the kind when the row is usable. */
function checkRow(s: ImportScope, r: SheetRow<UnitKey>, look: Lookups, issues: Issues): UnitKind | null {
  const { code, name, kind: kindText, parentCode, regionCode } = r.cells;
  if (!code) issues.add(r.row, H.code, '单位编码不能为空');
  else issues.check(r.row, H.code, F.code, code);
  if (!name) issues.add(r.row, H.name, '单位名称不能为空');
  else issues.check(r.row, H.name, F.name, name);
  const kind = kindText ? parseUnitKind(kindText) : null;
  if (!kindText) issues.add(r.row, H.kind, '单位类型不能为空');
  else if (!kind)
    issues.add(r.row, H.kind, `单位类型「${kindText}」无效，应为：${UNIT_KIND_OPTIONS.join('、')}`);
  if (parentCode && parentCode === code) issues.add(r.row, H.parentCode, '上级单位不能是自己');
  else if (parentCode && !look.inFile.has(parentCode) && !look.existing.has(parentCode)) {
    issues.add(r.row, H.parentCode, `上级单位编码 ${parentCode} 不存在（系统和本文件中都没有）`);
  }
  const region = regionCode ? look.regions.get(regionCode) : undefined;
  if (regionCode && (!region || region.cityId !== s.cityId))
    issues.add(r.row, H.regionCode, `所属区划编码 ${regionCode} 不存在`);
  else if (region && !inScope(s, region.path))
    issues.add(r.row, H.regionCode, `所属区划 ${regionCode} 不在您的管辖范围内`);
  const before = code ? look.existing.get(code) : undefined;
  // Same rule as createUnit / updateUnit: a region-scoped office works only on units of its own area.
  if (s.ctx.actor.regionPath && before && !inScope(s, before.regionPath)) {
    issues.add(r.row, H.code, `单位 ${code} 不在您的管辖范围内，不能修改`);
  } else if (s.ctx.actor.regionPath && !before && !regionCode) {
    issues.add(r.row, H.regionCode, '区域账号新建单位须填写本辖区内的所属区划编码');
  }
  issues.check(r.row, H.contactName, F.contactName, r.cells.contactName);
  issues.check(r.row, H.contactPhone, F.contactPhone, r.cells.contactPhone);
  issues.check(r.row, H.address, F.address, r.cells.address);
  return kind;
}

/** Parent links inside the file must not loop (A → B → A); links into existing units cannot, they are checked by code. */
function checkCycles(rows: readonly SheetRow<UnitKey>[], issues: Issues): void {
  const parentOf = new Map(
    rows.flatMap((r) =>
      r.cells.code && r.cells.parentCode ? [[r.cells.code, r.cells.parentCode] as const] : [],
    ),
  );
  for (const r of rows) {
    const start = r.cells.code;
    if (!start) continue;
    let cur = parentOf.get(start);
    for (let steps = 0; cur !== undefined && steps < rows.length; steps++) {
      if (cur === start) {
        issues.add(r.row, H.parentCode, `上级单位关系形成循环（${start} 最终又成为自己的上级）`);
        break;
      }
      cur = parentOf.get(cur);
    }
  }
}

/** Units: validate every row, then upsert by (city, 单位编码) in multi-row statements. */
export async function planUnits(s: ImportScope, sheet: SheetRead<UnitKey>): Promise<Planned> {
  const issues = new Issues(sheet.issues, sheet.missing);
  const look = await lookups(s, sheet.rows);
  const firstSeen = new FirstSeen();
  const kinds = new Map<number, UnitKind>();
  sheet.rows.forEach((r, i) => {
    const kind = checkRow(s, r, look, issues);
    if (kind) kinds.set(r.row, kind);
    const first = r.cells.code ? firstSeen.seen(r.cells.code, r.row) : undefined;
    if (first !== undefined) issues.add(r.row, H.code, `单位编码 ${r.cells.code} 与第 ${first} 行重复`);
    if (i % 1000 === 999) s.progress(i + 1, sheet.rows.length, '校验');
  });
  checkCycles(sheet.rows, issues);

  const idOf = new Map<string, string>();
  for (const r of sheet.rows) {
    const code = r.cells.code!;
    idOf.set(code, look.existing.get(code)?.id ?? newId(s.now.getTime()));
  }
  const rows: UnitInsert[] = sheet.rows.map((r) => ({
    id: idOf.get(r.cells.code!)!,
    cityId: s.cityId,
    code: r.cells.code!,
    name: r.cells.name!,
    kind: kinds.get(r.row) ?? 'other',
    parentId: r.cells.parentCode
      ? (idOf.get(r.cells.parentCode) ?? look.existing.get(r.cells.parentCode)?.id ?? null)
      : null,
    regionId: r.cells.regionCode ? (look.regions.get(r.cells.regionCode)?.id ?? null) : null,
    contactName: r.cells.contactName ?? null,
    contactPhone: r.cells.contactPhone ?? null,
    address: r.cells.address ?? null,
    createdAt: s.now,
    updatedAt: s.now,
  }));
  const update: UnitSettable[] = [
    'name',
    'kind',
    ...OPTIONAL.filter(([k]) => sheet.present.has(k)).map(([, col]) => col),
  ];
  const updated = sheet.rows.filter((r) => look.existing.has(r.cells.code ?? '')).length;
  return {
    issues: issues.sorted(),
    plan: {
      total: rows.length,
      created: rows.length - updated,
      updated,
      gridsChanged: false,
      write: (tx, wrote) => s.repo.upsertUnits(tx, rows, update, wrote),
    },
  };
}
