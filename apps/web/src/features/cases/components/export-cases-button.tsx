import { DownloadOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import { errorMessage, type Query } from '../../../lib/api-client';
import { useI18n } from '../../../lib/i18n';
import { exportCases } from '../api/download-files';

/** "导出 Excel" of exactly the cases on screen (search and filters, all pages). */
export function ExportCasesButton({ query }: { query: Query }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const onClick = async () => {
    setBusy(true);
    try {
      await exportCases(query);
    } catch (error) {
      message.error(errorMessage(error, locale));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button icon={<DownloadOutlined />} loading={busy} onClick={onClick} data-testid="export-cases">
      {t('common.export')}
    </Button>
  );
}
