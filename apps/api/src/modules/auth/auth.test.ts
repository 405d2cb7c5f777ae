import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../../test/app';
import { userSession } from '../../../test/fixtures';
import { auditLog, memberships, regions, sessions, users } from '../../db/schema/index';
import { newId } from '../../platform/ids';

let t: TestApp;
let cityId: string;

/** A region row (a city when no parent is given). */
async function region(code: string, name: string, parent?: { id: string; cityId: string; path: string }) {
  const id = newId();
  const row = {
    id,
    cityId: parent?.cityId ?? id,
    parentId: parent?.id ?? null,
    code,
    name,
    level: parent ? ('district' as const) : ('city' as const),
    path: `${parent?.path ?? '/'}${id}/`,
  };
  await t.db.insert(regions).values(row);
  return row;
}
beforeAll(async () => {
  t = await createTestApp();
  await t.services.auth.ensureAdmin(TEST_PASSWORD);
  cityId = (await region('970100', '测试市')).id;
});
afterAll(() => t.close());

describe('login', () => {
  it('logs in with the right password, sets an HTTP-only cookie, stores only the token hash', async () => {
    const res = await t.call('POST', '/api/auth/login', {
      body: { username: 'admin', password: TEST_PASSWORD },
    });
    expect(res.status).toBe(200);
    expect(res.body.role).toBe('admin');
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/cc_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const token = /cc_session=([^;]+)/.exec(cookie)![1]!;
    const rows = await t.db.select().from(sessions);
    expect(rows.some((s) => s.id === token)).toBe(false);
    const me = await t.call('GET', '/api/auth/me', { headers: { cookie: `cc_session=${token}` } });
    expect(me.status).toBe(200);
    expect(me.body.username).toBe('admin');
  });

  it('rejects a wrong password with INVALID_CREDENTIALS and audits it', async () => {
    const res = await t.call('POST', '/api/auth/login', {
      body: { username: 'admin', password: 'nope-Nope-1' },
    });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('INVALID_CREDENTIALS');
    const failed = await t.db.select().from(auditLog).where(eq(auditLog.action, 'auth.login_failed'));
    expect(failed.length).toBeGreaterThan(0);
  });

  it('answers an unknown user exactly like a wrong password', async () => {
    const res = await t.call('POST', '/api/auth/login', {
      body: { username: 'ghost', password: 'whatever' },
    });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('INVALID_CREDENTIALS');
  });

  it('locks the account after 5 failures for 15 minutes, audited, then lets it in again', async () => {
    await userSession(t, 'lockme', 'office');
    for (let i = 0; i < 5; i++) {
      const r = await t.call('POST', '/api/auth/login', {
        body: { username: 'lockme', password: `wrong-Pass-${i}` },
      });
      expect(r.status).toBe(401);
    }
    const locked = await t.call('POST', '/api/auth/login', {
      body: { username: 'lockme', password: TEST_PASSWORD },
    });
    expect(locked.status).toBe(423);
    expect(locked.body.error.code).toBe('ACCOUNT_LOCKED');
    expect(await t.db.select().from(auditLog).where(eq(auditLog.action, 'auth.locked'))).toHaveLength(1);
    t.clock.advance(16 * 60_000);
    const ok = await t.call('POST', '/api/auth/login', {
      body: { username: 'lockme', password: TEST_PASSWORD },
    });
    expect(ok.status).toBe(200);
  });

  it('rejects malformed bodies and unknown fields with field names', async () => {
    const r1 = await t.call('POST', '/api/auth/login', { body: '{"username":' });
    expect(r1.status).toBe(400);
    expect(r1.body.error.code).toBe('MALFORMED_JSON');
    const r2 = await t.call('POST', '/api/auth/login', {
      body: { username: 'a', password: 'b', role: 'admin' },
    });
    expect(r2.status).toBe(400);
    expect(r2.body.error.details.fields.map((f: { field: string }) => f.field)).toContain('role');
    expect(JSON.stringify(r2.body)).not.toMatch(/at .*\.ts/);
  });
});

describe('sessions', () => {
  it('expires after the idle timeout and answers SESSION_EXPIRED', async () => {
    const s = await userSession(t, 'idler', 'leader');
    expect((await t.call('GET', '/api/auth/me', { session: s })).status).toBe(200);
    t.clock.advance(29 * 60_000);
    expect((await t.call('GET', '/api/auth/me', { session: s })).status).toBe(200);
    t.clock.advance(31 * 60_000);
    const r = await t.call('GET', '/api/auth/me', { session: s });
    expect(r.status).toBe(401);
    expect(r.body.error.code).toBe('SESSION_EXPIRED');
  });

  it('requires the CSRF token on unsafe methods', async () => {
    const s = await userSession(t, 'csrf', 'admin');
    const r = await t.call('POST', '/api/auth/logout', { session: s, headers: { 'x-csrf-token': 'forged' } });
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe('CSRF_FAILED');
    const ok = await t.call('POST', '/api/auth/logout', { session: s });
    expect(ok.status).toBe(200);
    expect((await t.call('GET', '/api/auth/me', { session: s })).status).toBe(401);
  });
});

