import { ERRORS, type ErrorCode, type FieldIssue, type RowIssue } from '@chuangcheng/contracts';

/** The one error type services throw. The HTTP layer maps `code` to a status through contracts' ERRORS. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;

  constructor(code: ErrorCode, details?: unknown, message?: string) {
    super(message ?? withFieldMessages(ERRORS[code].zh, details));
    this.code = code;
    this.details = details;
  }

  get status(): number {
    return ERRORS[this.code].status;
  }
}

/** "编码已存在：网格编码 X 已存在" — the message names the problem, not only its class. */
function withFieldMessages(base: string, details: unknown): string {
  const fields = (details as { fields?: FieldIssue[] } | undefined)?.fields;
  return fields?.length ? `${base}：${fields.map((f) => f.message).join('；')}` : base;
}

/** details for one bad field: `{ fields: [{ field, message }] }`. */
export function fieldDetails(field: string, message: string): { fields: FieldIssue[] } {
  return { fields: [{ field, message }] };
}

export function fieldError(field: string, message: string, code: ErrorCode = 'VALIDATION_FAILED'): AppError {
  const fields: FieldIssue[] = [{ field, message }];
  return new AppError(code, { fields }, `${ERRORS[code].zh}：${field} ${message}`);
}

export function importError(rows: RowIssue[]): AppError {
  return new AppError('IMPORT_INVALID', { rows }, `${ERRORS.IMPORT_INVALID.zh}（共 ${rows.length} 处错误）`);
}

/** Postgres unique_violation, whichever driver raised it. */
export function isUniqueViolation(e: unknown): boolean {
  let cur: unknown = e;
  for (let i = 0; i < 4 && cur; i++) {
    if (typeof cur === 'object' && cur !== null && (cur as { code?: unknown }).code === '23505') return true;
    cur = (cur as { cause?: unknown }).cause;
  }
  return false;
}
