import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../../test/app';
import { withDemoCity } from '../../../test/fixtures';
import { auditLog } from '../../db/schema/index';

let t: TestApp;
let cityId: string;
beforeAll(async () => {
  t = await createTestApp();
  ({ cityId } = await withDemoCity(t, 50));
  const admin = await t.login('admin', TEST_PASSWORD);
  // A few audited changes in the city chain.
  for (let i = 0; i < 3; i++) {
    const r = await t.call('POST', '/api/units', {
      session: admin,
      body: { code: `AUD${i}`, name: `审计测试单位${i}`, kind: 'other' },
    });
    expect(r.status).toBe(201);
  }
});
afterAll(() => t.close());

describe('audit log hash chain', () => {
  it('records each change with actor, entity, before/after and request id, in sequence', async () => {
    const rows = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.cityId, cityId), eq(auditLog.entityType, 'unit')))
      .orderBy(auditLog.seq);
    expect(rows).toHaveLength(3);
    expect(rows[0]!.actorName).toBe('系统管理员');
    expect(rows[0]!.requestId).toBeTruthy();
    expect((rows[0]!.after as { code: string }).code).toBe('AUD0');
    expect((await t.services.audit.verify()).ok).toBe(true);
  });

  it('detects a tampered row', async () => {
    const [row] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.cityId, cityId), eq(auditLog.entityType, 'unit')))
      .limit(1);
    await t.db.execute(
      sql`update audit_log set after = jsonb_set(after, '{name}', '"改过的名字"') where city_id = ${cityId} and seq = ${row!.seq}`,
    );
    const r = await t.services.audit.verify();
    expect(r.ok).toBe(false);
    expect(r.broken[0]).toMatchObject({ cityId, seq: row!.seq });
    expect(r.broken[0]!.reason).toMatch(/篡改/);
    // Restore: the chain is whole again.
    await t.db.execute(
      sql`update audit_log set after = ${JSON.stringify(row!.after)}::jsonb where city_id = ${cityId} and seq = ${row!.seq}`,
    );
    expect((await t.services.audit.verify()).ok).toBe(true);
  });

  it('detects a deleted row', async () => {
    const [last] = await t.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.cityId, cityId))
      .orderBy(sql`seq desc`)
      .limit(1);
    await t.db.execute(sql`delete from audit_log where city_id = ${cityId} and seq = ${last!.seq - 1}`);
    const r = await t.services.audit.verify();
    expect(r.ok).toBe(false);
    expect(r.broken.some((b) => b.seq === last!.seq)).toBe(true);
  });

  it('is listed for admins only', async () => {
    const admin = await t.login('admin', TEST_PASSWORD);
    const r = await t.call('GET', '/api/audit?pageSize=5', { session: admin });
    expect(r.status).toBe(200);
    expect(r.body.items.length).toBeGreaterThan(0);
    const office = await t.login('office', TEST_PASSWORD);
    expect((await t.call('GET', '/api/audit', { session: office })).status).toBe(403);
  });
});
