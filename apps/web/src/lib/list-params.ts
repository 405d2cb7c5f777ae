import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { Query } from './api-client';

export const DEFAULT_PAGE_SIZE = 20;

export interface ListState<F extends string> {
  page: number;
  pageSize: number;
  q: string;
  filters: Partial<Record<F, string>>;
  /** page, pageSize, q and the filters, ready for the list and export URLs. */
  query: Query;
  /** Changing anything but the page goes back to page 1. */
  update: (patch: Partial<Record<F | 'q' | 'page' | 'pageSize', string | number | undefined | null>>) => void;
  /** The table's pager: a new page size goes back to page 1. */
  setPage: (page: number, pageSize: number) => void;
}

/**
 * A list's paging, search and filters live in the URL: a reload, the back button or a shared link
 * shows the same page, and "export" uses exactly what is on screen.
 */
export function useListParams<F extends string>(filterKeys: readonly F[]): ListState<F> {
  const [search, setSearch] = useSearchParams();
  const key = search.toString();

  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for the search params' content
  const state = useMemo(() => {
    const page = Math.max(1, Number(search.get('page')) || 1);
    const pageSize = Math.min(500, Math.max(1, Number(search.get('pageSize')) || DEFAULT_PAGE_SIZE));
    const q = search.get('q') ?? '';
    const filters: Partial<Record<F, string>> = {};
    for (const k of filterKeys) {
      const v = search.get(k);
      if (v) filters[k] = v;
    }
    return { page, pageSize, q, filters, query: { page, pageSize, q, ...filters } as Query };
  }, [key, filterKeys.join(',')]);

  const update = useCallback<ListState<F>['update']>(
    (patch) => {
      setSearch(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [k, v] of Object.entries(patch)) {
            if (v === undefined || v === null || v === '') next.delete(k);
            else next.set(k, String(v));
          }
          if (!('page' in patch)) next.delete('page');
          if (next.get('pageSize') === String(DEFAULT_PAGE_SIZE)) next.delete('pageSize');
          return next;
        },
        { replace: true },
      );
    },
    [setSearch],
  );

  const setPage = useCallback(
    (page: number, pageSize: number) => {
      setSearch(
        (prev) => {
          const next = new URLSearchParams(prev);
          const sizeChanged = pageSize !== (Number(prev.get('pageSize')) || DEFAULT_PAGE_SIZE);
          if (sizeChanged || page <= 1) next.delete('page');
          else next.set('page', String(page));
          if (pageSize === DEFAULT_PAGE_SIZE) next.delete('pageSize');
          else next.set('pageSize', String(pageSize));
          return next;
        },
        { replace: true },
      );
    },
    [setSearch],
  );

  return { ...state, update, setPage };
}
