import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../../test/app';
import { withDemoCity } from '../../../test/fixtures';
import { auditLog, securityEvents } from '../../db/schema/index';

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

describe('security events: access denials recorded (等保)', () => {
  it('records 401/403 on authenticated routes, one row per user or IP × route × minute, listed for the admin', async () => {
    await t.db.delete(securityEvents);
    const unit = await t.login('unit', TEST_PASSWORD);
    for (let i = 0; i < 3; i++) {
      const r = await t.call('GET', '/api/audit', { session: unit });
      expect(r.status).toBe(403);
    }
    // another route, and the next minute: rows of their own
    expect((await t.call('GET', '/api/users', { session: unit })).status).toBe(403);
    t.clock.advance(60_000);
    expect((await t.call('GET', '/api/audit', { session: unit })).status).toBe(403);
    // anonymous: counted by IP
    const anon = await t.call('GET', '/api/cases');
    expect(anon.status).toBe(401);
    // not denials of an authenticated route: a failed login (audited apart) and public routes
    await t.call('POST', '/api/auth/login', { body: { username: 'unit', password: 'wrong-Pass-1' } });
    expect((await t.call('GET', '/api/auth/me')).status).toBe(401);

    const rows = await t.db.select().from(securityEvents).orderBy(securityEvents.firstAt);
    const unitRows = rows.filter((r) => r.subject.startsWith('user:'));
    expect(unitRows.map((r) => [r.route, r.count, r.code])).toEqual([
      ['/api/audit', 3, 'FORBIDDEN_ROLE'],
      ['/api/users', 1, 'FORBIDDEN_ROLE'],
      ['/api/audit', 1, 'FORBIDDEN_ROLE'],
    ]);
    const ipRows = rows.filter((r) => r.subject.startsWith('ip:'));
    expect(ipRows).toHaveLength(1);
    expect(ipRows[0]).toMatchObject({ route: '/api/cases', status: 401, userId: null });
    expect(rows.some((r) => r.route === '/api/auth/login' || r.route === '/api/auth/me')).toBe(false);

    const admin = await t.login('admin', TEST_PASSWORD);
    const list = await t.call('GET', '/api/audit/security-events', { session: admin });
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(4);
    expect(list.body.items.find((e: any) => e.status === 401)).toMatchObject({
      route: '/api/cases',
      ip: null,
    });
    expect(list.body.items.find((e: any) => e.username === 'unit')).toBeTruthy();
    // the list itself is the administrator's
    expect((await t.call('GET', '/api/audit/security-events', { session: unit })).status).toBe(403);
  });
});
