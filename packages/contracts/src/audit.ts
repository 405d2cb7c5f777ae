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
