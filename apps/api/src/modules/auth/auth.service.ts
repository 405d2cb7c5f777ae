import { createHash, randomInt } from 'node:crypto';
import {
  type CreateUser,
  isStrongPassword,
  type Me,
  type Page,
  type PageQuery,
  type UpdateUser,
  type User,
} from '@chuangcheng/contracts';
import type { Db } from '../../db/client';
import { requireRole } from '../../platform/access';
import type { Ctx, RequestMeta } from '../../platform/actor';
import { SYSTEM_ACTOR } from '../../platform/actor';
import { AppError, isUniqueViolation } from '../../platform/app-error';
import type { Clock } from '../../platform/clock';
import { newId, newToken } from '../../platform/ids';
import { offsetOf, pageResult } from '../../platform/pagination';
import { hashPassword, verifyPassword } from '../../platform/password';
import type { AuditService } from '../audit/index';
import { actorOf, presentMe, presentUser } from './auth.presenter';
import { createAuthRepository, type UserWithScope } from './auth.repository';

export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MINUTES = 15;
/** Touch last_seen at most this often: idle timeout is in minutes, so a write per request is waste. */
const TOUCH_EVERY_MS = 30_000;

export interface AuthDeps {
  db: Db;
  clock: Clock;
  audit: AuditService;
  session: { idleMinutes: number; maxHours: number };
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** Used when the username is unknown, so a miss costs as long as a wrong password. */
let dummyHash: Promise<string> | undefined;

export function generatePassword(): string {
  const sets = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnopqrstuvwxyz', '23456789', '@#%+=!'];
  const all = sets.join('');
  const chars = sets.map((s) => s[randomInt(s.length)]!);
  while (chars.length < 16) chars.push(all[randomInt(all.length)]!);
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  return chars.join('');
}

export function createAuthService(deps: AuthDeps) {
  const { db, clock, audit } = deps;
  const repo = createAuthRepository(db);
  const idleMs = deps.session.idleMinutes * 60_000;

  const assertStrong = (pw: string) => {
    if (!isStrongPassword(pw))
      throw new AppError('WEAK_PASSWORD', { fields: [{ field: 'password', message: '密码强度不足' }] });
  };

  /** Failed logins are audited in their own transaction: the request itself fails. */
  async function recordFailure(
    u: UserWithScope | undefined,
    username: string,
    meta: RequestMeta,
    reason: string,
  ) {
    const ctx: Ctx = { actor: { ...SYSTEM_ACTOR, displayName: username }, meta };
    await db.transaction(async (tx) => {
      let locked = false;
      if (u && reason === 'bad_password') {
        const failed = u.failedLogins + 1;
        locked = failed >= MAX_FAILED_LOGINS;
        await repo.updateUser(tx, u.id, {
          failedLogins: locked ? 0 : failed,
          lockedUntil: locked ? new Date(clock.now().getTime() + LOCKOUT_MINUTES * 60_000) : u.lockedUntil,
        });
      }
      const base = { cityId: u?.cityId ?? null, entityType: 'user', entityId: u?.id ?? null };
      await audit.record(tx, ctx, { ...base, action: 'auth.login_failed', after: { username, reason } });
      if (locked)
        await audit.record(tx, ctx, {
          ...base,
          action: 'auth.locked',
          after: { username, minutes: LOCKOUT_MINUTES },
        });
    });
  }

  return {
    /** Checks the password (argon2id), applies lockout, opens a server-side session. */
    async login(username: string, password: string, meta: RequestMeta & { userAgent?: string | null }) {
      const u = await repo.userByUsername(username);
      const now = clock.now();
      if (!u) {
        dummyHash ??= hashPassword('dummy-Password-1');
        await verifyPassword(await dummyHash, password);
        await recordFailure(undefined, username, meta, 'unknown_user');
        throw new AppError('INVALID_CREDENTIALS');
      }
      if (u.lockedUntil && u.lockedUntil > now) {
        await recordFailure(u, username, meta, 'locked');
        throw new AppError('ACCOUNT_LOCKED', { lockedUntil: u.lockedUntil.toISOString() });
      }
      if (!(await verifyPassword(u.passwordHash, password))) {
        await recordFailure(u, username, meta, 'bad_password');
        throw new AppError('INVALID_CREDENTIALS');
      }
      if (u.disabled) {
        await recordFailure(u, username, meta, 'disabled');
        throw new AppError('ACCOUNT_DISABLED');
      }
      if (u.role === null) {
        await recordFailure(u, username, meta, 'no_membership');
        throw new AppError('ACCOUNT_NO_CITY');
      }
      const token = newToken();
      const csrfToken = newToken(24);
      await db.transaction(async (tx) => {
        await repo.updateUser(tx, u.id, { failedLogins: 0, lockedUntil: null, lastLoginAt: now });
        await audit.record(
          tx,
          { actor: actorOf(u), meta },
          {
            cityId: u.cityId,
            action: 'auth.login',
            entityType: 'user',
            entityId: u.id,
          },
        );
      });
      await repo.insertSession({
        id: sha256(token),
        userId: u.id,
        csrfToken,
        createdAt: now,
        lastSeenAt: now,
        expiresAt: new Date(now.getTime() + deps.session.maxHours * 3_600_000),
        ip: meta.ip,
        userAgent: meta.userAgent?.slice(0, 256) ?? null,
      });
      return { token, me: presentMe(u, csrfToken, deps.session.idleMinutes) };
    },

    /** Cookie token → actor; null when unknown, 'expired' when idle too long or past its absolute limit. */
    async resolveSession(token: string) {
      const id = sha256(token);
      const found = await repo.sessionWithUser(id);
      if (!found) return null;
      const now = clock.now();
      const { session, user } = found;
      if (
        session.expiresAt <= now ||
        now.getTime() - session.lastSeenAt.getTime() > idleMs ||
        user.disabled ||
        user.role === null
      ) {
        await repo.deleteSession(id);
        return 'expired' as const;
      }
      if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) await repo.touchSession(id, now);
      return { sessionId: id, csrfToken: session.csrfToken, actor: actorOf(user), user };
    },

    async logout(ctx: Ctx, sessionId: string): Promise<void> {
      await repo.deleteSession(sessionId);
      await db.transaction((tx) =>
        audit.record(tx, ctx, {
          cityId: ctx.actor.cityId,
          action: 'auth.logout',
          entityType: 'user',
          entityId: ctx.actor.id,
        }),
      );
    },

    async me(ctx: Ctx, csrfToken: string): Promise<Me> {
      const u = await repo.userById(ctx.actor.id ?? '');
      if (!u) throw new AppError('UNAUTHENTICATED');
      return presentMe(u, csrfToken, deps.session.idleMinutes);
    },

    /** Changing one's password ends one's other sessions (the current one stays). */
    async changePassword(
      ctx: Ctx,
      currentPassword: string,
      newPassword: string,
      currentSessionId?: string,
    ): Promise<void> {
      const u = await repo.userById(ctx.actor.id ?? '');
      if (!u) throw new AppError('UNAUTHENTICATED');
      if (!(await verifyPassword(u.passwordHash, currentPassword))) {
        throw new AppError('INVALID_CREDENTIALS', {
          fields: [{ field: 'currentPassword', message: '当前密码不正确' }],
        });
      }
      assertStrong(newPassword);
      const passwordHash = await hashPassword(newPassword);
      await db.transaction(async (tx) => {
        await repo.updateUser(tx, u.id, {
          passwordHash,
          passwordChangedAt: clock.now(),
          updatedAt: clock.now(),
        });
        await repo.deleteUserSessions(tx, u.id, currentSessionId ?? '');
        await audit.record(tx, ctx, {
          cityId: u.cityId,
          action: 'auth.password_changed',
          entityType: 'user',
          entityId: u.id,
        });
      });
    },

    /**
     * Creates a user (admin, or the CLI as the system actor). Every account but a system administrator
     * belongs to a city through its membership row (role × region/unit scope).
     */
    async createUser(ctx: Ctx, input: CreateUser): Promise<User> {
      requireRole(ctx.actor, ['admin']);
      assertStrong(input.password);
      const cityId = await this.resolveMembershipCity(input.role, input);
      if (ctx.actor.cityId && cityId !== ctx.actor.cityId) throw new AppError('FORBIDDEN_SCOPE');
      const now = clock.now();
      const row = {
        id: newId(now.getTime()),
        username: input.username,
        displayName: input.displayName,
        passwordHash: await hashPassword(input.password),
        systemAdmin: input.role === 'admin',
        createdAt: now,
        updatedAt: now,
        passwordChangedAt: now,
      };
      const scope = {
        role: input.role,
        cityId,
        regionId: input.regionId ?? null,
        unitId: input.unitId ?? null,
      };
      try {
        await db.transaction(async (tx) => {
          await repo.insertUser(tx, row);
          if (input.role !== 'admin' && cityId)
            await repo.upsertMembership(tx, {
              id: newId(now.getTime()),
              userId: row.id,
              cityId,
              role: input.role,
              regionId: scope.regionId,
              unitId: scope.unitId,
              createdAt: now,
            });
          const { passwordHash: _h, ...account } = row;
          await audit.record(tx, ctx, {
            cityId,
            action: 'create',
            entityType: 'user',
            entityId: row.id,
            after: { ...account, ...scope },
          });
        });
      } catch (e) {
        if (isUniqueViolation(e))
          throw new AppError('DUPLICATE_USERNAME', {
            fields: [{ field: 'username', message: '用户名已存在' }],
          });
        throw e;
      }
      return presentUser({
        ...row,
        ...scope,
        membershipId: null,
        regionPath: null,
        regionName: null,
        unitName: null,
        disabled: false,
        failedLogins: 0,
        lockedUntil: null,
        lastLoginAt: null,
      });
    },

    async updateUser(ctx: Ctx, id: string, patch: UpdateUser): Promise<User> {
      requireRole(ctx.actor, ['admin']);
      const u = await repo.userById(id);
      if (!u) throw new AppError('USER_NOT_FOUND');
      if (ctx.actor.cityId && u.cityId !== ctx.actor.cityId) throw new AppError('FORBIDDEN_SCOPE');
      if (patch.password !== undefined) assertStrong(patch.password);
      const { password, role: newRole, regionId: newRegion, unitId: newUnit, ...fields } = patch;
      const scopeChange = newRole !== undefined || newRegion !== undefined || newUnit !== undefined;
      const role = newRole ?? u.role;
      const next = {
        role,
        regionId: newRegion !== undefined ? newRegion : u.regionId,
        unitId: newUnit !== undefined ? newUnit : u.unitId,
      };
      // The city stays the account's; a new scope must lie in it (or, for an account without a city,
      // name one). A system administrator has none.
      const cityId = !scopeChange
        ? u.cityId
        : role === 'admin'
          ? await this.resolveMembershipCity('admin', {
              regionId: newRegion ?? null,
              unitId: newUnit ?? null,
            })
          : role
            ? await this.resolveMembershipCity(role, { ...next, cityId: u.cityId })
            : u.cityId;
      const set = {
        ...fields,
        ...(scopeChange ? { systemAdmin: role === 'admin' } : {}),
        ...(password ? { passwordHash: await hashPassword(password), passwordChangedAt: clock.now() } : {}),
        ...(fields.disabled === false ? { failedLogins: 0, lockedUntil: null } : {}),
        updatedAt: clock.now(),
      };
      await db.transaction(async (tx) => {
        await repo.updateUser(tx, id, set);
        if (scopeChange) {
          await repo.deleteMemberships(tx, id);
          if (role && role !== 'admin' && cityId)
            await repo.upsertMembership(tx, {
              id: u.membershipId ?? newId(clock.now().getTime()),
              userId: id,
              cityId,
              role,
              regionId: next.regionId ?? null,
              unitId: next.unitId ?? null,
              createdAt: clock.now(),
            });
        }
        // A new password, a disabled account or a changed scope ends the account's sessions.
        if (password || fields.disabled || scopeChange) await repo.deleteUserSessions(tx, id);
        await audit.record(tx, ctx, {
          cityId: u.cityId ?? cityId,
          action: 'update',
          entityType: 'user',
          entityId: id,
          before: presentUser(u),
          after: {
            ...fields,
            ...(scopeChange ? { role, cityId, regionId: next.regionId, unitId: next.unitId } : {}),
            ...(password ? { password: '(已重置)' } : {}),
          },
        });
      });
      const after = await repo.userById(id);
      return presentUser(after!);
    },

    async listUsers(ctx: Ctx, q: PageQuery): Promise<Page<User>> {
      requireRole(ctx.actor, ['admin']);
      const { rows, total } = await repo.listUsers(ctx.actor.cityId, q.q, offsetOf(q), q.pageSize);
      return pageResult(rows.map(presentUser), total, q);
    },

    /**
     * The city of a membership: the one named, and the one the region and the unit belong to — all the
     * same. A system administrator has none (and may not be given a scope); every other role needs one.
     */
    async resolveMembershipCity(
      role: string,
      input: { cityId?: string | null; regionId?: string | null; unitId?: string | null },
    ): Promise<string | null> {
      if (role === 'admin') {
        if (input.cityId || input.regionId || input.unitId) throw new AppError('ADMIN_NO_SCOPE');
        return null;
      }
      const cities = new Set<string>();
      if (input.cityId) {
        if (!(await repo.isCity(input.cityId)))
          throw new AppError('REGION_NOT_FOUND', { fields: [{ field: 'cityId', message: '城市不存在' }] });
        cities.add(input.cityId);
      }
      const fromScope = await this.cityOfScope(input.regionId ?? null, null);
      if (fromScope) cities.add(fromScope);
      const fromUnit = await this.cityOfScope(null, input.unitId ?? null);
      if (fromUnit) cities.add(fromUnit);
      if (cities.size > 1)
        throw new AppError('USER_SCOPE_MISMATCH', {
          fields: [
            { field: 'regionId', message: '区划与单位（或城市）不属于同一城市' },
            { field: 'unitId', message: '区划与单位（或城市）不属于同一城市' },
          ],
        });
      const [city] = [...cities];
      if (!city)
        throw new AppError('USER_CITY_REQUIRED', {
          fields: [{ field: 'cityId', message: '请选择账号所属城市' }],
        });
      return city;
    },

    /** The city a scope belongs to (a region or a unit), or null for none. */
    async cityOfScope(regionId: string | null, unitId: string | null): Promise<string | null> {
      if (regionId) {
        const r = await repo.regionCity(regionId);
        if (!r)
          throw new AppError('REGION_NOT_FOUND', {
            fields: [{ field: 'regionId', message: '行政区划不存在' }],
          });
        return r.cityId;
      }
      if (unitId) {
        const r = await repo.unitCity(unitId);
        if (!r)
          throw new AppError('UNIT_NOT_FOUND', { fields: [{ field: 'unitId', message: '单位不存在' }] });
        return r.cityId;
      }
      return null;
    },

    /**
     * First start: create `admin` with the given password, or a generated one that the caller prints once.
     * Returns null when an admin account already exists.
     */
    async ensureAdmin(
      password: string | undefined,
    ): Promise<{ username: string; password: string; generated: boolean } | null> {
      if (await repo.userByUsername('admin')) return null;
      const pw = password ?? generatePassword();
      if (!isStrongPassword(pw)) {
        throw new AppError(
          'WEAK_PASSWORD',
          undefined,
          'CHUANGCHENG_ADMIN_PASSWORD 不符合密码策略（至少 8 位，含 3 类字符）',
        );
      }
      await this.createUser(
        { actor: SYSTEM_ACTOR, meta: { requestId: null, ip: null } },
        {
          username: 'admin',
          displayName: '系统管理员',
          password: pw,
          role: 'admin',
        },
      );
      return { username: 'admin', password: pw, generated: password === undefined };
    },

    purgeExpiredSessions: () => repo.deleteExpiredSessions(clock.now()),
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
