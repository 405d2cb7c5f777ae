import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app';
import { withDemoCity } from '../../../test/fixtures';
import { memberActor } from '../auth/index';
import { seedDemoCampaign } from '../campaigns/index';
import { seedDemoRounds } from './demo-rounds';

let t: TestApp;
let cityId: string;

beforeAll(async () => {
  t = await createTestApp();
  ({ cityId } = await withDemoCity(t, 60));
});
afterAll(() => t.close());

describe('demo rounds on the demo campaign', () => {
  it('self-check ~500 → mock ~760 → mock ~910 on the county sample; the latest open', async () => {
    const now = t.clock.now();
    const { campaignId } = await seedDemoCampaign({ campaigns: t.services.campaigns, cityId, now });
    const ctx = { actor: await memberActor(t.db, cityId, 'office'), meta: { requestId: 'demo', ip: null } };
    const r = await seedDemoRounds({ db: t.db, assessments: t.services.assessments, ctx, campaignId, now });
    const [a, b, c] = r.totals as [number, number, number];
    expect(Math.abs(a - 500)).toBeLessThan(30);
    expect(Math.abs(b - 760)).toBeLessThan(30);
    expect(c).toBeGreaterThanOrEqual(900);
    expect(c).toBeLessThan(940);
    const latest = await t.services.assessments.getRound(ctx, r.roundIds[2]!);
    expect(latest.status).toBe('open');
    expect(latest.verdict).toBe('pass');
    const ready = await t.services.assessments.readiness(ctx, campaignId);
    expect(ready.trend.map((x) => x.total)).toEqual([a, b, c]);
    expect(ready.campaign.id).toBe(campaignId);
  });
});
