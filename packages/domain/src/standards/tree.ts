// The indicator tree of a standard (考核标准): category → item → checkpoint, any depth.
// Validation lists every problem at once (an Excel import reports all bad rows, not the first one),
// and ordering is the one place that decides how codes sort ("3.2" before "3.10").

export type ScoringRuleKind = 'manual' | 'deduction' | 'threshold' | 'count' | 'exposure' | 'veto';

export interface ScoringParamsInput {
  perOccurrence?: number;
  cap?: number;
  allowed?: number;
  metric?: string;
  target?: number;
  zeroAt?: number;
  direction?: 'min' | 'max';
  /** A case metric counted over these case sources only (e.g. complaints: citizen, hotline, 上级交办). */
  sources?: readonly string[];
}

export interface StandardTreeNode {
  key: string;
  parentKey: string | null;
  code: string;
  title: string;
  points: number;
  rule: ScoringRuleKind;
  params: ScoringParamsInput;
  /** Excel row, for messages. */
  row?: number;
}

export interface TreeIssue {
  key: string;
  row?: number;
  column: string;
  /** Chinese, naming the node. */
  message: string;
}

/** Column names used in issues; they match the headers of the Excel template. */
export const TREE_COLUMNS = {
  code: '编码',
  title: '名称',
  parent: '上级编码',
  points: '分值',
  rule: '评分方式',
  params: '评分参数',
} as const;

/** Sums of decimal points are compared with this tolerance (0.1 + 0.2 must not exceed 0.3). */
export const POINTS_EPSILON = 1e-6;

const RULE_ZH: Record<ScoringRuleKind, string> = {
  manual: '人工评分',
  deduction: '按次扣分',
  threshold: '指标达标',
  count: '计数扣分',
  exposure: '曝光扣分',
  veto: '一票否决',
};

/** A number for a message: at most two decimals, no trailing zeros. */
export function formatPoints(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  return String(Math.round(n * 100) / 100);
}

function labelOf(n: StandardTreeNode): string {
  const code = (n.code ?? '').trim();
  const title = (n.title ?? '').trim();
  const text = [code, title].filter(Boolean).join(' ');
  if (text) return `“${text}”`;
  return n.row !== undefined ? `第 ${n.row} 行` : '该指标';
}

const isSet = (x: number | undefined): x is number => typeof x === 'number' && Number.isFinite(x);

/**
 * Every problem of a tree (empty = valid): empty code/title, duplicate code, unknown parent, cycle, veto with
 * points, veto with children, children's points summing over their parent's, top level over totalPoints,
 * rule params missing (deduction/count need perOccurrence; threshold needs metric + target), cap over points.
 * Veto nodes carry no points and are left out of every sum. Issues come sorted by row (rowless last).
 */
export function validateStandardTree(nodes: readonly StandardTreeNode[], totalPoints: number): TreeIssue[] {
  const issues: TreeIssue[] = [];
  const add = (n: StandardTreeNode, column: string, message: string) =>
    issues.push(
      n.row === undefined ? { key: n.key, column, message } : { key: n.key, row: n.row, column, message },
    );

  const byKey = new Map<string, StandardTreeNode>();
  for (const n of nodes) if (!byKey.has(n.key)) byKey.set(n.key, n);
  const children = new Map<string, StandardTreeNode[]>();
  for (const n of nodes) {
    if (n.parentKey === null || !byKey.has(n.parentKey)) continue;
    const list = children.get(n.parentKey);
    if (list) list.push(n);
    else children.set(n.parentKey, [n]);
  }
  const onCycle = nodesOnCycles(nodes, byKey);
  const firstByCode = new Map<string, StandardTreeNode>();

  for (const n of nodes) {
    const label = labelOf(n);
    checkIdentity(n, label, firstByCode, add);
    checkPlace(n, label, byKey, onCycle, add);
    checkPoints(n, children.get(n.key) ?? [], label, add);
  }

  const rootSum = sumPoints(nodes.filter((n) => n.parentKey === null || !byKey.has(n.parentKey)));
  if (Number.isFinite(totalPoints) && rootSum > totalPoints + POINTS_EPSILON) {
    issues.push({
      key: '',
      column: TREE_COLUMNS.points,
      message: `一级指标分值合计 ${formatPoints(rootSum)} 超过标准总分 ${formatPoints(totalPoints)}`,
    });
  }

  // Stable: by row, rowless (tree-level) issues last.
  return issues
    .map((issue, i) => ({ issue, i }))
    .sort((a, b) => (a.issue.row ?? Infinity) - (b.issue.row ?? Infinity) || a.i - b.i)
    .map((x) => x.issue);
}

