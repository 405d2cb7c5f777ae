import type { RowIssue } from '@chuangcheng/contracts';
import { Alert, Table, type TableColumnsType } from 'antd';
import { ApiError, errorMessage } from '../lib/api-client';
import { useI18n } from '../lib/i18n';

/**
 * A failed upload explained: the server's row errors (行 / 列 / 原因; nothing was written) as a table,
 * or its one message when the failure is not about rows.
 */
export function UploadFailure({ error, pageSize = 10 }: { error: unknown; pageSize?: number }) {
  const { t, locale } = useI18n();
  const rows = error instanceof ApiError ? error.rows : [];
  if (rows.length === 0) {
    return <Alert type="error" showIcon title={errorMessage(error, locale)} data-testid="import-error" />;
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
        pagination={rows.length > pageSize ? { pageSize, showSizeChanger: false } : false}
        scroll={{ x: 'max-content' }}
        data-testid="import-errors-table"
      />
    </>
  );
}
