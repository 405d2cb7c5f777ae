import type { AccountabilityKindType, Role } from '@chuangcheng/contracts';
import type { Actor } from '../../platform/actor';
import { AppError } from '../../platform/app-error';

/**
 * Who reads the register: the office and leaders within their region, and a unit its own entries
 * (a unit should know where it stands; the person's name is masked for it).
 */
export const ACCOUNTABILITY_READ: readonly Role[] = ['office', 'leader', 'unit'];
/** Who records a 问责 (the same roles as the case's 问责 action). */
export const ACCOUNTABILITY_WRITE: readonly Role[] = ['office', 'leader'];
/** Who sees the person's name in full. */
export const PERSON_FULL: readonly Role[] = ['office', 'leader'];
/** Who edits the city's lists of 情形 and 方式: the city-wide office. */
export const KINDS_WRITE: readonly Role[] = ['office'];

export function cityOf(actor: Actor): string {
  if (!actor.cityId) throw new AppError('FORBIDDEN_SCOPE', { reason: '系统管理员不属于任何城市' });
  return actor.cityId;
}

/** The actor's region path when narrower than the city (null: the whole city). */
export function regionPathOf(actor: Actor): string | null {
  if (!actor.regionPath || !actor.cityId || actor.regionPath === `/${actor.cityId}/`) return null;
  return actor.regionPath;
}

/** The lists are the city's: only an office without a narrower region edits them. */
export function requireCityWide(actor: Actor): void {
  if (actor.system) return;
  if (regionPathOf(actor) !== null || actor.unitId)
    throw new AppError('FORBIDDEN_SCOPE', { reason: '问责情形和方式由市级创建办统一维护' });
}

/**
 * The lists a city starts with. The street speech names "7种予以问责的情形" and "5种问责方式" of the
 * city's 问责办法 without listing them; the 情形 use the speech's own words ("不主动、不及时、不有效履行
 * 职责,造成丢分失分", the written 督办单 and its 限期整改, "推诿扯皮,相互踢皮球", media exposure,
 * relapse) and a comparable local 办法; the 方式 follow 《中国共产党问责条例》 (检查、通报、诫勉、组织
 * 调整或者组织处理、纪律处分 — the speech's "最严可以…给予纪律处分"). Each city edits them.
 */
export const DEFAULT_KINDS: Record<AccountabilityKindType, readonly { name: string; description: string }[]> =
  {
    situation: [
      {
        name: '不主动、不及时、不有效履行职责',
        description: '不主动、不及时、不有效履行创建职责，造成丢分失分、影响创建大局',
      },
      { name: '督办事项逾期未整改', description: '书面督办单下达后，未在限期内整改到位' },
      { name: '交办整改要求未落实', description: '领导交办或督查组反馈的整改要求未落实或落实不到位' },
      { name: '推诿扯皮、相互踢皮球', description: '牵头或配合职责不履行，推诿扯皮、相互踢皮球' },
      { name: '问题被媒体曝光或群众反映后仍未整改', description: '经媒体曝光、群众投诉后仍未整改' },
      { name: '问题反复出现、整治后反弹', description: '同一问题边整治边反弹、集中整治后回潮' },
      { name: '弄虚作假、虚报整改结果', description: '虚报整改情况、伪造整改照片或台账资料' },
    ],
    method: [
      { name: '责令书面检查', description: '责令作出书面检查' },
      { name: '通报批评', description: '在一定范围内通报批评' },
      { name: '诫勉谈话', description: '诫勉、约谈' },
      { name: '组织调整或组织处理', description: '停职检查、调整岗位、责令辞职、免职等' },
      { name: '纪律处分', description: '按照《纪律处分条例》给予纪律处分' },
    ],
  };