describe('passwords', () => {
  it('enforces the policy (8+ chars, 3 classes) on create and change', async () => {
    const admin = await t.login('admin');
    const weak = await t.call('POST', '/api/users', {
      session: admin,
      body: { username: 'weak', displayName: '弱', password: 'abcdefgh', role: 'office' },
    });
    expect(weak.status).toBe(400);
    expect(weak.body.error.code).toBe('WEAK_PASSWORD');
    expect(await t.db.select().from(users).where(eq(users.username, 'weak'))).toHaveLength(0);
    const s = await userSession(t, 'changer', 'inspector');
    const bad = await t.call('POST', '/api/auth/password', {
      session: s,
      body: { currentPassword: 'x', newPassword: 'Good-Pass-1' },
    });
    expect(bad.status).toBe(401);
    const ok = await t.call('POST', '/api/auth/password', {
      session: s,
      body: { currentPassword: TEST_PASSWORD, newPassword: 'Good-Pass-1' },
    });
    expect(ok.status).toBe(200);
    await expect(t.login('changer', 'Good-Pass-1')).resolves.toBeTruthy();
  });

  it('stores argon2id hashes', async () => {
    const [u] = await t.db.select().from(users).where(eq(users.username, 'admin'));
    expect(u!.passwordHash.startsWith('$argon2id$')).toBe(true);
  });

  it('a duplicate username is a 409 naming the field', async () => {
    const admin = await t.login('admin');
    const r = await t.call('POST', '/api/users', {
      session: admin,
      body: { username: 'admin', displayName: 'x', password: TEST_PASSWORD, role: 'office', cityId },
    });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('DUPLICATE_USERNAME');
  });
});

describe('memberships: every staff account belongs to a city', () => {
  it('refuses a staff account with no city, region or unit, and writes nothing', async () => {
    const admin = await t.login('admin');
    const r = await t.call('POST', '/api/users', {
      session: admin,
      body: { username: 'nowhere', displayName: '无城市', password: TEST_PASSWORD, role: 'office' },
    });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('USER_CITY_REQUIRED');
    expect(r.body.error.details.fields[0].field).toBe('cityId');
    expect(await t.db.select().from(users).where(eq(users.username, 'nowhere'))).toHaveLength(0);
  });

  it('refuses a city and a region of different cities, and a system administrator with a scope', async () => {
    const admin = await t.login('admin');
    const other = await region('960100', '另一市');
    const district = await region('960102', '另一区', other);
    const mixed = await t.call('POST', '/api/users', {
      session: admin,
      body: {
        username: 'mixed',
        displayName: '跨市',
        password: TEST_PASSWORD,
        role: 'office',
        cityId,
        regionId: district.id,
      },
    });
    expect(mixed.status).toBe(400);
    expect(mixed.body.error.code).toBe('USER_SCOPE_MISMATCH');
    const scopedAdmin = await t.call('POST', '/api/users', {
      session: admin,
      body: { username: 'admin2', displayName: '管理员', password: TEST_PASSWORD, role: 'admin', cityId },
    });
    expect(scopedAdmin.status).toBe(400);
    expect(scopedAdmin.body.error.code).toBe('ADMIN_NO_SCOPE');
    expect(await t.db.select().from(users).where(eq(users.username, 'mixed'))).toHaveLength(0);
    expect(await t.db.select().from(users).where(eq(users.username, 'admin2'))).toHaveLength(0);
  });

  it('stores access as a membership row and acts in it; an account without one cannot log in', async () => {
    const s = await userSession(t, 'member', 'leader', { cityId });
    const rows = await t.db.select().from(memberships).where(eq(memberships.userId, s.userId));
    expect(rows).toEqual([expect.objectContaining({ cityId, role: 'leader', regionId: null, unitId: null })]);
    const me = await t.call('GET', '/api/auth/me', { session: s });
    expect(me.body).toMatchObject({ role: 'leader', cityId });
    // Access lives in the membership: without it, the account has none (not the whole installation).
    await t.db.delete(memberships).where(eq(memberships.userId, s.userId));
    expect((await t.call('GET', '/api/auth/me', { session: s })).status).toBe(401);
    const login = await t.call('POST', '/api/auth/login', {
      body: { username: 'member', password: TEST_PASSWORD },
    });
    expect(login.status).toBe(403);
    expect(login.body.error.code).toBe('ACCOUNT_NO_CITY');
  });

  it("changing one's password ends one's other sessions, not the current one", async () => {
    const first = await userSession(t, 'twodevices', 'inspector', { cityId });
    const second = await t.login('twodevices');
    const r = await t.call('POST', '/api/auth/password', {
      session: second,
      body: { currentPassword: TEST_PASSWORD, newPassword: 'Other-Pass-2' },
    });
    expect(r.status).toBe(200);
    expect((await t.call('GET', '/api/auth/me', { session: second })).status).toBe(200);
    expect((await t.call('GET', '/api/auth/me', { session: first })).status).toBe(401);
  });
});
