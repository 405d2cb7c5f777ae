import { describe, expect, it } from 'vitest';
import { type RoutingFallbacks, type RoutingInput, type RoutingRuleFacts, route } from './route';

// Category tree: 事件 → 市容环境 (大类) → 暴露垃圾 (小类); 事件 → 街面秩序 → 占道经营.
const EVENT = 'cat-event';
const SHIRONG = 'cat-shirong';
const GARBAGE = 'cat-garbage';
const JIEMIAN = 'cat-jiemian';
const STALLS = 'cat-stalls';
// Regions: 城区 (district) → 南湖街道 (street) → 南湖社区 (community); 北山街道 is a sibling street.
const DISTRICT = 'reg-district';
const NANHU = 'reg-nanhu-street';
const NANHU_COMMUNITY = 'reg-nanhu-community';
const BEISHAN = 'reg-beishan-street';
const CITY = 'reg-city';

function rule(over: Partial<RoutingRuleFacts> & { id: string }): RoutingRuleFacts {
  return {
    priority: 100,
    enabled: true,
    categoryIds: [],
    regionId: null,
    blockId: null,
    sources: [],
    owners: [],
    leadUnitId: `lead-of-${over.id}`,
    coUnitIds: [],
    limits: {},
    ...over,
  };
}

/** A 暴露垃圾 case reported by a citizen in 南湖社区, block 'block-1'. */
const INPUT: RoutingInput = {
  categoryPath: [GARBAGE, SHIRONG, EVENT],
  regionIds: [NANHU_COMMUNITY, NANHU, DISTRICT, CITY],
  blockId: 'block-1',
  source: 'citizen',
  owner: 'public',
};

const FALLBACKS: RoutingFallbacks = {
  categoryDepartmentId: 'unit-sanitation-bureau',
  gridLeadUnitId: 'unit-nanhu-street-office',
  regionOfficeUnitId: 'unit-district-office',
};
const NO_FALLBACKS: RoutingFallbacks = {
  categoryDepartmentId: null,
  gridLeadUnitId: null,
  regionOfficeUnitId: null,
};

const routeOf = (rules: RoutingRuleFacts[], input: RoutingInput = INPUT, fb: RoutingFallbacks = FALLBACKS) =>
  route(rules, input, fb);

