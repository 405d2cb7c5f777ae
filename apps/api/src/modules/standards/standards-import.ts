import {
  CASE_SOURCE_LABELS,
  CASE_SOURCES,
  type CaseSource,
  type EvidenceRequirement,
  type RowIssue,
  type ScoringParams,
  type ScoringRule,
  standardCodeSchema,
} from '@chuangcheng/contracts';
import { type StandardTreeNode, type TreeIssue, validateStandardTree } from '@chuangcheng/domain';
import type { SheetRead } from '../../platform/xlsx';
import {
  PERIOD_OPTIONS,
  parseCaseSource,
  parseDirection,
  parseMetric,
  parsePeriodicity,
  parseRule,
  RULE_OPTIONS,
  STANDARD_SHEET,
  type StandardKey,
  splitNames,
} from './standards.columns';

const H = Object.fromEntries(STANDARD_SHEET.columns.map((c) => [c.key, c.header])) as Record<
  StandardKey,
  string
>;

/** One node as the file describes it; `key` is its code (or code#row for a duplicate). */
export interface PlannedNode extends StandardTreeNode {
  params: ScoringParams;
  row: number;
  description: string | null;
  evidence: EvidenceRequirement[];
  unitIds: string[];
}

export interface UnitRef {
  id: string;
  name: string;
}

/** The tree's '评分参数' issues, pointed at the column that holds the wrong value. */
function paramColumn(message: string): string {
  if (message.includes('每次扣分')) return H.perOccurrence;
  if (message.includes('扣分上限')) return H.cap;
  if (message.includes('允许')) return H.allowed;
  if (message.includes('零分值')) return H.zeroAt;
  if (message.includes('指标名称')) return H.metric;
  if (message.includes('达标值')) return H.target;
  if (message.includes('案件来源')) return H.sources;
  return H.rule;
}

/** Tree issues (domain) as row issues of the file. */
export function treeIssuesToRows(issues: readonly TreeIssue[]): RowIssue[] {
  return issues.map((i) => ({
    row: i.row ?? 1,
    column: i.column === '评分参数' ? paramColumn(i.message) : i.column,
    message: i.message,
  }));
}

function parseNumber(
  r: { row: number; cells: Partial<Record<StandardKey, string>> },
  key: StandardKey,
  issues: RowIssue[],
  opts: { integer?: boolean; min?: number } = {},
): number | undefined {
  const text = r.cells[key];
  if (text === undefined) return undefined;
  const v = Number(text.replace(/[%％]$/, ''));
  const bad =
    !Number.isFinite(v) || (opts.integer && !Number.isInteger(v)) || (opts.min !== undefined && v < opts.min);
  if (bad) {
    const what = opts.integer ? '非负整数' : opts.min !== undefined ? '非负数' : '数字';
    issues.push({ row: r.row, column: H[key], message: `${H[key]}「${text}」应为${what}` });
    return undefined;
  }
  return v;
}

function parseEvidence(row: number, text: string | undefined, issues: RowIssue[]): EvidenceRequirement[] {
  const out: EvidenceRequirement[] = [];
  for (const line of (text ?? '').split(/\r?\n/)) {
    if (!line.trim()) continue;
    const [title = '', period = ''] = line.split(/[|｜]/).map((s) => s.trim());
    const periodicity = period ? parsePeriodicity(period) : 'once';
    if (!title || title.length > 200)
      issues.push({ row, column: H.evidence, message: `必备资料「${line.trim()}」的名称须为 1–200 字` });
    else if (!periodicity)
      issues.push({
        row,
        column: H.evidence,
        message: `必备资料「${title}」的周期「${period}」无效，应为 ${PERIOD_OPTIONS.join('、')}`,
      });
    else out.push({ title, periodicity });
  }
  return out;
}

