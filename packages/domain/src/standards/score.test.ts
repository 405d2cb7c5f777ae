import { describe, expect, it } from 'vitest';
import {
  type LeafInput,
  type LeafScore,
  type NodeTotals,
  type RollupNode,
  rollup,
  round2,
  scoreLeaf,
  verdictOf,
  vetoSummary,
} from './score';
import type { ScoringParamsInput, ScoringRuleKind } from './tree';

type Node = { points: number; rule: ScoringRuleKind; params: ScoringParamsInput };
const node = (rule: ScoringRuleKind, points: number, params: ScoringParamsInput = {}): Node => ({
  rule,
  points,
  params,
});
const ok = (score: number, lost: number): LeafScore => ({ score, lost, vetoStatus: null, scored: true });
const NONE: LeafScore = { score: 0, lost: 0, vetoStatus: null, scored: false };

describe('scoreLeaf', () => {
  const manual = node('manual', 10);
  const deduction = node('deduction', 40, { perOccurrence: 5, cap: 30 });
  const exposure = node('deduction', 100, { perOccurrence: 30 }); // 检查曝光: −30 per exposure
  const count = node('count', 10, { perOccurrence: 2, allowed: 5 }); // 行走300米可看到5处
  const provincial = node('exposure', 100, { perOccurrence: 30, zeroAt: 2 });
  const satisfaction = node('threshold', 50, { metric: 'satisfaction_rate', target: 90 });
  const linear = node('threshold', 50, { metric: 'on_time_close_rate', target: 90, zeroAt: 60 });
  const vector = node('threshold', 20, { metric: '病媒密度', target: 1, zeroAt: 3, direction: 'max' });
  const vectorStrict = node('threshold', 20, { metric: '病媒密度', target: 1, direction: 'max' });

  it.each<[string, Node, LeafInput | null | undefined, LeafScore]>([
    // no input at all
    ['manual, no input', manual, undefined, NONE],
    ['manual, null input', manual, null, NONE],
    ['manual, empty input', manual, {}, NONE],
    ['manual, null score', manual, { score: null }, NONE],
    ['manual, NaN score', manual, { score: Number.NaN }, NONE],
    ['deduction, no occurrences', deduction, { value: 3 }, NONE],
    ['threshold, no value', satisfaction, { occurrences: 1 }, NONE],
    // manual
    ['manual, in range', manual, { score: 7.5 }, ok(7.5, 2.5)],
    ['manual, full', manual, { score: 10 }, ok(10, 0)],
    ['manual, zero', manual, { score: 0 }, ok(0, 10)],
    ['manual, over max → clamped', manual, { score: 12 }, ok(10, 0)],
    ['manual, negative → clamped', manual, { score: -3 }, ok(0, 10)],
    ['manual, rounded to 2 decimals', manual, { score: 4.14159 }, ok(4.14, 5.86)],
    ['manual, 1.005 rounds up', manual, { score: 1.005 }, ok(1.01, 8.99)],
    // deduction
    ['deduction, none', deduction, { occurrences: 0 }, ok(40, 0)],
    ['deduction, two', deduction, { occurrences: 2 }, ok(30, 10)],
    ['deduction, capped at 30', deduction, { occurrences: 100 }, ok(10, 30)],
    ['deduction, negative occurrences count as none', deduction, { occurrences: -2 }, ok(40, 0)],
    ['exposure, first −30', exposure, { occurrences: 1 }, ok(70, 30)],
    ['exposure, fourth: capped at the points', exposure, { occurrences: 4 }, ok(0, 100)],
    [
      'deduction, cap over points → points',
      node('deduction', 10, { perOccurrence: 4, cap: 50 }),
      { occurrences: 5 },
      ok(0, 10),
    ],
    ['deduction, no perOccurrence → nothing off', node('deduction', 10), { occurrences: 5 }, ok(10, 0)],
    ['deduction, decimals', node('deduction', 5, { perOccurrence: 0.3 }), { occurrences: 3 }, ok(4.1, 0.9)],
    [
      'deduction, cap 0 → nothing off',
      node('deduction', 10, { perOccurrence: 4, cap: 0 }),
      { occurrences: 5 },
      ok(10, 0),
    ],
    ['deduction, score given instead → manual', deduction, { score: 25 }, ok(25, 15)],
    ['deduction, occurrences win over score', deduction, { score: 1, occurrences: 1 }, ok(35, 5)],
    // exposure: 第一次曝光扣30分，第二次曝光该项不得分
    ['exposure rule, none', provincial, { occurrences: 0 }, ok(100, 0)],
    ['exposure rule, first −30', provincial, { occurrences: 1 }, ok(70, 30)],
    ['exposure rule, second → 0', provincial, { occurrences: 2 }, ok(0, 100)],
    ['exposure rule, fifth → 0', provincial, { occurrences: 5 }, ok(0, 100)],
    [
      'exposure rule, zero from the third',
      node('exposure', 100, { perOccurrence: 30, zeroAt: 3 }),
      { occurrences: 2 },
      ok(40, 60),
    ],
    [
      'exposure rule, no zeroAt: per exposure, capped',
      node('exposure', 20, { perOccurrence: 5 }),
      { occurrences: 5 },
      ok(0, 20),
    ],
    ["exposure rule, an assessor's score", provincial, { score: 55 }, ok(55, 45)],
    ['exposure rule, no input', provincial, {}, NONE],
    // count
    ['count, within allowance', count, { occurrences: 5 }, ok(10, 0)],
    ['count, one over', count, { occurrences: 6 }, ok(8, 2)],
    ['count, far over → capped at points', count, { occurrences: 50 }, ok(0, 10)],
    ['count, no allowance', node('count', 10, { perOccurrence: 1 }), { occurrences: 3 }, ok(7, 3)],
    [
      'count, with cap',
      node('count', 10, { perOccurrence: 1, allowed: 2, cap: 4 }),
      { occurrences: 30 },
      ok(6, 4),
    ],
    // threshold, higher is better
    ['threshold, above target', satisfaction, { value: 95 }, ok(50, 0)],
    ['threshold, at target', satisfaction, { value: 90 }, ok(50, 0)],
    ['threshold, just below, no zeroAt → all lost', satisfaction, { value: 89.99 }, ok(0, 50)],
    ['threshold linear, at target', linear, { value: 90 }, ok(50, 0)],
    ['threshold linear, halfway', linear, { value: 75 }, ok(25, 25)],
    ['threshold linear, a third', linear, { value: 70 }, ok(16.67, 33.33)],
    ['threshold linear, at zeroAt', linear, { value: 60 }, ok(0, 50)],
    ['threshold linear, under zeroAt', linear, { value: 10 }, ok(0, 50)],
    [
      'threshold, zeroAt on the wrong side → ignored',
      node('threshold', 10, { metric: 'x', target: 90, zeroAt: 95 }),
      { value: 92 },
      ok(10, 0),
    ],
    [
      'threshold, wrong-side zeroAt below target → all lost',
      node('threshold', 10, { metric: 'x', target: 90, zeroAt: 95 }),
      { value: 89 },
      ok(0, 10),
    ],
    ['threshold, no target → unscored', node('threshold', 10, { metric: 'x' }), { value: 5 }, NONE],
    [
      'threshold, no target but a score → manual',
      node('threshold', 10, { metric: 'x' }),
      { value: 5, score: 4 },
      ok(4, 6),
    ],
    [
      'threshold, direction min explicit',
      node('threshold', 10, { target: 0.9, zeroAt: 0.8, direction: 'min' }),
      { value: 0.85 },
      ok(5, 5),
    ],
    // threshold, lower is better
    ['max, under target', vector, { value: 0.5 }, ok(20, 0)],
    ['max, at target', vector, { value: 1 }, ok(20, 0)],
    ['max, halfway', vector, { value: 2 }, ok(10, 10)],
    ['max, quarter', vector, { value: 2.5 }, ok(5, 15)],
    ['max, at zeroAt', vector, { value: 3 }, ok(0, 20)],
    ['max, beyond zeroAt', vector, { value: 9 }, ok(0, 20)],
    ['max, no zeroAt, over target → all lost', vectorStrict, { value: 1.01 }, ok(0, 20)],
    ['max, no zeroAt, at target', vectorStrict, { value: 1 }, ok(20, 0)],
    // odd points
    ['negative points count as 0', node('manual', -5), { score: 3 }, ok(0, 0)],
    ['0-point manual leaf', node('manual', 0), { score: 3 }, ok(0, 0)],
  ])('%s', (_name, n, input, expected) => {
    expect(scoreLeaf(n, input)).toEqual(expected);
  });

  it.each<[LeafInput | null | undefined, LeafScore]>([
    [{ passed: true }, { score: 0, lost: 0, vetoStatus: 'met', scored: true }],
    [{ passed: false }, { score: 0, lost: 0, vetoStatus: 'failed', scored: true }],
    [{ passed: null }, { score: 0, lost: 0, vetoStatus: 'unknown', scored: false }],
    [{ score: 5 }, { score: 0, lost: 0, vetoStatus: 'unknown', scored: false }],
    [null, { score: 0, lost: 0, vetoStatus: 'unknown', scored: false }],
    [undefined, { score: 0, lost: 0, vetoStatus: 'unknown', scored: false }],
  ])('veto with %j', (input, expected) => {
    expect(scoreLeaf(node('veto', 0), input)).toEqual(expected);
    expect(scoreLeaf(node('veto', 10), input)).toEqual(expected); // a veto never carries points
  });

  it('always returns score + lost = points for a scored non-veto leaf, within [0, points]', () => {
    const rules: Node[] = [
      node('manual', 7.5),
      node('deduction', 7.5, { perOccurrence: 0.7, cap: 5 }),
      node('count', 7.5, { perOccurrence: 1.3, allowed: 2 }),
      node('exposure', 7.5, { perOccurrence: 2, zeroAt: 3 }),
      node('threshold', 7.5, { target: 0.95, zeroAt: 0.5 }),
      node('threshold', 7.5, { target: 3, zeroAt: 10, direction: 'max' }),
    ];
    for (const n of rules)
      for (let x = -3; x <= 15; x += 0.37) {
        const s = scoreLeaf(n, { score: x, occurrences: x, value: x / 10 });
        expect(s.scored).toBe(true);
        expect(s.score).toBeGreaterThanOrEqual(0);
        expect(s.score).toBeLessThanOrEqual(7.5);
        expect(round2(s.score + s.lost)).toBe(7.5);
        expect(round2(s.score)).toBe(s.score);
      }
  });
});

