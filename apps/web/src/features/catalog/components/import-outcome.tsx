import type { RowIssue } from '@chuangcheng/contracts';
import { Alert, Progress, Table, type TableColumnsType, Typography } from 'antd';
import { ApiError, errorMessage } from '../../../lib/api-client';
import { useI18n } from '../../../lib/i18n';
import type { CatalogImportResult } from '../api/import-catalog';

export type ImportState =
  | { status: 'idle' }
  | { status: 'running'; progress: number }
  | { status: 'done'; result: CatalogImportResult }
  | { status: 'failed'; error: unknown };

/** Upload progress, then the server's verdict: the row errors (nothing written) or the counts. */
export function ImportOutcome({ state }: { state: ImportState }) {
  const { t, locale } = useI18n();

  if (state.status === 'running') {
    return (
      <div data-testid="catalog-import-progress">
        <Typography.Text>{t('catalog.importing')}</Typography.Text>
        <Progress percent={Math.min(state.progress, 99)} status="active" />
      </div>
    );
  }

  if (state.status === 'failed') {
    const rows = state.error instanceof ApiError ? state.error.rows : [];
    if (rows.length === 0) {
      return (
        <Alert type="error" showIcon title={errorMessage(state.error, locale)} data-testid="import-error" />
      );
    }
    const columns: TableColumnsType<RowIssue & { key: number }> = [
      { title: t('imports.row'), dataIndex: 'row', width: 70 },
      { title: t('imports.column'), dataIndex: 'column', width: 140 },
      { title: t('imports.reason'), dataIndex: 'message' },
    ];
    return (
      <>
        <Alert
          type="error"
          showIcon
          title={t('imports.rowErrors', { n: rows.length })}
          style={{ marginBottom: 12 }}
          data-testid="import-row-errors"
        />
        <Table
          size="small"
          columns={columns}
          dataSource={rows.map((r, i) => ({ ...r, key: i }))}
          pagination={rows.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
          scroll={{ x: 'max-content' }}
          data-testid="import-errors-table"
        />
      </>
    );
  }

  if (state.status === 'done') {
    const { result } = state;
    return (
      <Alert
        type="success"
        showIcon
        data-testid="catalog-import-done"
        title={t('catalog.importDone', {
          total: result.total,
          created: result.created,
          updated: result.updated,
        })}
      />
    );
  }
  return null;
}