function sumPoints(nodes: readonly StandardTreeNode[]): number {
  let sum = 0;
  for (const n of nodes) if (n.rule !== 'veto' && Number.isFinite(n.points) && n.points > 0) sum += n.points;
  return sum;
}

type AddIssue = (n: StandardTreeNode, column: string, message: string) => void;

function checkIdentity(
  n: StandardTreeNode,
  label: string,
  firstByCode: Map<string, StandardTreeNode>,
  add: AddIssue,
) {
  const code = (n.code ?? '').trim();
  if (!code) add(n, TREE_COLUMNS.code, `${label}的编码不能为空`);
  else {
    const first = firstByCode.get(code);
    if (first) {
      const where =
        first.row !== undefined && n.row !== undefined ? `（第 ${first.row} 行与第 ${n.row} 行）` : '';
      add(n, TREE_COLUMNS.code, `编码“${code}”重复${where}`);
    } else firstByCode.set(code, n);
  }
  if (!(n.title ?? '').trim()) add(n, TREE_COLUMNS.title, `${code ? `编码“${code}”` : label}的名称不能为空`);
}

function checkPlace(
  n: StandardTreeNode,
  label: string,
  byKey: ReadonlyMap<string, StandardTreeNode>,
  onCycle: ReadonlySet<string>,
  add: AddIssue,
) {
  if (n.parentKey === null) return;
  if (n.parentKey === n.key) add(n, TREE_COLUMNS.parent, `${label}的上级不能是它自己`);
  else if (!byKey.has(n.parentKey)) add(n, TREE_COLUMNS.parent, `${label}的上级编码“${n.parentKey}”不存在`);
  else if (onCycle.has(n.key)) add(n, TREE_COLUMNS.parent, `${label}的上级关系形成循环`);
}

function checkPoints(n: StandardTreeNode, kids: readonly StandardTreeNode[], label: string, add: AddIssue) {
  if (!Number.isFinite(n.points)) add(n, TREE_COLUMNS.points, `${label}的分值不是有效数字`);
  else if (n.points < 0) add(n, TREE_COLUMNS.points, `${label}的分值不能为负数（${formatPoints(n.points)}）`);

  if (n.rule === 'veto') {
    if (Number.isFinite(n.points) && n.points !== 0)
      add(n, TREE_COLUMNS.points, `${label}：一票否决项不能设分值（填了 ${formatPoints(n.points)} 分）`);
    if (kids.length > 0) add(n, TREE_COLUMNS.rule, `${label}：一票否决项不能有下级指标`);
  } else if (kids.length > 0) {
    checkChildSum(n, kids, label, add); // an inner node is the sum of its children: its rule is not used
  } else {
    checkParams(n, label, add);
  }
}

function checkChildSum(n: StandardTreeNode, kids: readonly StandardTreeNode[], label: string, add: AddIssue) {
  const sum = sumPoints(kids);
  if (!Number.isFinite(n.points) || n.points < 0) return;
  if (n.points > 0) {
    if (sum > n.points + POINTS_EPSILON)
      add(
        n,
        TREE_COLUMNS.points,
        `${label}下级分值合计 ${formatPoints(sum)} 超过本项分值 ${formatPoints(n.points)}`,
      );
  } else if (sum > POINTS_EPSILON) {
    // A 0-point parent is a pure grouping only when nothing below it carries points.
    add(n, TREE_COLUMNS.points, `${label}未填写分值，但下级分值合计 ${formatPoints(sum)}：请填写本项分值`);
  }
}

