import type { ExportEntity } from '@chuangcheng/contracts';
import { download, type Query } from '../lib/api-client';
import { useI18n } from '../lib/i18n';
import { DownloadButton } from './download-button';

/** "导出 Excel": the export endpoint with the list's current search and filters (not its paging). */
export function ExportButton({ entity, query }: { entity: ExportEntity; query: Query }) {
  const { t } = useI18n();
  const { page: _page, pageSize: _pageSize, ...filters } = query;
  return (
    <DownloadButton onDownload={() => download(`/api/exports/${entity}.xlsx`, filters, `${entity}.xlsx`)}>
      {t('common.export')}
    </DownloadButton>
  );
}
