import { FileZipOutlined } from '@ant-design/icons';
import { App, Button, Progress } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../lib/api-client';
import { type ArchiveProgress, exportArchive } from '../api/export-archive';
import { formatBytes } from './periods';

/** 一键导出迎检资料包: the zip streams in, with a progress bar driven by Content-Length. */
export function ExportArchiveButton({ campaignId }: { campaignId: string }) {
  const { message } = App.useApp();
  const [progress, setProgress] = useState<ArchiveProgress | null>(null);
  const onClick = async () => {
    setProgress({ received: 0, total: null });
    try {
      const { fileName, size } = await exportArchive(campaignId, setProgress);
      message.success(`已导出 ${fileName}（${formatBytes(size)}）`);
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setProgress(null);
    }
  };
  const percent = progress?.total
    ? Math.min(100, Math.round((progress.received / progress.total) * 100))
    : undefined;
  return (
    <>
      <Button
        icon={<FileZipOutlined />}
        loading={Boolean(progress)}
        onClick={onClick}
        data-testid="export-archive"
      >
        一键导出迎检资料包
      </Button>
      {progress && (
        <div style={{ minWidth: 180 }} data-testid="export-progress">
          <Progress
            percent={percent ?? 0}
            status="active"
            size="small"
            format={() => (percent === undefined ? formatBytes(progress.received) : `${percent}%`)}
          />
        </div>
      )}
    </>
  );
}
