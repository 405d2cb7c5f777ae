import { DownloadOutlined } from '@ant-design/icons';
import type { ExportEntity } from '@chuangcheng/contracts';
import { App, Button } from 'antd';
import { useState } from 'react';
import { download, errorMessage, type Query } from '../lib/api-client';
import { useI18n } from '../lib/i18n';

/** "导出 Excel": the export endpoint with the list's current search and filters (not its paging). */
export function ExportButton({ entity, query }: { entity: ExportEntity; query: Query }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const onClick = async () => {
    setBusy(true);
    try {
      const { page: _page, pageSize: _pageSize, ...filters } = query;
      await download(`/api/exports/${entity}.xlsx`, filters, `${entity}.xlsx`);
    } catch (error) {
      message.error(errorMessage(error, locale));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button icon={<DownloadOutlined />} loading={busy} onClick={onClick}>
      {t('common.export')}
    </Button>
  );
}
