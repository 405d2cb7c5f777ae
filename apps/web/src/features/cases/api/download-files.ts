import { download, type Query } from '../../../lib/api-client';
import { casesSearch, withoutPaging } from './case-search';

/** GET /api/exports/cases.xlsx with the list's filters (not its paging). */
export function exportCases(query: Query): Promise<void> {
  return download(`/api/exports/cases.xlsx${casesSearch(withoutPaging(query))}`, undefined, 'cases.xlsx');
}

/** GET /api/supervision-orders/{id}/docx | /pdf: the 督办单 as an editable Word file or a PDF. */
export function downloadSupervisionOrder(id: string, number: string, format: 'docx' | 'pdf'): Promise<void> {
  return download(`/api/supervision-orders/${id}/${format}`, undefined, `${number}.${format}`);
}
