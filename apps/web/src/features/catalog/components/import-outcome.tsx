import { Alert, Progress, Typography } from 'antd';
import { UploadFailure } from '../../../components/row-issues';
import { useI18n } from '../../../lib/i18n';
import type { CatalogImportResult } from '../api/import-catalog';

export type ImportState =
  | { status: 'idle' }
  | { status: 'running'; progress: number }
  | { status: 'done'; result: CatalogImportResult }
  | { status: 'failed'; error: unknown };

/** Upload progress, then the server's verdict: the row errors (nothing written) or the counts. */
export function ImportOutcome({ state }: { state: ImportState }) {
  const { t } = useI18n();

  if (state.status === 'running') {
    return (
      <div data-testid="catalog-import-progress">
        <Typography.Text>{t('catalog.importing')}</Typography.Text>
        <Progress percent={Math.min(state.progress, 99)} status="active" />
      </div>
    );
  }

  if (state.status === 'failed') return <UploadFailure error={state.error} pageSize={10} />;

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