function checkParams(n: StandardTreeNode, label: string, add: AddIssue) {
  const p = n.params ?? {};
  const rule = RULE_ZH[n.rule];
  if (!rule) {
    add(n, TREE_COLUMNS.rule, `${label}的评分方式“${String(n.rule)}”不存在`);
    return;
  }
  if (n.rule === 'deduction' || n.rule === 'count' || n.rule === 'exposure') {
    if (!isSet(p.perOccurrence) || p.perOccurrence <= 0)
      add(n, TREE_COLUMNS.params, `${label}：${rule}须填写每次扣分（大于 0）`);
    if (n.rule === 'count' && p.allowed !== undefined && (!isSet(p.allowed) || p.allowed < 0))
      add(n, TREE_COLUMNS.params, `${label}：允许数量不能为负数`);
  }
  if (n.rule === 'exposure' && p.zeroAt !== undefined && (!Number.isInteger(p.zeroAt) || p.zeroAt < 1))
    add(n, TREE_COLUMNS.params, `${label}：曝光扣分的零分值是“第几次曝光起本项不得分”，须为正整数`);
  if (p.sources !== undefined && n.rule !== 'threshold')
    add(n, TREE_COLUMNS.params, `${label}：案件来源只用于“指标达标”（按来源统计案件指标）`);
  if (n.rule === 'threshold') {
    if (!(p.metric ?? '').trim()) add(n, TREE_COLUMNS.params, `${label}：指标达标须填写指标名称`);
    if (!isSet(p.target)) add(n, TREE_COLUMNS.params, `${label}：指标达标须填写达标值`);
    else if (isSet(p.zeroAt)) {
      const max = p.direction === 'max';
      if (max ? p.zeroAt <= p.target : p.zeroAt >= p.target)
        add(
          n,
          TREE_COLUMNS.params,
          max
            ? `${label}：越低越好的指标，零分值 ${formatPoints(p.zeroAt)} 须高于达标值 ${formatPoints(p.target)}`
            : `${label}：零分值 ${formatPoints(p.zeroAt)} 须低于达标值 ${formatPoints(p.target)}`,
        );
    }
  }
  if (p.cap !== undefined && (n.rule === 'deduction' || n.rule === 'count' || n.rule === 'exposure')) {
    if (!isSet(p.cap) || p.cap < 0) add(n, TREE_COLUMNS.params, `${label}：扣分上限不能为负数`);
    else if (Number.isFinite(n.points) && p.cap > n.points + POINTS_EPSILON)
      add(
        n,
        TREE_COLUMNS.params,
        `${label}：扣分上限 ${formatPoints(p.cap)} 超过本项分值 ${formatPoints(n.points)}`,
      );
  }
}

/** Keys of nodes lying on a parent cycle (a → b → a, or longer). O(n). */
function nodesOnCycles(
  nodes: readonly StandardTreeNode[],
  byKey: ReadonlyMap<string, StandardTreeNode>,
): Set<string> {
  const state = new Map<string, 1 | 2>(); // 1 = on the current walk, 2 = done
  const cycle = new Set<string>();
  for (const start of nodes) {
    if (state.has(start.key)) continue;
    const path: string[] = [];
    let cur: StandardTreeNode | undefined = start;
    while (cur && !state.has(cur.key)) {
      state.set(cur.key, 1);
      path.push(cur.key);
      cur = cur.parentKey === null ? undefined : byKey.get(cur.parentKey);
    }
    if (cur && state.get(cur.key) === 1) {
      // The walk came back to itself: everything from `cur` on the path is the cycle.
      for (let i = path.indexOf(cur.key); i < path.length; i++) cycle.add(path[i]!);
    }
    for (const k of path) state.set(k, 2);
  }
  return cycle;
}

