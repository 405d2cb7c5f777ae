import { download, type Query } from '../../../lib/api-client';

/** GET /api/exports/kpis.xlsx: the same rows as on screen, as a spreadsheet. */
export function exportKpis(query: Query): Promise<void> {
  return download('/api/exports/kpis.xlsx', query, 'kpis.xlsx');
}