describe('round2', () => {
  it.each<[number, number]>([
    [1.005, 1.01],
    [1.004, 1],
    [2.675, 2.68],
    [-1.005, -1.01],
    [-0.001, 0],
    [0.1 + 0.2, 0.3],
    [16.666666, 16.67],
    [Number.NaN, 0],
    [Number.POSITIVE_INFINITY, 0],
  ])('%d → %d', (x, expected) => {
    expect(round2(x)).toBe(expected);
    expect(Object.is(round2(x), -0)).toBe(false);
  });
});

describe('rollup', () => {
  // 1 必备条件 (grouping, 0 points): 1.1, 1.2 veto
  // 2 (100): 2.1 (40, scored 30), 2.2 (60): 2.2.1 (30, scored 30), 2.2.2 (30, unscored)
  // 3 (0 points: sum of children): 3.1 (10, scored 2.5)
  const nodes: RollupNode[] = [
    { key: '1', parentKey: null, points: 0 },
    { key: '1.1', parentKey: '1', points: 0 },
    { key: '1.2', parentKey: '1', points: 0, veto: true },
    { key: '2', parentKey: null, points: 100 },
    { key: '2.1', parentKey: '2', points: 40 },
    { key: '2.2', parentKey: '2', points: 60 },
    { key: '2.2.1', parentKey: '2.2', points: 30 },
    { key: '2.2.2', parentKey: '2.2', points: 30 },
    { key: '3', parentKey: null, points: 0 },
    { key: '3.1', parentKey: '3', points: 10 },
  ];
  const leaves = new Map<string, LeafScore>([
    ['1.1', { score: 0, lost: 0, vetoStatus: 'failed', scored: true }],
    ['2.1', ok(30, 10)],
    ['2.2.1', ok(30, 0)],
    ['3.1', ok(2.5, 7.5)],
  ]);
  const totals = rollup(nodes, leaves);
  const T = (
    score: number,
    lost: number,
    points: number,
    scoredLeaves: number,
    leafCount: number,
  ): NodeTotals => ({
    score,
    lost,
    points,
    scoredLeaves,
    leaves: leafCount,
  });

  it.each<[string, NodeTotals]>([
    ['1.1', T(0, 0, 0, 0, 0)],
    ['1.2', T(0, 0, 0, 0, 0)],
    ['1', T(0, 0, 0, 0, 0)],
    ['2.1', T(30, 10, 40, 1, 1)],
    ['2.2.1', T(30, 0, 30, 1, 1)],
    ['2.2.2', T(0, 0, 30, 0, 1)],
    ['2.2', T(30, 0, 60, 1, 2)],
    ['2', T(60, 10, 100, 2, 3)],
    ['3.1', T(2.5, 7.5, 10, 1, 1)],
    ['3', T(2.5, 7.5, 10, 1, 1)],
    ['', T(62.5, 17.5, 110, 3, 4)],
  ])('totals of %j', (key, expected) => {
    expect(totals.get(key)).toEqual(expected);
  });

  it('has one entry per node plus the whole tree', () => {
    expect(totals.size).toBe(nodes.length + 1);
  });

  it('keeps decimal sums exact to 2 decimals', () => {
    const parts: RollupNode[] = [{ key: 'p', parentKey: null, points: 0.6 }];
    const scores = new Map<string, LeafScore>();
    for (let i = 0; i < 6; i++) {
      parts.push({ key: `c${i}`, parentKey: 'p', points: 0.1 });
      scores.set(`c${i}`, ok(0.1, 0));
    }
    expect(rollup(parts, scores).get('p')).toEqual(T(0.6, 0, 0.6, 6, 6));
  });

  it('returns only the whole-tree zero for an empty tree', () => {
    expect([...rollup([], new Map())]).toEqual([['', T(0, 0, 0, 0, 0)]]);
  });

  it('treats orphans as roots and survives a cycle', () => {
    const out = rollup(
      [
        { key: 'o', parentKey: 'gone', points: 5 },
        { key: 'a', parentKey: 'b', points: 1 },
        { key: 'b', parentKey: 'a', points: 1 },
        { key: 's', parentKey: 's', points: 2 },
      ],
      new Map([['o', ok(4, 1)]]),
    );
    expect(out.get('o')).toEqual(T(4, 1, 5, 1, 1));
    expect(out.get('a')).toBeDefined();
    expect(out.get('b')).toBeDefined();
    expect(out.get('s')).toEqual(T(0, 0, 2, 0, 1));
    expect(out.get('')).toEqual(T(4, 1, 7, 1, 2));
  });

  it('rolls up 10,000 nodes and a 5,000-deep chain', () => {
    const big: RollupNode[] = [];
    const scores = new Map<string, LeafScore>();
    for (let c = 0; c < 100; c++) {
      big.push({ key: `c${c}`, parentKey: null, points: 0 });
      for (let k = 0; k < 99; k++) {
        big.push({ key: `c${c}.${k}`, parentKey: `c${c}`, points: 1 });
        if (k % 2 === 0) scores.set(`c${c}.${k}`, ok(0.5, 0.5));
      }
    }
    const out = rollup(big.reverse(), scores);
    expect(out.get('')).toEqual(T(2500, 2500, 9900, 5000, 9900));
    const chain: RollupNode[] = Array.from({ length: 5000 }, (_, i) => ({
      key: `n${i}`,
      parentKey: i === 0 ? null : `n${i - 1}`,
      points: 0,
    }));
    chain[4999]!.points = 3;
    expect(rollup(chain, new Map([['n4999', ok(2, 1)]])).get('')).toEqual(T(2, 1, 3, 1, 1));
  });
});

