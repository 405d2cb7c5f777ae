import { DownloadOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { type ReactNode, useState } from 'react';
import { errorMessage } from '../lib/api-client';
import { useI18n } from '../lib/i18n';

/** A button that downloads a file (template, export) and reports a failure itself. */
export function DownloadButton({
  onDownload,
  icon = <DownloadOutlined />,
  children,
  'data-testid': testId,
}: {
  onDownload: () => Promise<void>;
  icon?: ReactNode;
  children: ReactNode;
  'data-testid'?: string;
}) {
  const { locale } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const onClick = async () => {
    setBusy(true);
    try {
      await onDownload();
    } catch (error) {
      message.error(errorMessage(error, locale));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button icon={icon} loading={busy} onClick={onClick} data-testid={testId}>
      {children}
    </Button>
  );
}
