import type { Query } from '../../../lib/api-client';

/**
 * The case endpoints (list, map, export) take `status` repeated (`status=a&status=b`), which the shared
 * `buildUrl` cannot express. Pages keep statuses comma-joined in their own URL (one search param per
 * filter, like every other list); this turns such a query into the API's search string.
 */
export function casesSearch(query: Query): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    if (key === 'status') {
      for (const status of String(value).split(',')) if (status) search.append('status', status);
    } else search.set(key, String(value));
  }
  const qs = search.toString();
  return qs ? `?${qs}` : '';
}

/** The query without its paging (map, export and saved views use the filters only). */
export function withoutPaging(query: Query): Query {
  const { page: _page, pageSize: _pageSize, ...filters } = query;
  return filters;
}