describe('vetoSummary', () => {
  it('counts veto outcomes and ignores ordinary leaves', () => {
    const v = (vetoStatus: LeafScore['vetoStatus']): LeafScore => ({
      score: 0,
      lost: 0,
      vetoStatus,
      scored: true,
    });
    expect(vetoSummary([v('met'), v('failed'), v('failed'), v('unknown'), ok(3, 1), NONE])).toEqual({
      met: 1,
      failed: 2,
      unknown: 1,
    });
    expect(vetoSummary(new Map<string, LeafScore>().values())).toEqual({ met: 0, failed: 0, unknown: 0 });
  });
});

describe('verdictOf', () => {
  const t = { passScore: 900, basicScore: 750 };
  it.each<[number, number, ReturnType<typeof verdictOf>]>([
    [1000, 0, 'pass'],
    [900, 0, 'pass'],
    [899.9999999, 0, 'pass'], // float noise from sums
    [899.99, 0, 'basic'],
    [760, 0, 'basic'],
    [750, 0, 'basic'],
    [749.99, 0, 'fail'],
    [500, 0, 'fail'],
    [0, 0, 'fail'],
    [1000, 1, 'fail'],
    [910, 3, 'fail'],
    [Number.NaN, 0, 'fail'],
  ])('%d points with %d failed vetoes → %s', (total, vetoFailed, expected) => {
    expect(verdictOf(total, t, vetoFailed)).toBe(expected);
  });

  it('follows configured thresholds (800-point provincial scheme)', () => {
    expect(verdictOf(700, { passScore: 720, basicScore: 600 }, 0)).toBe('basic');
    expect(verdictOf(720, { passScore: 720, basicScore: 600 }, 0)).toBe('pass');
  });
});
