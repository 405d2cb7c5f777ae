/** Administrative levels a deployment models (own type: domain never imports contracts). */
export type RegionLevel = 'city' | 'district' | 'street' | 'community';

/**
 * Code length per level (统计用区划代码): 6-digit GB/T 2260 code for cities and districts, +3 digits for
 * a street (乡镇/街道), +3 for a community (村/社区).
 */
export const REGION_CODE_LENGTHS: Readonly<Record<RegionLevel, number>> = Object.freeze({
  city: 6,
  district: 6,
  street: 9,
  community: 12,
});

const DIGITS = /^\d+$/;

/** Whether a code has the digit count its level requires. */
export function regionCodeLevelOk(code: string, level: RegionLevel): boolean {
  return DIGITS.test(code) && code.length === REGION_CODE_LENGTHS[level];
}

/**
 * The part of a 6-digit GB/T 2260 code that its children share: trailing "00" pairs mean "whole
 * level", so province 370000 → "37" and city 370100 → "3701", while a district 370102 keeps all 6.
 */
function significantPrefix(code6: string): string {
  let prefix = code6;
  while (prefix.length > 2 && prefix.endsWith('00')) prefix = prefix.slice(0, -2);
  return prefix;
}

/**
 * Whether childCode lies under parentCode (any depth): 9/12/14/15-digit children must start with the
 * parent, and a 6-digit child of a 6-digit parent must share the parent's significant prefix, since a
 * district (370102) does not literally start with its city code (370100).
 */
export function childCodeOk(parentCode: string, childCode: string): boolean {
  if (!DIGITS.test(parentCode) || !DIGITS.test(childCode) || childCode === parentCode) return false;
  if (childCode.length > parentCode.length) return childCode.startsWith(parentCode);
  if (childCode.length === 6 && parentCode.length === 6) {
    const prefix = significantPrefix(parentCode);
    // A prefix of all 6 digits is a county-level code: nothing of the same length sits under it.
    return prefix.length < 6 && childCode.startsWith(prefix);
  }
  return false;
}
