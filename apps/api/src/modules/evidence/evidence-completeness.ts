import type { EvidenceCompleteness, evidenceSlotSchema } from '@chuangcheng/contracts';
import { dateInPeriod, periodsBetween } from '@chuangcheng/domain';
import type { z } from 'zod';
import type { EvidenceListRow } from './evidence.repository';
import type { CampaignScope } from './evidence-scope';

export type EvidenceSlot = z.infer<typeof evidenceSlotSchema>;
type Issue = EvidenceCompleteness['issues'][number];

const UNASSIGNED = '未分解';
const percentOf = (present: number, required: number) =>
  required === 0 ? 100 : Math.round((present / required) * 1000) / 10;
const slotKey = (nodeId: string, requirement: string, period: string) =>
  `${nodeId}\u0000${requirement}\u0000${period}`;

/**
 * Every (indicator × required document × period) due from the campaign's start to min(asOf, its end),
 * with the files filed for it; a one-off document is due once whatever the date. `nodeIds` narrows the
 * tree (a unit's indicators). `shared` counts accepted documents filed under a linked indicator of another
 * standard for the same period (key: node id + NUL + period): they count for this indicator's slots too.
 * A slot is complete only with an accepted document; one awaiting review is 'pending', one whose every
 * document was sent back is 'returned'.
 */
export function slotsOf(
  scope: CampaignScope,
  files: readonly EvidenceListRow[],
  asOf: string,
  nodeIds?: ReadonlySet<string>,
  shared: ReadonlyMap<string, number> = new Map(),
): EvidenceSlot[] {
  const { startsOn, endsOn } = scope.campaign;
  const end = asOf < endsOn ? asOf : endsOn;
  const counts = new Map<string, { filed: number; accepted: number; returned: number }>();
  for (const f of files) {
    const k = slotKey(f.nodeId, f.requirement, f.period);
    const c = counts.get(k) ?? { filed: 0, accepted: 0, returned: 0 };
    if (f.reviewStatus === 'returned') c.returned++;
    else c.filed++;
    if (f.reviewStatus === 'accepted') c.accepted++;
    counts.set(k, c);
  }
  const out: EvidenceSlot[] = [];
  for (const node of scope.nodes) {
    if (nodeIds && !nodeIds.has(node.id)) continue;
    for (const req of scope.requirementsOf(node)) {
      const periods =
        req.periodicity === 'once'
          ? ['once']
          : end >= startsOn
            ? periodsBetween(req.periodicity, startsOn, end)
            : [];
      for (const period of periods) {
        const own = counts.get(slotKey(node.id, req.title, period));
        const linked = shared.get(`${node.id}\u0000${period}`) ?? 0;
        const fileCount = (own?.filed ?? 0) + linked;
        const acceptedCount = (own?.accepted ?? 0) + linked;
        out.push({
          nodeId: node.id,
          nodeCode: node.code,
          nodeTitle: node.title,
          requirement: req.title,
          periodicity: req.periodicity,
          period,
          fileCount,
          acceptedCount,
          complete: acceptedCount > 0,
          state:
            acceptedCount > 0
              ? 'accepted'
              : fileCount > 0
                ? 'pending'
                : (own?.returned ?? 0) > 0
                  ? 'returned'
                  : 'missing',
        });
      }
    }
  }
  return out;
}

/** Consistency issues of the archive: a document dated outside its period, the same bytes filed twice. */
export function issuesOf(
  files: readonly EvidenceListRow[],
  sameBytes: ReadonlyMap<string, string[]>,
): Issue[] {
  const out: Issue[] = [];
  for (const f of files) {
    if (!dateInPeriod(f.docDate, f.period))
      out.push({
        fileId: f.id,
        title: f.title,
        kind: 'date_outside_period',
        message: `${f.nodeCode}“${f.title}”的文件日期 ${f.docDate} 不在所属期间 ${f.period} 内`,
      });
    const others = (sameBytes.get(f.sha256) ?? []).filter((id) => id !== f.id);
    if (others.length > 0)
      out.push({
        fileId: f.id,
        title: f.title,
        kind: 'duplicate_file',
        message: `${f.nodeCode}“${f.title}”与另外 ${others.length} 份台账资料是同一文件（内容完全相同）`,
      });
  }
  return out;
}

/** Required / present overall, per indicator carrying the requirement, per lead unit; the gaps; the issues. */
export function completenessOf(
  scope: CampaignScope,
  slots: readonly EvidenceSlot[],
  issues: Issue[],
  unitNames: ReadonlyMap<string, string>,
  asOf: string,
): EvidenceCompleteness {
  const byNode = new Map<string, { required: number; present: number }>();
  const byUnit = new Map<string | null, { required: number; present: number }>();
  const add = <K>(m: Map<K, { required: number; present: number }>, k: K, s: EvidenceSlot) => {
    const t = m.get(k) ?? { required: 0, present: 0 };
    t.required++;
    if (s.complete) t.present++;
    m.set(k, t);
  };
  for (const s of slots) {
    add(byNode, s.nodeId, s);
    add(byUnit, scope.leadUnitOf(s.nodeId), s);
  }
  const present = slots.filter((s) => s.complete).length;
  const pending = slots.filter((s) => s.state === 'pending').length;
  const unitName = (id: string | null) => (id ? (unitNames.get(id) ?? '（已删除的单位）') : UNASSIGNED);
  return {
    campaignId: scope.campaign.id,
    asOf,
    required: slots.length,
    present,
    pending,
    percent: percentOf(present, slots.length),
    byIndicator: scope.nodes
      .filter((n) => byNode.has(n.id))
      .map((n) => {
        const t = byNode.get(n.id)!;
        return {
          nodeId: n.id,
          code: n.code,
          title: n.title,
          ...t,
          percent: percentOf(t.present, t.required),
        };
      }),
    byUnit: [...byUnit.entries()]
      .map(([unitId, t]) => ({
        unitId,
        unitName: unitName(unitId),
        ...t,
        percent: percentOf(t.present, t.required),
      }))
      .sort((a, b) =>
        a.unitId === null
          ? 1
          : b.unitId === null
            ? -1
            : a.percent - b.percent || a.unitName.localeCompare(b.unitName, 'zh'),
      ),
    missing: slots.filter((s) => !s.complete),
    issues,
  };
}
