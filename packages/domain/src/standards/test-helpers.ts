// Tree builders shared by the standards tests.
import type { StandardTreeNode } from './tree';

/** A node keyed by its code, parent by its parent's code; row = position + 2 (row 1 is the header). */
export function tree(
  rows: [
    code: string,
    parent: string | null,
    points: number,
    rule?: StandardTreeNode['rule'],
    params?: object,
  ][],
): StandardTreeNode[] {
  return rows.map(([code, parent, points, rule = 'manual', params = {}], i) => ({
    key: `k${code}`,
    parentKey: parent === null ? null : `k${parent}`,
    code,
    title: `指标${code}`,
    points,
    rule,
    params,
    row: i + 2,
  }));
}

/** A valid tree: a veto group with 0 points, a 100-point category, decimal points (0.1 + 0.2 = 0.3). */
export const VALID = tree([
  ['1', null, 0],
  ['1.1', '1', 0, 'veto'],
  ['1.2', '1', 0, 'veto'],
  ['2', null, 100],
  ['2.1', '2', 40, 'deduction', { perOccurrence: 5, cap: 40 }],
  ['2.2', '2', 30, 'count', { perOccurrence: 2, allowed: 5 }],
  ['2.3', '2', 30, 'threshold', { metric: 'satisfaction_rate', target: 90, zeroAt: 60 }],
  ['3', null, 0.3],
  ['3.1', '3', 0.1],
  ['3.2', '3', 0.2, 'threshold', { metric: '病媒密度', target: 1, zeroAt: 3, direction: 'max' }],
]);

/** 10 categories × 10 items × (n/100 − 1.1) checkpoints, codes like "7.3.42", points adding up. */
export function bigTree(n: number): StandardTreeNode[] {
  const nodes: StandardTreeNode[] = [];
  const perItem = Math.floor((n - 110) / 100);
  for (let c = 1; c <= 10; c++) {
    nodes.push({
      key: `${c}`,
      parentKey: null,
      code: `${c}`,
      title: `类${c}`,
      points: 100_000,
      rule: 'manual',
      params: {},
    });
    for (let i = 1; i <= 10; i++) {
      const item = `${c}.${i}`;
      nodes.push({
        key: item,
        parentKey: `${c}`,
        code: item,
        title: `项${item}`,
        points: 10_000,
        rule: 'manual',
        params: {},
      });
      for (let k = 1; k <= perItem; k++) {
        const code = `${item}.${k}`;
        nodes.push({
          key: code,
          parentKey: item,
          code,
          title: `点${code}`,
          points: 1,
          rule: 'deduction',
          params: { perOccurrence: 0.5 },
        });
      }
    }
  }
  while (nodes.length < n) {
    const code = `99.${nodes.length}`;
    nodes.push({ key: code, parentKey: null, code, title: '补', points: 0, rule: 'veto', params: {} });
  }
  return nodes;
}
