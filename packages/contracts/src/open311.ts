import { z } from 'zod';
import type { Label } from './labels';

// Open311 GeoReport v2 (issue 4 §8): the API keys the office issues to third-party reporting apps.
// The GeoReport resources themselves follow the Open311 spec's field names, not our contracts.

/** An issued key as listed in the console: the key itself is never shown again after creation. */
export const apiKeySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
});
export type ApiKey = z.infer<typeof apiKeySchema>;

export const createApiKeySchema = z.strictObject({
  /** Who holds the key, e.g. "市民通 App" or "12345 热线对接". */
  name: z.string().trim().min(2, '请填写密钥用途（至少 2 个字）').max(64),
});
export type CreateApiKey = z.infer<typeof createApiKeySchema>;

/** The answer to creating a key: the only time the key itself leaves the server. */
export const createdApiKeySchema = apiKeySchema.extend({ key: z.string() });
export type CreatedApiKey = z.infer<typeof createdApiKeySchema>;

/** The console's words for the keys page (zh first). */
export const OPEN311_LABELS = {
  intro: {
    zh: '第三方应用（市民 App、热线系统等）通过 Open311 GeoReport v2 接口提交和查询问题反映。提交须带接口密钥；查询无需密钥。',
    en: 'Third-party apps (citizen apps, hotline systems) file and query reports through the Open311 GeoReport v2 API. Filing needs an API key; queries do not.',
  },
  endpoint: { zh: '接口地址', en: 'Endpoint' },
  name: { zh: '用途 / 持有方', en: 'Name / holder' },
  status: { zh: '状态', en: 'Status' },
  active: { zh: '使用中', en: 'Active' },
  revoked: { zh: '已停用', en: 'Revoked' },
  createdAt: { zh: '创建时间', en: 'Created' },
  lastUsedAt: { zh: '最近使用', en: 'Last used' },
  revokedAt: { zh: '停用时间', en: 'Revoked at' },
  create: { zh: '新建', en: 'New key' },
  createTitle: { zh: '新建接口密钥', en: 'New API key' },
  namePlaceholder: { zh: '如：市民通 App', en: 'e.g. Citizen app' },
  revoke: { zh: '停用', en: 'Revoke' },
  revokeConfirm: {
    zh: '停用后，使用该密钥的应用将无法再提交反映，且不能恢复。确定停用？',
    en: 'Apps using this key can no longer file reports, and this cannot be undone. Revoke it?',
  },
  revokedDone: { zh: '已停用', en: 'Revoked' },
  createdTitle: { zh: '密钥已生成', en: 'Key created' },
  showOnce: {
    zh: '请立即复制并妥善保存：关闭此窗口后将无法再次查看该密钥。',
    en: 'Copy it now and keep it safe: it cannot be shown again after this window closes.',
  },
  copy: { zh: '复制', en: 'Copy' },
  copied: { zh: '已复制', en: 'Copied' },
  copyFailed: { zh: '复制失败，请手动选中复制', en: 'Copy failed; select and copy it by hand' },
  done: { zh: '我已保存', en: 'I have saved it' },
  empty: { zh: '尚未签发接口密钥', en: 'No API keys yet' },
} as const satisfies Record<string, Label>;