function parseParams(r: { row: number; cells: Partial<Record<StandardKey, string>> }, issues: RowIssue[]) {
  const params: ScoringParams = {};
  const per = parseNumber(r, 'perOccurrence', issues, { min: 0 });
  const cap = parseNumber(r, 'cap', issues, { min: 0 });
  const allowed = parseNumber(r, 'allowed', issues, { integer: true, min: 0 });
  const target = parseNumber(r, 'target', issues);
  const zeroAt = parseNumber(r, 'zeroAt', issues);
  if (per !== undefined) params.perOccurrence = per;
  if (cap !== undefined) params.cap = cap;
  if (allowed !== undefined) params.allowed = allowed;
  if (r.cells.metric) {
    if (r.cells.metric.length > 60)
      issues.push({ row: r.row, column: H.metric, message: '指标名称最长 60 字' });
    else params.metric = parseMetric(r.cells.metric);
  }
  if (target !== undefined) params.target = target;
  if (zeroAt !== undefined) params.zeroAt = zeroAt;
  if (r.cells.direction) {
    const d = parseDirection(r.cells.direction);
    if (!d)
      issues.push({
        row: r.row,
        column: H.direction,
        message: `方向「${r.cells.direction}」无效，应为 越高越好 或 越低越好`,
      });
    else params.direction = d;
  }
  const sources = splitNames(r.cells.sources ?? '');
  if (sources.length) {
    const parsed = sources.map(parseCaseSource);
    const bad = sources.filter((_, i) => !parsed[i]);
    if (bad.length)
      issues.push({
        row: r.row,
        column: H.sources,
        message: `案件来源「${bad.join('、')}」无效，应为 ${CASE_SOURCES.map((s) => CASE_SOURCE_LABELS[s].zh).join('、')}`,
      });
    else params.sources = [...new Set(parsed as CaseSource[])];
  }
  return params;
}

/**
 * Validates every row and the tree they make (duplicate codes, unknown parents, children over their
 * parent, veto items with points, rule parameters) and lists every problem; nothing is half-read.
 */
export function planStandardImport(
  read: SheetRead<StandardKey>,
  units: readonly UnitRef[],
  totalPoints: number,
): { issues: RowIssue[]; nodes: PlannedNode[] } {
  const issues: RowIssue[] = [];
  const unitByName = new Map(units.map((u) => [u.name, u.id]));
  const seen = new Set<string>();
  const nodes: PlannedNode[] = [];
  for (const r of read.rows) {
    const c = r.cells;
    const code = c.code ?? '';
    if (code && !standardCodeSchema.safeParse(code).success)
      issues.push({
        row: r.row,
        column: H.code,
        message: `编码「${code}」只能由字母、数字和“.”“-”组成，如 3.2.1`,
      });
    const parent = c.parent ?? '';
    if (parent && !standardCodeSchema.safeParse(parent).success)
      issues.push({ row: r.row, column: H.parent, message: `上级编码「${parent}」格式不正确` });
    if ((c.title ?? '').length > 300)
      issues.push({ row: r.row, column: H.title, message: '名称最长 300 字' });
    if ((c.description ?? '').length > 2000)
      issues.push({ row: r.row, column: H.description, message: '说明最长 2000 字' });
    const rule: ScoringRule | null = c.rule ? parseRule(c.rule) : 'manual';
    if (!rule)
      issues.push({
        row: r.row,
        column: H.rule,
        message: `评分方式「${c.rule}」无效，应为 ${RULE_OPTIONS.join('、')}`,
      });
    const points = parseNumber(r, 'points', issues, { min: 0 }) ?? 0;
    const params = parseParams(r, issues);
    const evidence = parseEvidence(r.row, c.evidence, issues);
    const unitIds: string[] = [];
    for (const name of splitNames(c.units ?? '')) {
      const id = unitByName.get(name);
      if (id) unitIds.push(id);
      else issues.push({ row: r.row, column: H.units, message: `责任单位「${name}」不是本市的单位` });
    }
    const key = code && !seen.has(code) ? code : `${code}#${r.row}`;
    seen.add(code);
    nodes.push({
      key,
      parentKey: parent || null,
      code,
      title: c.title ?? '',
      points,
      rule: rule ?? 'manual',
      params,
      row: r.row,
      description: c.description ?? null,
      evidence,
      unitIds: [...new Set(unitIds)],
    });
  }
  const tree = treeIssuesToRows(validateStandardTree(nodes, totalPoints));
  // A column missing from the header was reported once on row 1: its blank cells are not repeated per row.
  const rowIssues = [...issues, ...tree].filter((i) => !read.missing.has(i.column));
  const all = [...read.issues, ...rowIssues].sort((a, b) => a.row - b.row);
  return { issues: all, nodes };
}
