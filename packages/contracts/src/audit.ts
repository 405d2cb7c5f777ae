import { z } from 'zod';
import { pageQuerySchema } from './common';

export const auditEntrySchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  actorId: z.uuid().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  requestId: z.string().nullable(),
  ip: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditListQuerySchema = pageQuerySchema.extend({
  action: z.string().max(64).optional(),
  entityType: z.string().max(64).optional(),
  actorId: z.uuid().optional(),
});

export const AUDIT_ACTION_LABELS: Record<string, { zh: string; en: string }> = {
  'auth.login': { zh: '登录', en: 'Login' },
  'auth.login_failed': { zh: '登录失败', en: 'Failed login' },
  'auth.locked': { zh: '账号锁定', en: 'Account locked' },
  'auth.logout': { zh: '退出', en: 'Logout' },
  'auth.password_changed': { zh: '修改密码', en: 'Password changed' },
  create: { zh: '新增', en: 'Create' },
  update: { zh: '修改', en: 'Update' },
  delete: { zh: '删除', en: 'Delete' },
  import: { zh: '导入', en: 'Import' },
  export: { zh: '导出', en: 'Export' },
  'demo.load': { zh: '载入演示城市', en: 'Demo city loaded' },
};

/** An access denial (401/403 on an authenticated route), one row per user-or-IP × route × minute. */
export const securityEventSchema = z.object({
  id: z.uuid(),
  minute: z.string(),
  userId: z.uuid().nullable(),
  username: z.string().nullable(),
  cityId: z.uuid().nullable(),
  ip: z.string().nullable(),
  method: z.string(),
  route: z.string(),
  status: z.number().int(),
  code: z.string(),
  count: z.number().int(),
  firstAt: z.string(),
  lastAt: z.string(),
});
export type SecurityEvent = z.infer<typeof securityEventSchema>;

export const securityEventListQuerySchema = pageQuerySchema.extend({
  userId: z.uuid().optional(),
  ip: z.string().max(64).optional(),
  status: z.coerce.number().int().optional(),
});

/** Labels of the security-event list (audit page). */
export const SECURITY_EVENT_LABELS = {
  tab: { zh: '安全事件', en: 'Security events' },
  auditTab: { zh: '操作日志', en: 'Audit log' },
  lastAt: { zh: '最近时间', en: 'Last seen' },
  subject: { zh: '账号 / IP', en: 'Account / IP' },
  route: { zh: '接口', en: 'Route' },
  status: { zh: '状态', en: 'Status' },
  code: { zh: '原因', en: 'Reason' },
  count: { zh: '次数（该分钟）', en: 'Count (that minute)' },
  anonymous: { zh: '未登录', en: 'Anonymous' },
  hint: {
    zh: '访问被拒（401 未登录 / 403 无权限或越权）：同一账号或 IP、同一接口每分钟记一行。',
    en: 'Access denials (401 / 403): one row per account or IP, route and minute.',
  },
} as const;