describe('route: rules', () => {
  it('returns the matching rule with its lead, co-units, limits and what it matched', () => {
    const limits = { dispose: { value: 4, unit: 'work_hours' as const } };
    const r = rule({
      id: 'r1',
      priority: 10,
      categoryIds: [SHIRONG],
      regionId: NANHU,
      blockId: 'block-1',
      leadUnitId: 'unit-env',
      coUnitIds: ['unit-police'],
      limits,
    });
    expect(routeOf([r])).toEqual({
      kind: 'rule',
      ruleId: 'r1',
      rulePriority: 10,
      leadUnitId: 'unit-env',
      coUnitIds: ['unit-police'],
      limits,
      matched: { categoryId: SHIRONG, regionId: NANHU, blockId: 'block-1' },
    });
  });

  it('tries rules by ascending priority whatever their order in the list', () => {
    const rules = [
      rule({ id: 'c', priority: 30 }),
      rule({ id: 'a', priority: 10 }),
      rule({ id: 'b', priority: 20 }),
    ];
    expect(routeOf(rules).ruleId).toBe('a');
    expect(routeOf([...rules].reverse()).ruleId).toBe('a');
  });

  it('a higher-priority rule that does not match gives way to the next', () => {
    const rules = [
      rule({ id: 'stalls', priority: 1, categoryIds: [STALLS] }),
      rule({ id: 'beishan', priority: 2, regionId: BEISHAN }),
      rule({ id: 'garbage', priority: 3, categoryIds: [GARBAGE] }),
    ];
    expect(routeOf(rules)).toMatchObject({ ruleId: 'garbage', rulePriority: 3 });
  });

  it('skips disabled rules, however high their priority', () => {
    const rules = [rule({ id: 'off', priority: 1, enabled: false }), rule({ id: 'on', priority: 50 })];
    expect(routeOf(rules).ruleId).toBe('on');
    expect(routeOf([rules[0]!]).kind).toBe('category');
  });

  it('breaks ties on equal priority by id, independent of list order', () => {
    const rules = [
      rule({ id: 'r-b', priority: 5 }),
      rule({ id: 'r-a', priority: 5 }),
      rule({ id: 'r-c', priority: 5 }),
    ];
    expect(routeOf(rules).ruleId).toBe('r-a');
    expect(routeOf([...rules].reverse()).ruleId).toBe('r-a');
    expect(routeOf([rules[2]!, rules[0]!, rules[1]!]).ruleId).toBe('r-a');
  });

  it('does not reorder the caller’s rule list', () => {
    const rules = [rule({ id: 'z', priority: 9 }), rule({ id: 'y', priority: 1 })];
    routeOf(rules);
    expect(rules.map((r) => r.id)).toEqual(['z', 'y']);
  });

  it('a rule with empty criteria matches every case', () => {
    const r = rule({ id: 'catch-all' });
    expect(routeOf([r])).toMatchObject({
      kind: 'rule',
      ruleId: 'catch-all',
      matched: { categoryId: null, regionId: null, blockId: null },
    });
    const other: RoutingInput = {
      categoryPath: [],
      regionIds: [],
      blockId: null,
      source: 'video',
      owner: 'x',
    };
    expect(routeOf([r], other).ruleId).toBe('catch-all');
  });

  describe('category', () => {
    it('a rule on a 大类 matches a case of one of its 小类, and reports the 大类 it matched', () => {
      const r = rule({ id: 'shirong', categoryIds: [SHIRONG] });
      expect(routeOf([r])).toMatchObject({ ruleId: 'shirong', matched: { categoryId: SHIRONG } });
    });

    it('a rule on the 小类 itself matches, and on the root too', () => {
      expect(routeOf([rule({ id: 'g', categoryIds: [GARBAGE] })]).matched.categoryId).toBe(GARBAGE);
      expect(routeOf([rule({ id: 'e', categoryIds: [EVENT] })]).matched.categoryId).toBe(EVENT);
    });

    it('reports the nearest matched category when the rule lists several levels', () => {
      const r = rule({ id: 'multi', categoryIds: [EVENT, GARBAGE, STALLS] });
      expect(routeOf([r]).matched.categoryId).toBe(GARBAGE);
    });

    it('a rule on another branch does not match', () => {
      expect(routeOf([rule({ id: 'j', categoryIds: [JIEMIAN, STALLS] })]).kind).toBe('category');
    });

    it('a rule on a 小类 does not match a case filed only on its 大类', () => {
      const coarse: RoutingInput = { ...INPUT, categoryPath: [SHIRONG, EVENT] };
      expect(routeOf([rule({ id: 'g', categoryIds: [GARBAGE] })], coarse).kind).toBe('category');
    });
  });

  describe('region', () => {
    it('a rule on a district or street matches a case in any community under it', () => {
      expect(routeOf([rule({ id: 'd', regionId: DISTRICT })]).ruleId).toBe('d');
      expect(routeOf([rule({ id: 's', regionId: NANHU })])).toMatchObject({
        ruleId: 's',
        matched: { regionId: NANHU },
      });
      expect(routeOf([rule({ id: 'c', regionId: NANHU_COMMUNITY })]).ruleId).toBe('c');
    });

    it('a rule on a sibling street does not match', () => {
      expect(routeOf([rule({ id: 'b', regionId: BEISHAN })]).kind).toBe('category');
    });

    it('a case with no region match (out of grid) matches only rules without a region', () => {
      const outside: RoutingInput = { ...INPUT, regionIds: [] };
      const rules = [rule({ id: 'd', priority: 1, regionId: DISTRICT }), rule({ id: 'any', priority: 2 })];
      expect(routeOf(rules, outside).ruleId).toBe('any');
    });
  });

  describe('block, source and owner', () => {
    it('a block rule matches its block only', () => {
      expect(routeOf([rule({ id: 'b1', blockId: 'block-1' })]).ruleId).toBe('b1');
      expect(routeOf([rule({ id: 'b2', blockId: 'block-2' })]).kind).toBe('category');
      expect(routeOf([rule({ id: 'b1', blockId: 'block-1' })], { ...INPUT, blockId: null }).kind).toBe(
        'category',
      );
    });

    it('a source rule matches any of its sources', () => {
      expect(routeOf([rule({ id: 's', sources: ['hotline', 'citizen'] })]).ruleId).toBe('s');
      expect(routeOf([rule({ id: 's', sources: ['hotline', 'media'] })]).kind).toBe('category');
    });

    it('an owner rule matches any of its owners', () => {
      expect(routeOf([rule({ id: 'o', owners: ['public', 'enterprise'] })]).ruleId).toBe('o');
      expect(routeOf([rule({ id: 'o', owners: ['enterprise'] })]).kind).toBe('category');
    });

    it('every criterion must hold (one failing criterion rejects the rule)', () => {
      const all = {
        categoryIds: [SHIRONG],
        regionId: NANHU,
        blockId: 'block-1',
        sources: ['citizen'],
        owners: ['public'],
      };
      expect(routeOf([rule({ id: 'all', ...all })]).ruleId).toBe('all');
      const spoilers: Partial<RoutingRuleFacts>[] = [
        { categoryIds: [JIEMIAN] },
        { regionId: BEISHAN },
        { blockId: 'block-9' },
        { sources: ['video'] },
        { owners: ['enterprise'] },
      ];
      for (const spoil of spoilers) {
        expect(routeOf([rule({ id: 'x', ...all, ...spoil })]).kind).toBe('category');
      }
    });
  });

  it('leaves the lead unit out of the co-units', () => {
    const r = rule({
      id: 'r',
      leadUnitId: 'unit-env',
      coUnitIds: ['unit-police', 'unit-env', 'unit-market'],
    });
    expect(routeOf([r]).coUnitIds).toEqual(['unit-police', 'unit-market']);
  });
});

