import { describe, expect, it } from 'vitest';
import { ruleKey, SCOPE_RULES, scopeSuite } from '../../../test/scope-world';

/**
 * Auth, catalogue, notifications, citizens, Open311 keys and 曝光台/红黑榜 aimed at objects of another
 * district, another unit and a second city; and the registry itself: every endpoint has a rule.
 */
describe('object scope: auth, catalogue, notifications, public, exposure', () => {
  const { world } = scopeSuite('misc');

  it('the scope registry covers every endpoint, and names a reason for each exception', () => {
    const keys = world().t.endpoints.map(ruleKey);
    const missing = keys.filter((k) => !SCOPE_RULES[k]);
    const stale = Object.keys(SCOPE_RULES).filter((k) => !keys.includes(k));
    expect(missing, 'endpoints without a rule in apps/api/test/scope-world.ts SCOPE_RULES').toEqual([]);
    expect(stale, 'rules for endpoints that no longer exist').toEqual([]);
    for (const [k, r] of Object.entries(SCOPE_RULES)) {
      expect(!!r.exempt !== !!r.req, `${k}: either a request or an exemption with its reason`).toBe(true);
      if (r.exempt) expect(r.exempt.length, k).toBeGreaterThan(10);
    }
  });

  it('every actor and axis has objects to aim at', () => {
    const w = world();
    expect(w.actors.map((a) => a.name)).toEqual([
      'officeA',
      'leaderA',
      'inspectorA',
      'gridA',
      'unitU1',
      'cityWide',
    ]);
    for (const axis of ['district', 'unit', 'city'] as const)
      expect(Object.values(w.out[axis]).filter(Boolean).length, axis).toBeGreaterThan(5);
  });
});
