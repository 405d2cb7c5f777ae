import { describe, expect, it } from 'vitest';
import { bigTree, tree, VALID } from './test-helpers';
import { type StandardTreeNode, validateStandardTree } from './tree';

describe('validateStandardTree', () => {
  it('accepts a valid tree (veto groups with 0 points, decimal sums within tolerance)', () => {
    expect(validateStandardTree(VALID, 100.3)).toEqual([]);
  });

  it('accepts an empty tree and a parent whose children sum under its points', () => {
    expect(validateStandardTree([], 1000)).toEqual([]);
    expect(
      validateStandardTree(
        tree([
          ['1', null, 50],
          ['1.1', '1', 20],
        ]),
        1000,
      ),
    ).toEqual([]);
  });

  type Case = [
    name: string,
    nodes: StandardTreeNode[],
    total: number,
    expected: Partial<StandardTreeNode & { column: string; message: string }>[],
  ];
  const cases: Case[] = [
    [
      'duplicate code, naming both rows',
      tree([
        ['3', null, 100],
        ['3.2', '3', 10],
        ['3.3', '3', 10],
        ['3.2', '3', 10],
      ]),
      1000,
      [{ key: 'k3.2', row: 5, column: '编码', message: '编码“3.2”重复（第 3 行与第 5 行）' }],
    ],
    [
      'children summing over their parent',
      [
        {
          key: 'a',
          parentKey: null,
          code: '3.2',
          title: '病媒生物防制',
          points: 100,
          rule: 'manual',
          params: {},
          row: 4,
        },
        {
          key: 'b',
          parentKey: 'a',
          code: '3.2.1',
          title: '鼠',
          points: 60,
          rule: 'manual',
          params: {},
          row: 5,
        },
        {
          key: 'c',
          parentKey: 'a',
          code: '3.2.2',
          title: '蚊',
          points: 60,
          rule: 'manual',
          params: {},
          row: 6,
        },
        {
          key: 'd',
          parentKey: 'a',
          code: '3.2.3',
          title: '否决',
          points: 0,
          rule: 'veto',
          params: {},
          row: 7,
        },
      ],
      1000,
      [{ key: 'a', row: 4, column: '分值', message: '“3.2 病媒生物防制”下级分值合计 120 超过本项分值 100' }],
    ],
    [
      'a 0-point parent whose children carry points',
      tree([
        ['1', null, 0],
        ['1.1', '1', 10],
        ['1.2', '1', 0, 'veto'],
      ]),
      1000,
      [{ key: 'k1', column: '分值', message: '“1 指标1”未填写分值，但下级分值合计 10：请填写本项分值' }],
    ],
    [
      'a veto item with points',
      tree([
        ['1', null, 0],
        ['1.1', '1', 5, 'veto'],
      ]),
      1000,
      [{ key: 'k1.1', row: 3, column: '分值', message: '“1.1 指标1.1”：一票否决项不能设分值（填了 5 分）' }],
    ],
    [
      'a veto item with children',
      tree([
        ['1', null, 0, 'veto'],
        ['1.1', '1', 0, 'veto'],
      ]),
      1000,
      [{ key: 'k1', column: '评分方式', message: '“1 指标1”：一票否决项不能有下级指标' }],
    ],
    [
      'deduction without perOccurrence',
      tree([['1', null, 10, 'deduction']]),
      1000,
      [{ key: 'k1', column: '评分参数', message: '“1 指标1”：按次扣分须填写每次扣分（大于 0）' }],
    ],
    [
      'count with perOccurrence 0 and a negative allowance',
      tree([['1', null, 10, 'count', { perOccurrence: 0, allowed: -1 }]]),
      1000,
      [
        { column: '评分参数', message: '“1 指标1”：计数扣分须填写每次扣分（大于 0）' },
        { column: '评分参数', message: '“1 指标1”：允许数量不能为负数' },
      ],
    ],
    [
      'threshold without metric nor target',
      tree([['1', null, 10, 'threshold', { metric: '  ' }]]),
      1000,
      [
        { column: '评分参数', message: '“1 指标1”：指标达标须填写指标名称' },
        { column: '评分参数', message: '“1 指标1”：指标达标须填写达标值' },
      ],
    ],
    [
      'threshold with zeroAt on the wrong side',
      tree([
        ['1', null, 10, 'threshold', { metric: 'x', target: 90, zeroAt: 95 }],
        ['2', null, 10, 'threshold', { metric: 'y', target: 1, zeroAt: 0.5, direction: 'max' }],
      ]),
      1000,
      [
        { key: 'k1', message: '“1 指标1”：零分值 95 须低于达标值 90' },
        { key: 'k2', message: '“2 指标2”：越低越好的指标，零分值 0.5 须高于达标值 1' },
      ],
    ],
    [
      'cap over points, and a negative cap',
      tree([
        ['1', null, 20, 'deduction', { perOccurrence: 5, cap: 30 }],
        ['2', null, 20, 'deduction', { perOccurrence: 5, cap: -1 }],
      ]),
      1000,
      [
        { key: 'k1', column: '评分参数', message: '“1 指标1”：扣分上限 30 超过本项分值 20' },
        { key: 'k2', column: '评分参数', message: '“2 指标2”：扣分上限不能为负数' },
      ],
    ],
    [
      'top level over the total',
      tree([
        ['1', null, 600],
        ['2', null, 500],
        ['3', null, 0, 'veto'],
      ]),
      1000,
      [{ key: '', column: '分值', message: '一级指标分值合计 1100 超过标准总分 1000' }],
    ],
    [
      'empty code and empty title',
      [
        {
          key: 'a',
          parentKey: null,
          code: ' ',
          title: '绿化',
          points: 1,
          rule: 'manual',
          params: {},
          row: 2,
        },
        { key: 'b', parentKey: null, code: '2', title: '', points: 1, rule: 'manual', params: {}, row: 3 },
        { key: 'c', parentKey: null, code: '', title: '', points: 1, rule: 'manual', params: {}, row: 4 },
      ],
      1000,
      [
        { key: 'a', column: '编码', message: '“绿化”的编码不能为空' },
        { key: 'b', column: '名称', message: '编码“2”的名称不能为空' },
        { key: 'c', column: '编码', message: '第 4 行的编码不能为空' },
        { key: 'c', column: '名称', message: '第 4 行的名称不能为空' },
      ],
    ],
    [
      'unknown parent and self parent',
      [
        { key: 'a', parentKey: '9', code: '9.1', title: '甲', points: 1, rule: 'manual', params: {}, row: 2 },
        { key: 'b', parentKey: 'b', code: '2', title: '乙', points: 1, rule: 'manual', params: {}, row: 3 },
      ],
      1000,
      [
        { key: 'a', column: '上级编码', message: '“9.1 甲”的上级编码“9”不存在' },
        { key: 'b', column: '上级编码', message: '“2 乙”的上级不能是它自己' },
      ],
    ],
    [
      'a cycle reports every node on it, not the node hanging below it',
      [
        { key: 'a', parentKey: 'c', code: '1', title: '甲', points: 0, rule: 'manual', params: {}, row: 2 },
        { key: 'b', parentKey: 'a', code: '1.1', title: '乙', points: 0, rule: 'manual', params: {}, row: 3 },
        {
          key: 'c',
          parentKey: 'b',
          code: '1.1.1',
          title: '丙',
          points: 0,
          rule: 'manual',
          params: {},
          row: 4,
        },
        {
          key: 'd',
          parentKey: 'c',
          code: '1.1.1.1',
          title: '丁',
          points: 1,
          rule: 'manual',
          params: {},
          row: 5,
        },
      ],
      1000,
      [
        { key: 'a', column: '上级编码', message: '“1 甲”的上级关系形成循环' },
        { key: 'b', column: '上级编码', message: '“1.1 乙”的上级关系形成循环' },
        { key: 'c', column: '上级编码', message: '“1.1.1 丙”的上级关系形成循环' },
        // c has 0 points while its child d has 1: reported too
        { key: 'c', column: '分值', message: '“1.1.1 丙”未填写分值，但下级分值合计 1：请填写本项分值' },
      ],
    ],
    [
      'negative and non-numeric points',
      tree([
        ['1', null, -5],
        ['2', null, Number.NaN],
      ]),
      1000,
      [
        { key: 'k1', column: '分值', message: '“1 指标1”的分值不能为负数（-5）' },
        { key: 'k2', column: '分值', message: '“2 指标2”的分值不是有效数字' },
      ],
    ],
  ];

  it.each(cases)('reports %s', (_name, nodes, total, expected) => {
    const issues = validateStandardTree(nodes, total);
    expect(issues).toHaveLength(expected.length);
    for (const [i, e] of expected.entries()) expect(issues[i]).toMatchObject(e);
  });

  it('checks the exposure rule and case sources', () => {
    const issues = validateStandardTree(
      tree([
        ['1', null, 100],
        ['1.1', '1', 30, 'exposure', { perOccurrence: 30, zeroAt: 2 }],
        ['1.2', '1', 30, 'exposure', { zeroAt: 1.5 }],
        ['1.3', '1', 20, 'threshold', { metric: 'on_time_close_rate', target: 95, sources: ['citizen'] }],
        ['1.4', '1', 20, 'deduction', { perOccurrence: 1, sources: ['citizen'] }],
      ]),
      100,
    );
    expect(issues.map((i) => [i.row, i.message])).toEqual([
      [4, '“1.2 指标1.2”：曝光扣分须填写每次扣分（大于 0）'],
      [4, '“1.2 指标1.2”：曝光扣分的零分值是“第几次曝光起本项不得分”，须为正整数'],
      [6, '“1.4 指标1.4”：案件来源只用于“指标达标”（按来源统计案件指标）'],
    ]);
  });

  it('ignores the rule and params of an inner node (it is the sum of its children)', () => {
    expect(
      validateStandardTree(
        tree([
          ['1', null, 10, 'deduction'],
          ['1.1', '1', 10],
        ]),
        100,
      ),
    ).toEqual([]);
  });

  it('collects every issue of a bad import at once, sorted by row, tree-level last', () => {
    const nodes = tree([
      ['1', null, 600],
      ['1.1', '1', 5, 'veto'],
      ['1.1', '1', 10, 'deduction'],
      ['2', null, 500],
      ['2.1', '2', 300],
      ['2.2', '2', 300],
    ]);
    const issues = validateStandardTree(nodes, 1000);
    expect(issues.map((i) => [i.row, i.column])).toEqual([
      [3, '分值'],
      [4, '编码'],
      [4, '评分参数'],
      [5, '分值'],
      [undefined, '分值'],
    ]);
    expect(issues[0]!.message).toContain('一票否决项不能设分值');
    expect(issues[1]!.message).toBe('编码“1.1”重复（第 3 行与第 4 行）');
    expect(issues[2]!.message).toContain('按次扣分须填写每次扣分');
    expect(issues[3]!.message).toBe('“2 指标2”下级分值合计 600 超过本项分值 500');
  });

  it('omits rows from the duplicate message when the nodes have none', () => {
    const nodes = tree([
      ['1', null, 1],
      ['1', null, 1],
    ]).map(({ row: _row, ...n }) => n);
    const issues = validateStandardTree(nodes, 100);
    expect(issues).toEqual([{ key: 'k1', column: '编码', message: '编码“1”重复' }]);
  });

  it('validates 10,000 nodes (within the test timeout)', () => {
    const nodes = bigTree(10_000);
    expect(validateStandardTree(nodes, 1_000_000)).toEqual([]);
  });
});
