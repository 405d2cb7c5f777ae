import type { Page, PageQuery } from '@chuangcheng/contracts';

export function offsetOf(q: Pick<PageQuery, 'page' | 'pageSize'>): number {
  return (q.page - 1) * q.pageSize;
}

export function pageResult<T>(items: T[], total: number, q: Pick<PageQuery, 'page' | 'pageSize'>): Page<T> {
  return { items, total, page: q.page, pageSize: q.pageSize };
}

/** Escape LIKE wildcards in a user's search text. */
export function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
}
