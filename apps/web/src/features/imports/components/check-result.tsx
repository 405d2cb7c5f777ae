import type { ImportResult } from '@chuangcheng/contracts';
import { Alert, Progress, Table, Typography } from 'antd';
import { UploadFailure } from '../../../components/row-issues';
import { useI18n } from '../../../lib/i18n';

export type RunState =
  | { status: 'idle' }
  | { status: 'running'; progress: number }
  | { status: 'done'; result: ImportResult }
  | { status: 'failed'; error: unknown };

/** Upload progress, then the server's verdict: the row errors (nothing written) or what would change. */
export function CheckResult({ state, busyText }: { state: RunState; busyText: string }) {
  const { t } = useI18n();

  if (state.status === 'running') {
    const sent = state.progress >= 100;
    return (
      <div data-testid="import-progress">
        <Typography.Text>{busyText}</Typography.Text>
        <Progress percent={sent ? 99 : state.progress} status="active" />
      </div>
    );
  }

  if (state.status === 'failed') return <UploadFailure error={state.error} pageSize={20} />;

  if (state.status === 'done') {
    const { result } = state;
    const warnings = result.warnings ?? [];
    const summary = (
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
    if (warnings.length === 0) return summary;
    return (
      <>
        {summary}
        <Alert
          type="warning"
          showIcon
          style={{ margin: '12px 0' }}
          title={t('imports.warnings', { n: warnings.length })}
          data-testid="import-warnings"
        />
        <Table
          size="small"
          columns={[
            { title: t('imports.row'), dataIndex: 'row', width: 70 },
            { title: t('imports.column'), dataIndex: 'column', width: 140 },
            { title: t('imports.reason'), dataIndex: 'message' },
          ]}
          dataSource={warnings.map((w, key) => ({ ...w, key }))}
          pagination={warnings.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
          scroll={{ x: 'max-content' }}
          data-testid="import-warnings-table"
        />
      </>
    );
  }
  return null;
}
