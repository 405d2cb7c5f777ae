import type { KpiRate, SystemMetric } from '@chuangcheng/contracts';
import { round2 } from '@chuangcheng/domain';
import { SYSTEM_ACTOR } from '../../platform/actor';
import type { Derived } from './assessments.compute';
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
 * The system's figures for a derived round of `campaign` on `asOf`: open linked cases per node, the
 * KPI rates of the campaign's region over the 90 days up to asOf, the archive's completeness as of asOf.
 * Satisfaction comes from the citizens' ratings of cases reported in the window (null → unscored).
 */
export async function deriveFigures(
  deps: AssessmentsDeps,
  repo: AssessmentsRepository,
  campaign: CampaignInfo,
  asOf: string,
  used: ReadonlySet<SystemMetric>,
): Promise<Derived> {
  const metrics = new Map<SystemMetric, number | null>();
  const kpiWanted = [...used].filter((m) => KPI_METRICS[m]);
  const [cases, kpi, evidence, satisfaction] = await Promise.all([
    repo.linkedCaseCounts(campaign.cityId, campaign.id),
    kpiWanted.length ? kpiRates(deps, campaign, asOf) : null,
    used.has('evidence_completeness') ? evidencePercent(deps, campaign, asOf) : null,
    used.has('satisfaction_rate') ? satisfactionRate(deps, campaign, asOf) : null,
  ]);
  for (const m of kpiWanted) {
    const r = kpi?.[KPI_METRICS[m]!];
    metrics.set(m, r === null || r === undefined ? null : round2(r * 100));
  }
  if (used.has('evidence_completeness')) metrics.set('evidence_completeness', evidence);
  if (used.has('satisfaction_rate')) metrics.set('satisfaction_rate', satisfaction);
  return { cases, metrics };
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

async function kpiRates(deps: AssessmentsDeps, campaign: CampaignInfo, asOf: string) {
  const { ctx, filter } = windowOf(campaign, asOf);
  return (await deps.kpis.kpis(ctx, { dimension: 'source', ...filter })).total.rates;
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
