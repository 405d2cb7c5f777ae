import { Alert, Table, type TableColumnsType } from 'antd';
import { ApiError, errorMessage } from '../lib/api-client';
import { useI18n } from '../lib/i18n';

interface Issue {
  row?: number;
  column: string;
  message: string;
}

/** Row problems of IMPORT_INVALID (details.rows) or tree problems of STANDARD_INVALID (details.issues). */
export function issuesOf(error: unknown): { kind: 'rows' | 'tree'; issues: Issue[] } | null {
  if (!(error instanceof ApiError)) return null;
  if (error.rows.length > 0) return { kind: 'rows', issues: error.rows };
  const issues = (error.details as { issues?: unknown } | undefined)?.issues;
  if (Array.isArray(issues) && issues.length > 0) return { kind: 'tree', issues: issues as Issue[] };
  return null;
}

/**
 * A failed upload or tree edit explained: the server's problems (行 / 列 / 原因; nothing was written) as a
 * table, or its one message when the failure is not about rows.
 */
export function UploadFailure({ error, pageSize = 10 }: { error: unknown; pageSize?: number }) {
  const { t, locale } = useI18n();
  const found = issuesOf(error);
  if (!found) {
    return <Alert type="error" showIcon title={errorMessage(error, locale)} data-testid="import-error" />;
  }
  const columns: TableColumnsType<Issue & { key: number }> = [
    { title: t('imports.row'), dataIndex: 'row', width: 70, render: (v?: number) => v ?? '—' },
    { title: t('imports.column'), dataIndex: 'column', width: 140 },
    { title: t('imports.reason'), dataIndex: 'message' },
  ];
  return (
    <>
      <Alert
        type="error"
        showIcon
        title={t(found.kind === 'rows' ? 'imports.rowErrors' : 'imports.treeErrors', {
          n: found.issues.length,
        })}
        style={{ marginBottom: 12 }}
        data-testid="import-row-errors"
      />
      <Table
        size="small"
        columns={columns}
        dataSource={found.issues.map((r, i) => ({ ...r, key: i }))}
        pagination={found.issues.length > pageSize ? { pageSize, showSizeChanger: false } : false}
        scroll={{ x: 'max-content' }}
        data-testid="import-errors-table"
      />
    </>
  );
}
