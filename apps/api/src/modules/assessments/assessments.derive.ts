import {
  KPI_COUNTERS,
  type KpiCounters,
  type KpiRate,
  type KpiResult,
  type SystemMetric,
} from '@chuangcheng/contracts';
import { ratesOf, round2 } from '@chuangcheng/domain';
import { SYSTEM_ACTOR } from '../../platform/actor';
import { bySources, type Derived, metricsUsed, type ScoringNode } from './assessments.compute';
import type { AssessmentsDeps } from './assessments.deps';
import type { AssessmentsRepository, CampaignInfo } from './assessments.repository';

/** KPI-backed metrics and the rate each reads (rates are fractions; thresholds are in percent). */
const KPI_METRICS: Partial<Record<SystemMetric, KpiRate>> = {
  on_time_close_rate: 'onTimeCloseRate',
  close_rate: 'closeRate',
  on_time_dispose_rate: 'onTimeDisposeRate',
  rework_rate: 'reworkRate',
};

/** The metric window: the 90 days ending on the round's date (heldOn included). */
export const METRIC_WINDOW_DAYS = 90;

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * The exposure period of a round on `asOf`: the calendar year up to asOf (the provincial 千分制 is
 * scored per year), as city-local instants [from, to).
 */
export function exposurePeriod(asOf: string): { from: Date; to: Date } {
  return {
    from: new Date(`${asOf.slice(0, 4)}-01-01T00:00:00+08:00`),
    to: new Date(new Date(`${asOf}T00:00:00+08:00`).getTime() + 86_400_000),
  };
}

/**
 * The system's figures for a derived round of `campaign` on `asOf`: open linked cases per node, the
 * KPI rates of the campaign's region over the 90 days up to asOf (over every source, and per node over
 * the sources it names), the exposures of the year up to asOf, the archive's completeness as of asOf.
 * Satisfaction comes from the citizens' ratings of cases reported in the window (null → unscored).
 */
export async function deriveFigures(
  deps: AssessmentsDeps,
  repo: AssessmentsRepository,
  campaign: CampaignInfo,
  asOf: string,
  nodes: readonly ScoringNode[],
): Promise<Derived> {
  const used = metricsUsed(nodes);
  const sourced = nodes.filter(bySources);
  const exposureNodes = nodes.filter((n) => n.rule === 'exposure');
  const metrics = new Map<SystemMetric, number | null>();
  const kpiWanted = [...used].filter((m) => KPI_METRICS[m]);
  const [cases, kpi, evidence, satisfaction, exposures] = await Promise.all([
    repo.linkedCaseCounts(campaign.cityId, campaign.id),
    kpiWanted.length || sourced.length ? kpiBySource(deps, campaign, asOf) : null,
    used.has('evidence_completeness') ? evidencePercent(deps, campaign, asOf) : null,
    used.has('satisfaction_rate') ? satisfactionRate(deps, campaign, asOf) : null,
    exposureNodes.length ? repo.exposureCount(campaign, exposurePeriod(asOf)) : 0,
  ]);
  for (const m of kpiWanted) metrics.set(m, percent(kpi?.total.rates[KPI_METRICS[m]!]));
  if (used.has('evidence_completeness')) metrics.set('evidence_completeness', evidence);
  if (used.has('satisfaction_rate')) metrics.set('satisfaction_rate', satisfaction);
  const byNode = new Map<string, number | null>();
  for (const n of exposureNodes) byNode.set(n.id, exposures);
  for (const n of sourced) {
    const rate = KPI_METRICS[n.params.metric as SystemMetric];
    byNode.set(n.id, rate && kpi ? percent(ratesOf(sumSources(kpi, n.params.sources ?? []))[rate]) : null);
  }
  return { cases, metrics, byNode };
}

const percent = (r: number | null | undefined) => (r === null || r === undefined ? null : round2(r * 100));

/** The counters of the KPI rows of the given sources, added up (the rates are taken of the sum). */
function sumSources(kpi: KpiResult, sources: readonly string[]): KpiCounters {
  const out = Object.fromEntries(KPI_COUNTERS.map((k) => [k, 0])) as KpiCounters;
  for (const row of kpi.rows)
    if (sources.includes(row.key)) for (const k of KPI_COUNTERS) out[k] += row.counters[k];
  return out;
}

/**
 * The closed loop's KPIs over the campaign's region, asked as the system within the campaign's city
 * (an inspector scoring a round may not read KPIs, but the round may use them).
 */
function windowOf(campaign: CampaignInfo, asOf: string) {
  return {
    ctx: { actor: { ...SYSTEM_ACTOR, cityId: campaign.cityId }, meta: { requestId: null, ip: null } },
    filter: {
      from: addDays(asOf, -(METRIC_WINDOW_DAYS - 1)),
      to: asOf,
      // A city-wide campaign needs no region filter (cases carry district/street/community ids only).
      ...(campaign.regionLevel === 'city' || campaign.regionId === campaign.cityId
        ? {}
        : { regionId: campaign.regionId }),
    },
  };
}

async function kpiBySource(deps: AssessmentsDeps, campaign: CampaignInfo, asOf: string) {
  const { ctx, filter } = windowOf(campaign, asOf);
  return deps.kpis.kpis(ctx, { dimension: 'source', ...filter });
}

/** 群众满意率 in percent from the citizens' ratings in the window; null when nobody rated. */
async function satisfactionRate(deps: AssessmentsDeps, campaign: CampaignInfo, asOf: string) {
  const { ctx, filter } = windowOf(campaign, asOf);
  const s = await deps.kpis.satisfaction(ctx, filter);
  return s.rate === null ? null : round2(s.rate * 100);
}

/** The archive's completeness % of the campaign as of `asOf` (the evidence module computes it). */
async function evidencePercent(deps: AssessmentsDeps, campaign: CampaignInfo, asOf: string): Promise<number> {
  return round2((await deps.evidence.completeness(campaign.cityId, campaign.id, asOf)).percent);
}
