import type { ImportResult, RowIssue } from '@chuangcheng/contracts';
import { Alert, Progress, Table, type TableColumnsType, Typography } from 'antd';
import { ApiError, errorMessage } from '../../../lib/api-client';
import { useI18n } from '../../../lib/i18n';

export type RunState =
  | { status: 'idle' }
  | { status: 'running'; progress: number }
  | { status: 'done'; result: ImportResult }
  | { status: 'failed'; error: unknown };

/** Upload progress, then the server's verdict: the row errors (nothing written) or what would change. */
export function CheckResult({ state, busyText }: { state: RunState; busyText: string }) {
  const { t, locale } = useI18n();

  if (state.status === 'running') {
    const sent = state.progress >= 100;
    return (
      <div data-testid="import-progress">
        <Typography.Text>{busyText}</Typography.Text>
        <Progress percent={sent ? 99 : state.progress} status="active" />
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
      { title: t('imports.row'), dataIndex: 'row', width: 80 },
      { title: t('imports.column'), dataIndex: 'column', width: 160 },
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
          pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
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
        data-testid="import-summary"
        title={t('imports.summary', {
          total: result.total,
          created: result.created,
          updated: result.updated,
        })}
        description={t('imports.dryRunNote')}
      />
    );
  }
  return null;
}
