import {
  CATEGORY_LEVEL_LABELS,
  type CategoryKind,
  type CategoryLevel,
  type RowIssue,
  type Severity,
  type TimeLimit,
} from '@chuangcheng/contracts';
import type { SheetRow } from '../../platform/xlsx';
import {
  CATALOG_SHEET,
  type CatalogKey,
  parseKind,
  parseSeverity,
  parseTimeUnit,
  UNIT_OPTIONS,
  YES,
} from './catalog.columns';
import { type ClassNode, matchDepartment, type UnitRef } from './catalog.tree';

const H = Object.fromEntries(CATALOG_SHEET.columns.map((c) => [c.key, c.header])) as Record<
  CatalogKey,
  string
>;
const CODE = /^[0-9]{2,8}$/;
const LEVELS = [
  ['major', 'majorCode', 'majorName'],
  ['minor', 'minorCode', 'minorName'],
  ['detail', 'detailCode', 'detailName'],
] as const;

/** Row problems; a column missing from the header was reported once on row 1 and is not repeated. */
class Issues {
  readonly list: RowIssue[] = [];
  constructor(private readonly muted: ReadonlySet<string>) {}
  add(row: number, key: CatalogKey, message: string): void {
    if (!this.muted.has(H[key])) this.list.push({ row, column: H[key], message });
  }
}

interface ParsedClass {
  level: CategoryLevel;
  code: string;
  name: string;
  codeKey: CatalogKey;
  nameKey: CatalogKey;
}
interface Attrs {
  department: UnitRef | null;
  severity: Severity;
  disabled: boolean;
  condition: { text: string; limit: TimeLimit; closing: string } | null;
}
interface Entry {
  node: ClassNode;
  row: number;
  parentKey: string | null;
  attrsRow: number | null;
  conditionRows: Map<string, number>;
}

/** 大类 / 小类 / 细类 of a row; each child code extends its parent's. Null if any is wrong. */
function parseClasses(r: SheetRow<CatalogKey>, issues: Issues): ParsedClass[] | null {
  const out: ParsedClass[] = [];
  let ok = true;
  for (const [level, codeKey, nameKey] of LEVELS) {
    const code = r.cells[codeKey];
    const name = r.cells[nameKey];
    const label = CATEGORY_LEVEL_LABELS[level].zh;
    if (!code && !name && level !== 'major') {
      if (level === 'minor' && (r.cells.detailCode || r.cells.detailName)) {
        issues.add(r.row, codeKey, `填写细类时${label}编码和名称必填`);
        ok = false;
      }
      break;
    }
    if (!code) issues.add(r.row, codeKey, `${H[codeKey]}必填`);
    else if (!CODE.test(code)) issues.add(r.row, codeKey, `${H[codeKey]}「${code}」应为 2–8 位数字`);
    if (!name) issues.add(r.row, nameKey, `${H[nameKey]}必填`);
    else if (name.length > 64) issues.add(r.row, nameKey, `${H[nameKey]}最长 64 字`);
    const parent = out[out.length - 1];
    if (code && parent && (!code.startsWith(parent.code) || code === parent.code))
      issues.add(
        r.row,
        codeKey,
        `${H[codeKey]}「${code}」须以${H[parent.codeKey]}「${parent.code}」开头并更长`,
      );
    if (!code || !name || !CODE.test(code) || name.length > 64 || (parent && !code.startsWith(parent.code)))
      ok = false;
    if (code && name) out.push({ level, code, name, codeKey, nameKey });
  }
  return ok ? out : null;
}

function parseCondition(r: SheetRow<CatalogKey>, issues: Issues): Attrs['condition'] | undefined {
  const { condition: text, limit, unit, closing } = r.cells;
  if (!text) {
    if (limit || unit || closing)
      issues.add(r.row, 'condition', '填写了处置时限、时限单位或结案条件，但缺少立案条件');
    return limit || unit || closing ? undefined : null;
  }
  let ok = text.length <= 300;
  if (!ok) issues.add(r.row, 'condition', '立案条件最长 300 字');
  const value = Number(limit);
  if (!limit || !Number.isFinite(value) || value <= 0 || value > 10000) {
    issues.add(
      r.row,
      'limit',
      limit ? `处置时限「${limit}」须为大于 0 的数（不超过 10000）` : '处置时限必填',
    );
    ok = false;
  }
  const u = unit ? parseTimeUnit(unit) : null;
  if (!u) {
    issues.add(
      r.row,
      'unit',
      unit ? `时限单位「${unit}」无效，应为 ${UNIT_OPTIONS.join('/')}` : '时限单位必填',
    );
    ok = false;
  }
  if (!closing) issues.add(r.row, 'closing', '结案条件必填');
  else if (closing.length > 300) issues.add(r.row, 'closing', '结案条件最长 300 字');
  if (!ok || !u || !closing || closing.length > 300) return undefined;
  return { text, limit: { value, unit: u }, closing };
}

