import { KPI_COUNTERS, type KpiCounters, type KpiRow } from '@chuangcheng/contracts';
import { ratesOf } from '@chuangcheng/domain';
import { describe, expect, it } from 'vitest';
import { rankUnits } from './ranking';

const unit = (name: string, needClose: number, closed: number, closedOnTime: number): KpiRow => {
  const counters = Object.fromEntries(KPI_COUNTERS.map((k) => [k, 0])) as KpiCounters;
  Object.assign(counters, { reported: Math.max(needClose, 1), needClose, closed, closedOnTime });
  return { key: `id-${name}`, name, counters, rates: ratesOf(counters) };
};
const params = { from: '2026-11-01', to: '2026-11-30', k: 2, minCases: 3 };
const names = (entries: { unitName: string }[]) => entries.map((e) => e.unitName);

describe('rankUnits (红黑榜)', () => {
  it('ranks by 按期结案率, then 结案率; red is the top k, black the bottom k, worst first', () => {
    const r = rankUnits(
      [
        unit('A', 10, 10, 9), // 90 %, 100 %
        unit('B', 10, 8, 8), // 80 %, 80 %
        unit('C', 10, 10, 8), // 80 %, 100 % — above B on 结案率
        unit('D', 4, 2, 1), // 25 %
        unit('E', 5, 5, 5), // 100 %
        unit('F', 3, 0, 0), // 0 %
      ],
      params,
    );
    expect(names(r.red)).toEqual(['E', 'A']);
    expect(names(r.black)).toEqual(['F', 'D']);
    expect(r.red.map((e) => e.rank)).toEqual([1, 2]);
    expect(r.black.map((e) => e.rank)).toEqual([6, 5]);
    expect(r.rankedUnits).toBe(6);
    expect(r.black[0]).toMatchObject({ onTimeCloseRate: 0, closeRate: 0, needClose: 3 });
  });

  it('leaves out units under minCases and rows without a unit', () => {
    const r = rankUnits(
      [unit('A', 3, 3, 3), unit('B', 2, 0, 0), unit('C', 5, 1, 1), { ...unit('', 9, 0, 0), key: '' }],
      params,
    );
    expect(r.rankedUnits).toBe(2);
    expect(r.unrankedUnits).toBe(1);
    expect(names(r.red)).toEqual(['A']);
    expect(names(r.black)).toEqual(['C']);
  });

  it('splits few units in halves and never blacklists a unit tied with the red list', () => {
    expect(names(rankUnits([unit('A', 3, 3, 3)], params).black)).toEqual([]);
    const tied = rankUnits([unit('A', 3, 3, 3), unit('B', 6, 6, 6), unit('C', 4, 4, 4)], params);
    expect(names(tied.red)).toEqual(['B', 'C']); // equal rates: more cases first
    expect(tied.red.map((e) => e.rank)).toEqual([1, 1]);
    expect(tied.black).toEqual([]);
    const three = rankUnits([unit('A', 3, 3, 3), unit('B', 3, 2, 2), unit('C', 3, 1, 1)], params);
    expect(names(three.red)).toEqual(['A', 'B']);
    expect(names(three.black)).toEqual(['C']);
  });
});
