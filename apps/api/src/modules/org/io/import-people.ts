import { createPersonSchema, type PersonDuty } from '@chuangcheng/contracts';
import { newId } from '../../../platform/ids';
import type { SheetRead, SheetRow } from '../../../platform/xlsx';
import { DUTY_OPTIONS, PERSON_SHEET, type PersonKey, parseDuties } from './columns';
import { byKey, FirstSeen, type ImportScope, Issues, inScope, type Planned } from './import.types';
import { type PersonInsert, pgTextArray, type ValuesColumn } from './io.repository';

const H = Object.fromEntries(PERSON_SHEET.columns.map((c) => [c.key, c.header])) as Record<PersonKey, string>;
const F = createPersonSchema.shape;
const MAX_DUTIES = 5;
const personKey = (unitId: string, name: string) => `${unitId}\u0000${name}`;

type Lookups = Awaited<ReturnType<typeof lookups>>;

async function lookups(s: ImportScope, rows: readonly SheetRow<PersonKey>[]) {
  const unitCodes = rows.map((r) => r.cells.unitCode).filter((c): c is string => Boolean(c));
  const units = byKey(await s.repo.unitsByCodes(s.cityId, unitCodes), (u) => u.code);
  const existing = new Map<string, string[]>();
  for (const p of await s.repo.peopleOfUnits([...units.values()].map((u) => u.id))) {
    const k = personKey(p.unitId, p.name);
    existing.set(k, [...(existing.get(k) ?? []), p.id]);
  }
  return { units, existing };
}

interface Checked {
  unitId: string;
  duties: PersonDuty[];
  existingId: string | undefined;
}

/** Problems of one row; returns what the plan needs when the row is usable. */
function checkRow(s: ImportScope, r: SheetRow<PersonKey>, look: Lookups, issues: Issues): Checked | null {
  const { name, unitCode } = r.cells;
  if (!name) issues.add(r.row, H.name, '姓名不能为空');
  else issues.check(r.row, H.name, F.name, name);
  const unit = unitCode ? look.units.get(unitCode) : undefined;
  if (!unitCode) issues.add(r.row, H.unitCode, '所属单位编码不能为空');
  else if (!unit) issues.add(r.row, H.unitCode, `所属单位编码 ${unitCode} 不存在`);
  // Same rule as createPerson: region-scoped offices manage their area's units and the city-wide departments.
  else if (s.ctx.actor.regionPath && unit.kind !== 'department' && !inScope(s, unit.regionPath)) {
    issues.add(r.row, H.unitCode, `单位 ${unitCode} 不在您的管辖范围内`);
  }
  issues.check(r.row, H.title, F.title, r.cells.title);
  issues.check(r.row, H.phone, F.phone, r.cells.phone);
  const { duties, unknown } = parseDuties(r.cells.duties);
  if (unknown.length)
    issues.add(r.row, H.duties, `职责「${unknown.join('、')}」无效，应为：${DUTY_OPTIONS.join('、')}`);
  if (duties.length > MAX_DUTIES) issues.add(r.row, H.duties, `职责最多 ${MAX_DUTIES} 项`);
  if (!unit || !name) return null;
  const matches = look.existing.get(personKey(unit.id, name)) ?? [];
  if (matches.length > 1) {
    issues.add(
      r.row,
      H.name,
      `单位 ${unitCode} 已有 ${matches.length} 名叫“${name}”的人员，无法确定更新哪一位，请先在系统中区分`,
    );
  }
  return { unitId: unit.id, duties, existingId: matches[0] };
}

type Update = { id: string; row: SheetRow<PersonKey>; duties: PersonDuty[] };
type UpdateColumn = ValuesColumn & { value: (u: Update) => unknown };
/** Only the columns the file has are overwritten: a sheet without 手机号码 leaves phones alone. */
const UPDATABLE: readonly (UpdateColumn & { key: PersonKey })[] = [
  { key: 'title', name: 'title', type: 'text', value: (u) => u.row.cells.title ?? null },
  { key: 'phone', name: 'phone', type: 'text', value: (u) => u.row.cells.phone ?? null },
  { key: 'duties', name: 'duties', type: 'text[]', value: (u) => pgTextArray(u.duties) },
];

const newPerson = (s: ImportScope, ok: Checked, r: SheetRow<PersonKey>): PersonInsert => ({
  id: newId(s.now.getTime()),
  cityId: s.cityId,
  unitId: ok.unitId,
  name: r.cells.name!,
  title: r.cells.title ?? null,
  phone: r.cells.phone ?? null,
  duties: ok.duties,
  userId: null,
  createdAt: s.now,
  updatedAt: s.now,
});

/** People: validate every row, then insert new people and update those found by (单位, 姓名). */
export async function planPeople(s: ImportScope, sheet: SheetRead<PersonKey>): Promise<Planned> {
  const issues = new Issues(sheet.issues, sheet.missing);
  const look = await lookups(s, sheet.rows);
  const firstSeen = new FirstSeen();
  const inserts: PersonInsert[] = [];
  const updates: Update[] = [];
  sheet.rows.forEach((r, i) => {
    const ok = checkRow(s, r, look, issues);
    const first =
      r.cells.name && r.cells.unitCode
        ? firstSeen.seen(`${r.cells.unitCode}\u0000${r.cells.name}`, r.row)
        : undefined;
    if (first !== undefined)
      issues.add(r.row, H.name, `单位 ${r.cells.unitCode} 的“${r.cells.name}”与第 ${first} 行重复`);
    if (i % 1000 === 999) s.progress(i + 1, sheet.rows.length, '校验');
    if (ok?.existingId) updates.push({ id: ok.existingId, row: r, duties: ok.duties });
    else if (ok) inserts.push(newPerson(s, ok, r));
  });
  const cols: UpdateColumn[] = [
    ...UPDATABLE.filter((c) => sheet.present.has(c.key)),
    { name: 'updated_at', type: 'timestamptz', value: () => s.now.toISOString() },
  ];
  return {
    issues: issues.sorted(),
    plan: {
      total: sheet.rows.length,
      created: inserts.length,
      updated: updates.length,
      gridsChanged: false,
      async write(tx, wrote) {
        await s.repo.insertPeople(tx, inserts, wrote);
        await s.repo.updatePeople(
          tx,
          cols,
          updates.map((u) => [u.id, ...cols.map((c) => c.value(u))]),
        );
        wrote(updates.length);
      },
    },
  };
}