/** Department, severity, 停用 and the 立案条件 of the row's last class; undefined if any is wrong. */
function parseAttrs(r: SheetRow<CatalogKey>, issues: Issues, units: readonly UnitRef[]): Attrs | undefined {
  const dept = r.cells.department;
  const department = dept ? matchDepartment(units, dept) : null;
  if (dept && !department) issues.add(r.row, 'department', `主管部门「${dept}」不是本市的单位`);
  const severity = r.cells.severity ? parseSeverity(r.cells.severity) : 'normal';
  if (!severity) issues.add(r.row, 'severity', `严重程度「${r.cells.severity}」无效`);
  const flag = r.cells.disabled;
  if (flag && flag !== YES && flag !== '否') issues.add(r.row, 'disabled', '停用填「是」或留空');
  const condition = parseCondition(r, issues);
  if ((dept && !department) || !severity || condition === undefined) return undefined;
  return { department, severity, disabled: flag === YES, condition };
}

const newNode = (kind: CategoryKind, c: ParsedClass): ClassNode => ({
  kind,
  level: c.level,
  code: c.code,
  name: c.name,
  departmentId: null,
  departmentName: null,
  severity: 'normal',
  disabled: false,
  conditions: [],
  children: [],
});

/** Validates the rows and builds the tree; every problem of every row is collected. */
export function planCatalogImport(
  read: { rows: SheetRow<CatalogKey>[]; missing: ReadonlySet<string>; issues: RowIssue[] },
  units: readonly UnitRef[],
) {
  const issues = new Issues(read.missing);
  const registry = new Map<string, Entry>();
  const roots: ClassNode[] = [];

  /** The class of `key`, created on first sight; later rows must agree on its name, level and parent. */
  function place(r: SheetRow<CatalogKey>, kind: CategoryKind, c: ParsedClass, parentKey: string | null) {
    const key = `${kind}:${c.code}`;
    const seen = registry.get(key);
    if (!seen) {
      const entry: Entry = {
        node: newNode(kind, c),
        row: r.row,
        parentKey,
        attrsRow: null,
        conditionRows: new Map(),
      };
      registry.set(key, entry);
      (parentKey ? registry.get(parentKey)!.node.children : roots).push(entry.node);
      return entry;
    }
    const first = `第 ${seen.row} 行`;
    if (seen.node.level !== c.level)
      issues.add(
        r.row,
        c.codeKey,
        `编码「${c.code}」在${first}是${CATEGORY_LEVEL_LABELS[seen.node.level].zh}，编码重复`,
      );
    else if (seen.node.name !== c.name)
      issues.add(
        r.row,
        c.nameKey,
        `编码「${c.code}」在${first}的名称为「${seen.node.name}」，与本行「${c.name}」不一致`,
      );
    else if (seen.parentKey !== parentKey)
      issues.add(r.row, c.codeKey, `编码「${c.code}」在${first}属于另一个上级类别`);
    return seen;
  }

  function apply(r: SheetRow<CatalogKey>, target: Entry, a: Attrs) {
    const n = target.node;
    if (target.attrsRow === null) {
      Object.assign(n, {
        departmentId: a.department?.id ?? null,
        departmentName: a.department?.name ?? null,
      });
      Object.assign(n, { severity: a.severity, disabled: a.disabled });
      target.attrsRow = r.row;
    } else {
      const first = `与第 ${target.attrsRow} 行不一致（同一类别各行须相同）`;
      if ((a.department?.id ?? null) !== n.departmentId) issues.add(r.row, 'department', `主管部门${first}`);
      if (a.severity !== n.severity) issues.add(r.row, 'severity', `严重程度${first}`);
      if (a.disabled !== n.disabled) issues.add(r.row, 'disabled', `停用${first}`);
    }
    if (!a.condition) return;
    if (n.level === 'major') return issues.add(r.row, 'condition', '立案条件只能填写在小类或细类上');
    const dup = target.conditionRows.get(a.condition.text);
    if (dup !== undefined) return issues.add(r.row, 'condition', `立案条件与第 ${dup} 行重复`);
    target.conditionRows.set(a.condition.text, r.row);
    n.conditions.push(a.condition);
  }

  for (const r of read.rows) {
    const kindText = r.cells.kind;
    const kind = kindText ? parseKind(kindText) : null;
    if (!kind)
      issues.add(r.row, 'kind', kindText ? `类型「${kindText}」无效，应为 部件 或 事件` : '类型必填');
    const classes = parseClasses(r, issues);
    const attrs = parseAttrs(r, issues, units);
    if (!kind || !classes || !attrs) continue;
    let parentKey: string | null = null;
    let target: Entry | undefined;
    for (const c of classes) {
      target = place(r, kind, c, parentKey);
      parentKey = `${kind}:${c.code}`;
    }
    if (target) apply(r, target, attrs);
  }
  const all = [...read.issues, ...issues.list].sort((a, b) => a.row - b.row);
  const nodes = [...registry.values()];
  return {
    issues: all,
    tree: roots,
    total: read.rows.length,
    categories: nodes.length,
    conditions: nodes.reduce((s, e) => s + e.node.conditions.length, 0),
  };
}
