import type { AccountabilityDetails, AccountabilityKindType } from '@chuangcheng/contracts';
import type { Db } from '../../db/client';
import { AppError, fieldDetails, fieldError } from '../../platform/app-error';
import { newId } from '../../platform/ids';
import { cityDay } from '../org/index';
import { type AccountabilityRow, createAccountabilityRepository } from './accountability.repository';

/** One 问责 decision to write: from a case's 问责 action or made in the register. */
export interface RecordInput {
  cityId: string;
  unitId: string;
  text: string;
  /** The case whose action records it. */
  fromCaseId: string | null;
  caseIds: readonly string[];
  details: AccountabilityDetails;
  by: { id: string | null; name: string };
  at: Date;
  /** The recorder's region path (null: the whole city): the entry must lie inside it. */
  regionPath: string | null;
}

/**
 * Validates and writes one register entry inside `tx`: the unit of the city, active 情形/方式 of the
 * right list, cases of the city, 督办单 addressed to that unit; the entry lies where the unit lies (a
 * city-level unit: where the first case lies), which must be inside the recorder's region.
 */
export async function recordAccountability(tx: Db, input: RecordInput): Promise<AccountabilityRow> {
  const repo = createAccountabilityRepository(tx);
  const { cityId, details: d } = input;
  const unit = await repo.unit(tx, cityId, input.unitId);
  if (!unit) throw new AppError('UNIT_NOT_FOUND', fieldDetails('unitId', '单位不存在或不属于本市'));

  await repo.ensureKinds(tx, cityId, input.at);
  const kind = async (type: AccountabilityKindType, id: string | undefined, field: string) => {
    if (!id) return null;
    const k = await repo.kind(tx, cityId, id);
    if (!k || k.type !== type || !k.active) {
      const what = type === 'situation' ? '问责情形' : '问责方式';
      throw new AppError(
        'ACCOUNTABILITY_KIND_NOT_FOUND',
        fieldDetails(field, `${what}不存在、已停用或类型不符`),
      );
    }
    return k.id;
  };
  const situationId = await kind('situation', d.situationId, 'situationId');
  const methodId = await kind('method', d.methodId, 'methodId');

  const caseIds = [...new Set(input.caseIds)];
  const linked = await repo.cases(tx, cityId, caseIds);
  if (linked.length !== caseIds.length) {
    throw new AppError('ACCOUNTABILITY_LINK_INVALID', fieldDetails('caseIds', '案件不存在或不属于本市'));
  }
  const orderIds = [...new Set(d.supervisionOrderIds ?? [])];
  const orders = await repo.orders(tx, cityId, orderIds);
  if (orders.length !== orderIds.length || orders.some((o) => o.unitId !== unit.id)) {
    throw new AppError(
      'ACCOUNTABILITY_LINK_INVALID',
      fieldDetails('supervisionOrderIds', '督办单不存在、不属于本市或不是下发给该单位的'),
    );
  }

  const today = cityDay(input.at);
  const decidedOn = d.decidedOn ?? today;
  if (decidedOn > today) throw fieldError('decidedOn', '问责日期不能晚于今天');

  const cityPath = `/${cityId}/`;
  const casePath = linked.find((c) => c.id === caseIds[0])?.regionPath ?? null;
  const scopePath =
    unit.regionPath && unit.regionPath !== cityPath ? unit.regionPath : (casePath ?? cityPath);
  if (input.regionPath && !scopePath.startsWith(input.regionPath)) {
    throw new AppError('FORBIDDEN_SCOPE', { reason: '被问责单位不在您的管辖范围内' });
  }

  const row: AccountabilityRow = {
    cityId,
    id: newId(input.at.getTime()),
    caseId: input.fromCaseId,
    unitId: unit.id,
    situationId,
    methodId,
    personName: d.personName || null,
    personPost: d.personPost || null,
    decidedOn,
    text: input.text,
    caseIds,
    supervisionOrderIds: orderIds,
    scopePath,
    byUserId: input.by.id,
    byName: input.by.name,
    at: input.at,
  };
  await repo.insert(tx, row);
  return row;
}
