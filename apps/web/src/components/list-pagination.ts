import type { TablePaginationConfig } from 'antd';
import { translate } from '../lib/i18n';
import type { ListState } from '../lib/list-params';

/** Server-side paging for an antd Table, bound to the list's URL state. */
export function listPagination<F extends string>(
  list: ListState<F>,
  total: number | undefined,
): TablePaginationConfig {
  return {
    current: list.page,
    pageSize: list.pageSize,
    total: total ?? 0,
    showSizeChanger: true,
    pageSizeOptions: [10, 20, 50, 100],
    showTotal: (n) => translate('common.total', { n }),
    onChange: list.setPage,
  };
}
