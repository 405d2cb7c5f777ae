import { z } from 'zod';
import type { Label } from './labels';

/**
 * Every error code the API can answer with, its HTTP status and its message.
 * One table: the server maps codes to statuses with it, the web shows the messages.
 */
export const ERRORS = {
  VALIDATION_FAILED: {
    status: 400,
    zh: '输入有误，请检查标出的字段',
    en: 'Invalid input; check the listed fields',
  },
  MALFORMED_JSON: { status: 400, zh: '请求体不是合法的 JSON', en: 'The request body is not valid JSON' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, zh: '不支持的内容类型', en: 'Unsupported content type' },
  PAYLOAD_TOO_LARGE: { status: 413, zh: '请求体过大', en: 'The request body is too large' },
  UNAUTHENTICATED: { status: 401, zh: '请先登录', en: 'Please log in' },
  SESSION_EXPIRED: {
    status: 401,
    zh: '登录已超时，请重新登录',
    en: 'Your session has expired; please log in again',
  },
  INVALID_CREDENTIALS: { status: 401, zh: '用户名或密码错误', en: 'Wrong username or password' },
  ACCOUNT_LOCKED: {
    status: 423,
    zh: '连续登录失败次数过多，账号已锁定，请稍后再试',
    en: 'Too many failed logins; the account is locked for a while',
  },
  ACCOUNT_DISABLED: { status: 403, zh: '账号已停用', en: 'The account is disabled' },
  CSRF_FAILED: {
    status: 403,
    zh: '安全校验失败，请刷新页面后重试',
    en: 'CSRF check failed; reload the page',
  },
  FORBIDDEN_ROLE: { status: 403, zh: '您的角色无权执行此操作', en: 'Your role may not do this' },
  FORBIDDEN_SCOPE: { status: 403, zh: '该数据不在您的管辖范围内', en: 'This record is outside your scope' },
  NOT_FOUND: { status: 404, zh: '接口不存在', en: 'No such endpoint' },
  REGION_NOT_FOUND: { status: 404, zh: '行政区划不存在', en: 'Region not found' },
  UNIT_NOT_FOUND: { status: 404, zh: '单位不存在', en: 'Unit not found' },
  PERSON_NOT_FOUND: { status: 404, zh: '人员不存在', en: 'Person not found' },
  GRID_NOT_FOUND: { status: 404, zh: '网格不存在', en: 'Grid not found' },
  BLOCK_NOT_FOUND: { status: 404, zh: '责任区块不存在', en: 'Responsibility block not found' },
  USER_NOT_FOUND: { status: 404, zh: '用户不存在', en: 'User not found' },
  DUPLICATE_CODE: { status: 409, zh: '编码已存在', en: 'The code already exists' },
  DUPLICATE_USERNAME: { status: 409, zh: '用户名已存在', en: 'The username already exists' },
  IN_USE: { status: 409, zh: '该记录仍被引用，不能删除', en: 'The record is still referenced' },
  CONFLICT: { status: 409, zh: '数据已被他人修改，请刷新后重试', en: 'The record changed meanwhile; reload' },
  WEAK_PASSWORD: {
    status: 400,
    zh: '密码至少 8 位，且包含大写字母、小写字母、数字、符号中的至少 3 类',
    en: 'The password needs 8+ characters from at least 3 classes',
  },
  INVALID_GEOMETRY: { status: 400, zh: '几何图形无效', en: 'Invalid geometry' },
  INVALID_CODE: { status: 400, zh: '编码格式不正确', en: 'Invalid code format' },
  IMPORT_INVALID: {
    status: 422,
    zh: '导入文件有错误，未写入任何数据',
    en: 'The import has errors; nothing was written',
  },
  RATE_LIMITED: { status: 429, zh: '请求过于频繁，请稍后再试', en: 'Too many requests; try again later' },
  INTERNAL: { status: 500, zh: '服务器内部错误，请联系管理员', en: 'Internal server error' },
} as const satisfies Record<string, Label & { status: number }>;

export type ErrorCode = keyof typeof ERRORS;

export const errorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    requestId: z.string().optional(),
    details: z.unknown().optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

/** A field problem inside `details.fields` of VALIDATION_FAILED. */
export interface FieldIssue {
  field: string;
  message: string;
}

/** A row problem inside `details.rows` of IMPORT_INVALID: row is 1-based as in Excel. */
export const rowIssueSchema = z.object({
  row: z.number().int(),
  column: z.string(),
  message: z.string(),
});
export type RowIssue = z.infer<typeof rowIssueSchema>;
