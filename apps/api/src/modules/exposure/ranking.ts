import type { KpiRow, RankingEntry, RankingResult } from '@chuangcheng/contracts';

type Ranked = Omit<RankingEntry, 'rank'>;

/** a before b? 按期结案率 desc, then 结案率 desc — compared as fractions, so equal rates tie exactly. */
function compareRates(a: Ranked, b: Ranked): number {
  const onTime = b.closedOnTime * a.needClose - a.closedOnTime * b.needClose;
  if (onTime !== 0) return onTime;
  return b.closed * a.needClose - a.closed * b.needClose;
}

/**
 * The 红黑榜 from the KPIs by unit: units with at least `minCases` cases due to close (应结案数) are
 * ranked by 按期结案率, then 结案率; equal rates share a place. The red list is the top `k`, the black
 * list the bottom `k`, worst first; with fewer than 2k ranked units each takes at most half. A unit is
 * never on both lists, nor on the black list while it shares its place with a unit on the red list.
 */
export function rankUnits(
  rows: readonly KpiRow[],
  params: { from: string; to: string; k: number; minCases: number },
): RankingResult {
  const units = rows.filter((r) => r.key !== '' && r.counters.reported > 0);
  const eligible: Ranked[] = units
    .filter((r) => r.counters.needClose >= params.minCases)
    .map((r) => ({
      unitId: r.key,
      unitName: r.name,
      needClose: r.counters.needClose,
      closed: r.counters.closed,
      closedOnTime: r.counters.closedOnTime,
      onTimeCloseRate: r.rates.onTimeCloseRate,
      closeRate: r.rates.closeRate,
    }));
  // Among equal rates, more cases first, then by name: a stable order for the same data.
  eligible.sort(
    (a, b) =>
      compareRates(a, b) || b.needClose - a.needClose || a.unitName.localeCompare(b.unitName, 'zh-CN'),
  );
  const ranked: RankingEntry[] = [];
  eligible.forEach((u, i) => {
    const prev = ranked[i - 1];
    const tied = prev !== undefined && compareRates(prev, u) === 0;
    ranked.push({ rank: tied ? prev.rank : i + 1, ...u });
  });
  // With fewer than 2k units, each list takes at most half of them (the red list the odd one).
  const red = ranked.slice(0, Math.min(params.k, Math.ceil(ranked.length / 2)));
  const redRanks = new Set(red.map((e) => e.rank));
  const black = ranked
    .slice(red.length)
    .filter((e) => !redRanks.has(e.rank))
    .reverse()
    .slice(0, params.k);
  return {
    periodFrom: params.from,
    periodTo: params.to,
    k: params.k,
    minCases: params.minCases,
    rankedUnits: ranked.length,
    unrankedUnits: units.length - ranked.length,
    red,
    black,
  };
}
