import { z } from 'zod';
import type { Labels } from './labels';

export const ROLES = ['admin', 'office', 'leader', 'unit', 'grid_worker', 'inspector'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Labels<Role> = {
  admin: { zh: '系统管理员', en: 'Administrator' },
  office: { zh: '创建办', en: 'Campaign office' },
  leader: { zh: '领导', en: 'Leader' },
  unit: { zh: '责任单位', en: 'Responsible unit' },
  grid_worker: { zh: '网格员', en: 'Grid worker' },
  inspector: { zh: '督查员', en: 'Inspector' },
};

export const roleSchema = z.enum(ROLES);

/** Password policy: at least 8 characters from at least 3 of 4 classes. */
export const PASSWORD_MIN_LENGTH = 8;
export function passwordClasses(pw: string): number {
  return [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(pw)).length;
}
export function isStrongPassword(pw: string): boolean {
  return pw.length >= PASSWORD_MIN_LENGTH && pw.length <= 128 && passwordClasses(pw) >= 3;
}

export const usernameSchema = z
  .string()
  .trim()
  .min(2)
  .max(64)
  .regex(/^[A-Za-z0-9_.@-]+$/, '用户名只能包含字母、数字和 _ . @ -');

export const loginRequestSchema = z.strictObject({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(128),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

/** The logged-in user as the server presents it; scope fields say what the user may see. */
export const meSchema = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  cityId: z.uuid().nullable(),
  regionId: z.uuid().nullable(),
  regionName: z.string().nullable(),
  unitId: z.uuid().nullable(),
  unitName: z.string().nullable(),
  csrfToken: z.string(),
  idleTimeoutMinutes: z.number().int(),
});
export type Me = z.infer<typeof meSchema>;

export const userSchema = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  role: roleSchema.nullable(),
  /** The city of the account's membership; null for system administrators. */
  cityId: z.uuid().nullable(),
  regionId: z.uuid().nullable(),
  unitId: z.uuid().nullable(),
  disabled: z.boolean(),
  lockedUntil: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
});
export type User = z.infer<typeof userSchema>;

export const createUserSchema = z.strictObject({
  username: usernameSchema,
  displayName: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(128),
  role: roleSchema,
  /**
   * The city the account belongs to. Required for every role but 系统管理员 unless a region or unit
   * (which belong to a city) is given; must agree with them.
   */
  cityId: z.uuid().nullable().optional(),
  regionId: z.uuid().nullable().optional(),
  unitId: z.uuid().nullable().optional(),
});
export type CreateUser = z.infer<typeof createUserSchema>;

export const updateUserSchema = z.strictObject({
  displayName: z.string().trim().min(1).max(64).optional(),
  role: roleSchema.optional(),
  regionId: z.uuid().nullable().optional(),
  unitId: z.uuid().nullable().optional(),
  disabled: z.boolean().optional(),
  password: z.string().min(1).max(128).optional(),
});
export type UpdateUser = z.infer<typeof updateUserSchema>;

export const changePasswordSchema = z.strictObject({
  currentPassword: z.string().min(1).max(128),
  newPassword: z.string().min(1).max(128),
});
