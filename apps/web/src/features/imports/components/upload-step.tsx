import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import type { ImportKind } from '@chuangcheng/contracts';
import { Alert, App, Button, Space, Upload } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../lib/api-client';
import { useI18n } from '../../../lib/i18n';
import { downloadTemplate } from '../api/download-template';

/** Step 2: the template (spreadsheets) and the file to upload (chosen, not sent yet). */
export function UploadStep({
  kind,
  file,
  onFile,
}: {
  kind: ImportKind;
  file: File | null;
  onFile: (file: File | null) => void;
}) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [downloading, setDownloading] = useState(false);
  const geojson = kind === 'grids-geojson';
  const accept = geojson ? '.geojson,.json' : '.xlsx';

  const onTemplate = async () => {
    if (geojson) return;
    setDownloading(true);
    try {
      await downloadTemplate(kind);
    } catch (error) {
      message.error(errorMessage(error, locale));
    } finally {
      setDownloading(false);
    }
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Alert
        type="info"
        showIcon
        title={geojson ? t('imports.geojsonHint') : t('imports.templateHint')}
        action={
          !geojson && (
            <Button
              icon={<DownloadOutlined />}
              loading={downloading}
              onClick={onTemplate}
              data-testid="download-template"
            >
              {t('imports.template')}
            </Button>
          )
        }
      />
      <Upload.Dragger
        accept={accept}
        maxCount={1}
        multiple={false}
        beforeUpload={(chosen) => {
          onFile(chosen);
          return false; // sent by the wizard (dry run first), not by Upload
        }}
        onRemove={() => onFile(null)}
        fileList={file ? [{ uid: 'chosen', name: file.name, size: file.size, status: 'done' }] : []}
        data-testid="import-upload"
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{t('imports.drop')}</p>
        <p className="ant-upload-hint">{t('imports.accept', { ext: accept })}</p>
      </Upload.Dragger>
    </Space>
  );
}