describe('route: fallbacks when no rule matches', () => {
  const none = {
    ruleId: null,
    rulePriority: null,
    coUnitIds: [],
    limits: {},
    matched: { categoryId: null, regionId: null, blockId: null },
  };

  it('first the category department (条)', () => {
    expect(routeOf([])).toEqual({ ...none, kind: 'category', leadUnitId: 'unit-sanitation-bureau' });
  });

  it('then the grid lead unit (块, 属地兜底)', () => {
    expect(routeOf([], INPUT, { ...FALLBACKS, categoryDepartmentId: null })).toEqual({
      ...none,
      kind: 'grid',
      leadUnitId: 'unit-nanhu-street-office',
    });
  });

  it('then the region office', () => {
    expect(routeOf([], INPUT, { ...NO_FALLBACKS, regionOfficeUnitId: 'unit-district-office' })).toEqual({
      ...none,
      kind: 'region',
      leadUnitId: 'unit-district-office',
    });
  });

  it('else no unit at all', () => {
    expect(routeOf([], INPUT, NO_FALLBACKS)).toEqual({ ...none, kind: 'none', leadUnitId: null });
  });

  it('a matching rule wins over every fallback', () => {
    expect(routeOf([rule({ id: 'r', leadUnitId: 'unit-r' })])).toMatchObject({
      kind: 'rule',
      leadUnitId: 'unit-r',
    });
  });

  it('falls back when only disabled or non-matching rules exist', () => {
    const rules = [rule({ id: 'off', enabled: false }), rule({ id: 'other', sources: ['video'] })];
    expect(routeOf(rules, INPUT, { ...FALLBACKS, categoryDepartmentId: null }).kind).toBe('grid');
  });
});
