import type { Accountability, AccountabilityKind } from '@chuangcheng/contracts';
import { maskName } from '@chuangcheng/domain';
import type { Actor } from '../../platform/actor';
import { PERSON_FULL } from './accountability.policy';
import type { AccountabilityRow, KindRow, Names } from './accountability.repository';

export function presentKind(k: KindRow & { usedBy: number }): AccountabilityKind {
  return {
    id: k.id,
    type: k.type,
    name: k.name,
    description: k.description,
    sortOrder: k.sortOrder,
    active: k.active,
    usedBy: k.usedBy,
  };
}

/** The ids whose names the presenter needs. */
export function nameIdsOf(rows: readonly AccountabilityRow[]) {
  return {
    units: rows.map((r) => r.unitId),
    kinds: rows.flatMap((r) => [r.situationId, r.methodId].filter((x): x is string => !!x)),
    cases: rows.flatMap((r) => r.caseIds),
    orders: rows.flatMap((r) => r.supervisionOrderIds),
  };
}

/** A register entry; the person's name is masked for readers other than the office and leaders. */
export function presentAccountability(actor: Actor, r: AccountabilityRow, n: Names): Accountability {
  const ref = (id: string | null) => (id ? { id, name: n.kinds.get(id) ?? '—' } : null);
  const full = actor.system || PERSON_FULL.includes(actor.role);
  return {
    id: r.id,
    unit: { id: r.unitId, name: n.units.get(r.unitId) ?? '—' },
    personName: full ? r.personName : maskName(r.personName),
    personPost: r.personPost,
    situation: ref(r.situationId),
    method: ref(r.methodId),
    decidedOn: r.decidedOn,
    text: r.text,
    fromCaseId: r.caseId,
    cases: r.caseIds.map((id) => ({ id, number: n.cases.get(id) ?? '—' })),
    supervisionOrders: r.supervisionOrderIds.map((id) => ({ id, number: n.orders.get(id) ?? '—' })),
    issuedByName: r.byName,
    createdAt: r.at.toISOString(),
  };
}
