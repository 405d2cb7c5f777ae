import { and, eq } from 'drizzle-orm';
import { campaigns } from '../../db/schema/index';
import { systemCtx } from '../../platform/actor';
import { newId } from '../../platform/ids';
import { cityDay } from '../org/index';
import { COUNTY_SAMPLE_CODE } from '../standards/index';
import type { CampaignsDeps } from './campaigns.deps';
import { createCampaignsRepository, type TaskInsert } from './campaigns.repository';

export const DEMO_CAMPAIGN_NAME = '创建国家卫生县城（演示）';
const DAY = 86_400_000;
const addDays = (d: string, n: number) => new Date(Date.parse(d) + n * DAY).toISOString().slice(0, 10);

/**
 * The demo city's 创卫 campaign on the county checklist sample: phases, milestones (市级暗访 7 月,
 * 省级技术评估 11-30 or two weeks from now if that has passed, 国家暗访 next May) and a 任务分解表 that
 * gives each leaf indicator to the departments the sample names, with a sponsoring leader and the lead
 * department's contact. Idempotent: a second call finds the campaign and returns it.
 */
export async function seedDemoCampaign(
  deps: CampaignsDeps,
  opts: { cityId: string; now: Date },
): Promise<{ campaignId: string; tasks: number }> {
  const { cityId, now } = opts;
  const [existing] = await deps.db
    .select({ id: campaigns.id })
    .from(campaigns)
    .where(and(eq(campaigns.cityId, cityId), eq(campaigns.name, DEMO_CAMPAIGN_NAME)));
  if (existing) return { campaignId: existing.id, tasks: 0 };
  await deps.standards.loadSamplesFor(cityId);
  const standard = await deps.standards.latestByCode(cityId, COUNTY_SAMPLE_CODE);
  const tree = await deps.standards.getTree(cityId, standard.id);
  const repo = createCampaignsRepository(deps.db);
  const people = await repo.peopleOfCity(cityId);
  const leaders = people.filter((p) => p.duties.includes('sponsor_leader'));
  const contactOf = new Map<string, (typeof people)[number]>();
  for (const p of people) if (!contactOf.has(p.unitId)) contactOf.set(p.unitId, p);

  const today = cityDay(now);
  const year = Number(today.slice(0, 4));
  const tech = `${year}-11-30` > today ? `${year}-11-30` : addDays(today, 14);
  const id = newId(now.getTime());
  const startsOn = `${year}-01-01`;
  const endsOn = `${year + 1}-06-30`;
  const tasks: TaskInsert[] = [];
  let leaderIndex = 0;
  for (const n of tree) {
    if (!n.leaf || n.unitIds.length === 0) continue;
    const [lead, ...co] = n.unitIds;
    const contact = contactOf.get(lead!);
    const leader = leaders.length ? leaders[leaderIndex++ % leaders.length] : undefined;
    tasks.push({
      id: newId(now.getTime()),
      cityId,
      campaignId: id,
      nodeId: n.id,
      leadUnitId: lead!,
      coUnitIds: co,
      leaderName: leader ? `${leader.title ?? ''} ${leader.name}`.trim() : null,
      ownerName: contact?.name ?? null,
      ownerPhone: contact?.phone ?? null,
    });
  }
  await deps.db.transaction(async (tx) => {
    const r = createCampaignsRepository(tx);
    await r.insert(tx, {
      id,
      cityId,
      regionId: cityId,
      standardId: standard.id,
      name: DEMO_CAMPAIGN_NAME,
      type: 'sanitary',
      passScore: standard.passScore,
      basicScore: standard.basicScore,
      startsOn,
      endsOn,
      phases: [
        { phase: 'attack', startsOn, endsOn: `${year}-06-30` },
        { phase: 'reach', startsOn: `${year}-07-01`, endsOn: `${year}-12-31` },
        { phase: 'consolidate', startsOn: `${year + 1}-01-01`, endsOn },
      ],
      milestones: [
        { title: '市级暗访', date: `${year}-07-15`, kind: 'city_secret' },
        { title: '省级技术评估', date: tech, kind: 'tech_assessment' },
        { title: '国家暗访', date: `${year + 1}-05-15`, kind: 'national' },
      ],
      createdAt: now,
    });
    await r.upsertTasks(tx, tasks);
    await deps.audit.record(tx, systemCtx('demo'), {
      cityId,
      action: 'create',
      entityType: 'campaign',
      entityId: id,
      after: { name: DEMO_CAMPAIGN_NAME, standard: standard.code, tasks: tasks.length },
    });
  });
  return { campaignId: id, tasks: tasks.length };
}
