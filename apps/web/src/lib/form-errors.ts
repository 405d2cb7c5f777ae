import type { FormInstance } from 'antd';
import { ApiError, errorMessage } from './api-client';

const CODE_FIELDS: Record<string, string> = {
  DUPLICATE_CODE: 'code',
  DUPLICATE_USERNAME: 'username',
  WEAK_PASSWORD: 'password',
  INVALID_CODE: 'code',
  INVALID_GEOMETRY: 'geometry',
};

/**
 * Puts `details.fields` of a VALIDATION_FAILED answer (and field-shaped codes such as DUPLICATE_CODE)
 * next to the form's fields. Returns true when every problem found a field; otherwise the caller shows
 * the message above the form.
 */
export function applyFieldErrors(
  form: FormInstance,
  error: unknown,
  fieldNames: readonly string[],
  codeFields: Record<string, string> = {},
): boolean {
  if (!(error instanceof ApiError)) return false;
  const known = new Set(fieldNames);
  const byField = new Map<string, string[]>();
  let unmatched = 0;
  for (const issue of error.fields) {
    // 'geometry.coordinates.0' → 'geometry'; 'duties.1' → 'duties'
    const name = issue.field.split('.')[0] ?? issue.field;
    if (known.has(name)) byField.set(name, [...(byField.get(name) ?? []), issue.message]);
    else unmatched++;
  }
  const codeField = { ...CODE_FIELDS, ...codeFields }[error.code];
  if (codeField && known.has(codeField)) byField.set(codeField, [errorMessage(error)]);
  else if (error.fields.length === 0) return false;
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  return unmatched === 0 && byField.size > 0;
}