// ---- ordering -----------------------------------------------------------------------------------------

// Codes are compared through one string key each, built once, so a sort compares plain strings (fast, no
// garbage). Segments ("." or "-") are joined by \u0000, which sorts first: "3" < "3.1". Inside a segment,
// a digit run is \u0001 + a length char + the digits without leading zeros (equal lengths compare as
// numbers, any length, exact); a text run is \u0002 + its lower case: numbers before text ("3.1" < "3.a").
const SEGMENT = '\u0000';
const DIGITS = '\u0001';
const TEXT = '\u0002';

/** The string that sorts like the code in natural order (see compareCodes). */
export function codeSortKey(code: string): string {
  const segments = code.trim().split(/[.-]/);
  let key = '';
  for (let s = 0; s < segments.length; s++) {
    if (s > 0) key += SEGMENT;
    for (const run of segments[s]!.match(/\d+|\D+/g) ?? []) {
      const c = run.charCodeAt(0);
      if (c >= 48 && c <= 57) {
        const digits = run.replace(/^0+(?=\d)/, '');
        key += DIGITS + String.fromCharCode(0x100 + digits.length) + digits;
      } else key += TEXT + run.toLowerCase();
    }
  }
  return key;
}

const plain = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Natural order of codes: "2" < "10", "3.2" < "3.10", "3" < "3.1"; ties (e.g. "03" vs "3") by the plain string. */
export function compareCodes(a: string, b: string): number {
  return plain(codeSortKey(a), codeSortKey(b)) || plain(a, b);
}

/**
 * Pre-order (parents before children, siblings by natural code order "3.2" < "3.10") with depth (roots 0).
 * Nodes whose parent is missing are roots; nodes on a cycle are appended as roots of what remains,
 * so every node comes out exactly once. O(n log n), iterative (no recursion limit on deep trees).
 */
export function orderTree<T extends { key: string; parentKey: string | null; code: string }>(
  nodes: readonly T[],
): (T & { depth: number; leaf: boolean })[] {
  interface Entry {
    node: T;
    sortKey: string;
    kids: Entry[];
    seen: boolean;
  }
  const entries: Entry[] = nodes.map((node) => ({
    node,
    sortKey: codeSortKey(node.code),
    kids: [],
    seen: false,
  }));
  const byKey = new Map<string, Entry>();
  for (const e of entries) if (!byKey.has(e.node.key)) byKey.set(e.node.key, e);
  const bySibling = (a: Entry, b: Entry) => plain(a.sortKey, b.sortKey) || plain(a.node.code, b.node.code);

  const roots: Entry[] = [];
  for (const e of entries) {
    const parentKey = e.node.parentKey;
    if (parentKey === e.node.key) continue; // a self-parent is a cycle of one: appended below
    const parent = parentKey === null ? undefined : byKey.get(parentKey);
    if (parent) parent.kids.push(e);
    else roots.push(e);
  }
  for (const e of entries) if (e.kids.length > 1) e.kids.sort(bySibling);
  roots.sort(bySibling);

  const out: (T & { depth: number; leaf: boolean })[] = [];
  const stack: { e: Entry; depth: number }[] = [];
  const walk = (root: Entry) => {
    stack.push({ e: root, depth: 0 });
    while (stack.length > 0) {
      const { e, depth } = stack.pop()!;
      if (e.seen) continue;
      e.seen = true;
      out.push({ ...e.node, depth, leaf: e.kids.length === 0 });
      for (let i = e.kids.length - 1; i >= 0; i--) stack.push({ e: e.kids[i]!, depth: depth + 1 });
    }
  };
  for (const r of roots) walk(r);
  if (out.length < entries.length) for (const e of entries.filter((x) => !x.seen).sort(bySibling)) walk(e);
  return out;
}
