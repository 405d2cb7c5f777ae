import { describe, expect, it } from 'vitest';
import { childCodeOk, REGION_CODE_LENGTHS, regionCodeLevelOk } from './region-code';

describe('regionCodeLevelOk', () => {
  it('requires 6/6/9/12 digits for city/district/street/community', () => {
    expect(REGION_CODE_LENGTHS).toEqual({ city: 6, district: 6, street: 9, community: 12 });
    expect(regionCodeLevelOk('370100', 'city')).toBe(true);
    expect(regionCodeLevelOk('370102', 'district')).toBe(true);
    expect(regionCodeLevelOk('370102001', 'street')).toBe(true);
    expect(regionCodeLevelOk('370102001002', 'community')).toBe(true);
  });

  it('rejects wrong lengths and non-digits', () => {
    expect(regionCodeLevelOk('3701', 'city')).toBe(false);
    expect(regionCodeLevelOk('370102001', 'district')).toBe(false);
    expect(regionCodeLevelOk('370102', 'street')).toBe(false);
    expect(regionCodeLevelOk('37010200100', 'community')).toBe(false);
    expect(regionCodeLevelOk('37010a', 'city')).toBe(false);
    expect(regionCodeLevelOk('', 'city')).toBe(false);
    expect(regionCodeLevelOk('３７０１００', 'city')).toBe(false);
  });
});

describe('childCodeOk', () => {
  it('accepts longer children that start with the parent', () => {
    expect(childCodeOk('370102', '370102001')).toBe(true);
    expect(childCodeOk('370102001', '370102001002')).toBe(true);
    expect(childCodeOk('370102001002', '37010200100201')).toBe(true);
    expect(childCodeOk('370102', '370102001002')).toBe(true);
    // 直筒子市 (no districts): streets hang directly under the city code.
    expect(childCodeOk('441900', '441900003')).toBe(true);
  });

  it('rejects children under a different parent', () => {
    expect(childCodeOk('370102', '370103001')).toBe(false);
    expect(childCodeOk('370102001', '370102002001')).toBe(false);
    expect(childCodeOk('990102001002', '99010200100105')).toBe(false);
  });

  it('treats trailing 00 pairs of 6-digit codes as the shared prefix (city → district)', () => {
    expect(childCodeOk('370100', '370102')).toBe(true);
    expect(childCodeOk('370000', '370100')).toBe(true);
    expect(childCodeOk('370000', '370102')).toBe(true);
    expect(childCodeOk('370100', '370202')).toBe(false);
    expect(childCodeOk('370102', '370103')).toBe(false);
  });

  it('rejects equal, shorter and non-digit codes', () => {
    expect(childCodeOk('370102', '370102')).toBe(false);
    expect(childCodeOk('370102001', '370102')).toBe(false);
    expect(childCodeOk('37010x', '37010x001')).toBe(false);
    expect(childCodeOk('', '370102')).toBe(false);
  });
});
