import { describe, expect, it } from 'vitest';
import { bigTree, VALID } from './test-helpers';
import { codeSortKey, compareCodes, orderTree } from './tree';

describe('compareCodes', () => {
  it.each<[string, string, -1 | 0 | 1]>([
    ['2', '10', -1],
    ['10', '2', 1],
    ['3.2', '3.10', -1],
    ['3.10', '3.9', 1],
    ['3', '3.1', -1],
    ['3.1', '3', 1],
    ['3.1', '3.1', 0],
    ['1.2.3', '1.10', -1],
    ['A1', 'A10', -1],
    ['A2', 'B1', -1],
    ['a', 'B', -1],
    ['3.1', '3.a', -1],
    ['3-2', '3-10', -1],
    ['03', '3', -1], // numerically equal: the plain string decides
    ['', '1', -1],
    ['99999999999999999999', '100000000000000000000', -1],
  ])('%j vs %j → %d', (a, b, expected) => {
    expect(Math.sign(compareCodes(a, b))).toBe(expected);
    expect(Math.sign(compareCodes(b, a))).toBe(-expected || 0);
  });

  it('sorts a mixed list naturally', () => {
    const codes = ['10', '3.10', '1', '3.2', '3', '2', '3.2.1', '3.1', 'A', '1.1'];
    expect([...codes].sort(compareCodes)).toEqual([
      '1',
      '1.1',
      '2',
      '3',
      '3.1',
      '3.2',
      '3.2.1',
      '3.10',
      '10',
      'A',
    ]);
  });
});

describe('orderTree', () => {
  it('puts parents before children, siblings in natural order, with depth and leaf', () => {
    const shuffled = [
      VALID[8]!,
      VALID[6]!,
      VALID[3]!,
      VALID[9]!,
      VALID[0]!,
      VALID[4]!,
      VALID[2]!,
      VALID[7]!,
      VALID[1]!,
      VALID[5]!,
    ];
    const out = orderTree(shuffled);
    expect(out.map((n) => [n.code, n.depth, n.leaf])).toEqual([
      ['1', 0, false],
      ['1.1', 1, true],
      ['1.2', 1, true],
      ['2', 0, false],
      ['2.1', 1, true],
      ['2.2', 1, true],
      ['2.3', 1, true],
      ['3', 0, false],
      ['3.1', 1, true],
      ['3.2', 1, true],
    ]);
    expect(out[4]).toMatchObject({ key: 'k2.1', title: '指标2.1', points: 40 });
  });

  it('sorts "3.10" after "3.9" among siblings and keeps equal codes stable', () => {
    const nodes = ['3.10', '3.9', '3.1', '3.2'].map((code) => ({ key: code, parentKey: 'p', code }));
    const out = orderTree([
      ...nodes,
      { key: 'p', parentKey: null, code: '3' },
      { key: 'x', parentKey: null, code: '3' },
    ]);
    expect(out.map((n) => n.key)).toEqual(['p', '3.1', '3.2', '3.9', '3.10', 'x']);
  });

  it('keeps orphans (as roots) and cycle members (appended), each exactly once', () => {
    const nodes = [
      { key: 'a', parentKey: 'missing', code: '2' },
      { key: 'b', parentKey: 'c', code: '9' },
      { key: 'c', parentKey: 'b', code: '8' },
      { key: 's', parentKey: 's', code: '7' },
      { key: 'r', parentKey: null, code: '1' },
    ];
    const out = orderTree(nodes);
    expect(out.map((n) => n.key)).toEqual(['r', 'a', 's', 'c', 'b']);
    expect(out.find((n) => n.key === 'b')!.depth).toBe(1);
  });

  it('handles an empty list', () => {
    expect(orderTree([])).toEqual([]);
  });

  it('orders 10,000 nodes and a 5,000-deep chain (no recursion, within the test timeout)', () => {
    const nodes = bigTree(10_000).reverse();
    const out = orderTree(nodes);
    expect(out).toHaveLength(10_000);
    const pos = new Map(out.map((n, i) => [n.key, i]));
    const childBeforeParent = out.filter(
      (n) => n.parentKey !== null && pos.get(n.parentKey)! > pos.get(n.key)!,
    );
    expect(childBeforeParent).toEqual([]);
    const chain = Array.from({ length: 5000 }, (_, i) => ({
      key: `c${i}`,
      parentKey: i === 0 ? null : `c${i - 1}`,
      code: `${i}`,
    }));
    const deep = orderTree(chain.reverse());
    expect(deep.at(-1)).toMatchObject({ key: 'c4999', depth: 4999, leaf: true });
  });
});

describe('codeSortKey', () => {
  it('sorts as strings exactly like compareCodes', () => {
    const codes = [
      '10',
      '3.10',
      '1',
      '3.2',
      '3',
      '02',
      '2',
      '3.2.1',
      '3.1',
      'A',
      'a1',
      'a10',
      '1.1',
      '3-1',
      '3.b',
      '',
    ];
    const byKey = [...codes].sort((a, b) => {
      const ka = codeSortKey(a);
      const kb = codeSortKey(b);
      return ka < kb ? -1 : ka > kb ? 1 : a < b ? -1 : a > b ? 1 : 0;
    });
    expect(byKey).toEqual([...codes].sort(compareCodes));
  });
});
