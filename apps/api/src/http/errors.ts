import { ERRORS, type ErrorCode, type FieldIssue } from '@chuangcheng/contracts';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { z } from 'zod';
import { AppError } from '../platform/app-error';
import type { Logger } from '../platform/logger';
import type { AppEnv } from './env';

/** zod issues → field list with Chinese messages (zod's zh-CN locale is configured at start-up). */
export function fieldsOf(error: z.ZodError): FieldIssue[] {
  return error.issues.map((i) => {
    const keys = i.code === 'unrecognized_keys' ? (i as { keys?: string[] }).keys : undefined;
    const base = i.path.map(String).join('.');
    const field = keys?.length ? [base, keys.join(',')].filter(Boolean).join('.') : base || '(body)';
    return { field, message: i.message };
  });
}

/** Validation hook for @hono/zod-openapi: every invalid input becomes VALIDATION_FAILED with its fields. */
export function validationHook(result: { success: boolean; error?: unknown }): void {
  if (!result.success) {
    const fields = fieldsOf(result.error as z.ZodError);
    throw new AppError(
      'VALIDATION_FAILED',
      { fields },
      `${ERRORS.VALIDATION_FAILED.zh}：${fields.map((f) => f.field).join('、')}`,
    );
  }
}

function body(c: Context<AppEnv>, code: ErrorCode, message: string, details?: unknown) {
  const requestId = c.get('requestId');
  return { error: { code, message, requestId, ...(details === undefined ? {} : { details }) } };
}

/** The one error mapping: AppError → its status; framework errors → our codes; anything else → plain 500. */
export function errorHandler(logger: Logger) {
  return (err: Error, c: Context<AppEnv>) => {
    if (err instanceof AppError) {
      return c.json(body(c, err.code, err.message, err.details), err.status as 400);
    }
    if (err instanceof HTTPException) {
      const code: ErrorCode =
        err.status === 413
          ? 'PAYLOAD_TOO_LARGE'
          : err.status === 415
            ? 'UNSUPPORTED_MEDIA_TYPE'
            : err.status === 400 && /json/i.test(err.message)
              ? 'MALFORMED_JSON'
              : err.status === 404
                ? 'NOT_FOUND'
                : err.status === 400
                  ? 'VALIDATION_FAILED'
                  : 'INTERNAL';
      const status = code === 'INTERNAL' ? 500 : err.status;
      if (code === 'INTERNAL') logger.error('http exception', { requestId: c.get('requestId'), err });
      return c.json(body(c, code, ERRORS[code].zh), status as 400);
    }
    logger.error('unhandled error', { requestId: c.get('requestId'), err });
    return c.json(body(c, 'INTERNAL', ERRORS.INTERNAL.zh), 500);
  };
}
