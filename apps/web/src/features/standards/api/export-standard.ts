import { download } from '../../../lib/api-client';

/** GET /api/standards/{id}/export: the indicator tree as xlsx (the import template's columns). */
export function exportStandard(id: string, code: string): Promise<void> {
  return download(`/api/standards/${id}/export`, undefined, `${code || 'standard'}.xlsx`);
}
