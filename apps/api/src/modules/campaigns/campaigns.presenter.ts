import type { Campaign, CampaignTask, Milestone, Role } from '@chuangcheng/contracts';
import { maskPhone } from '@chuangcheng/domain';
import { PHONE_FULL } from '../org/index';
import type { TreeNode } from '../standards/index';
import type { CampaignRow, TaskRow } from './campaigns.repository';

const DAY = 86_400_000;
const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY);

/** The next milestone on or after `today` (the city's date), with the days left. */
export function nextMilestone(milestones: readonly Milestone[], today: string): Campaign['nextMilestone'] {
  const next = [...milestones].sort((a, b) => a.date.localeCompare(b.date)).find((m) => m.date >= today);
  return next ? { ...next, daysLeft: daysBetween(today, next.date) } : null;
}

export function toCampaign(r: CampaignRow, today: string): Campaign {
  const phases = r.phases as Campaign['phases'];
  const milestones = r.milestones as Milestone[];
  return {
    id: r.id,
    name: r.name,
    type: r.type,
    regionId: r.regionId,
    regionName: r.regionName ?? '',
    standardId: r.standardId,
    standardName: r.standardName ?? '',
    standardSample: r.standardSample ?? false,
    totalPoints: r.totalPoints ?? 0,
    passScore: r.passScore,
    basicScore: r.basicScore,
    startsOn: r.startsOn,
    endsOn: r.endsOn,
    phases,
    milestones,
    nextMilestone: nextMilestone(milestones, today),
    currentPhase: phases.find((p) => p.startsOn <= today && today <= p.endsOn)?.phase ?? null,
    createdAt: r.createdAt.toISOString(),
  };
}

/** Phones of the 具体负责人 are shown in full only to the roles that call them (others: 138****5678). */
export function showPhone(viewer: Role, phone: string | null): string | null {
  if (!phone) return null;
  return PHONE_FULL.includes(viewer) ? phone : maskPhone(phone);
}

/** One row of the 任务分解表: every node of the standard, unassigned ones with nulls (id = the node's id). */
export function toTask(
  campaignId: string,
  node: Pick<TreeNode, 'id' | 'code' | 'title'>,
  task: TaskRow | undefined,
  unitNames: ReadonlyMap<string, string>,
  viewer: Role,
): CampaignTask {
  const co = task?.coUnitIds ?? [];
  return {
    id: task?.id ?? node.id,
    campaignId,
    nodeId: node.id,
    nodeCode: node.code,
    nodeTitle: node.title,
    leadUnitId: task?.leadUnitId ?? null,
    leadUnitName: task?.leadUnitId ? (unitNames.get(task.leadUnitId) ?? null) : null,
    coUnitIds: co,
    coUnitNames: co.map((id) => unitNames.get(id) ?? '').filter(Boolean),
    leaderName: task?.leaderName ?? null,
    ownerName: task?.ownerName ?? null,
    ownerPhone: showPhone(viewer, task?.ownerPhone ?? null),
  };
}
