import { InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Modal, Space, Upload } from 'antd';
import { useState } from 'react';
import { DownloadButton } from '../../../components/download-button';
import { useI18n } from '../../../lib/i18n';
import { downloadCatalogTemplate, useImportCatalog } from '../api/import-catalog';
import { ImportOutcome, type ImportState } from './import-outcome';

/** 导入: template, one xlsx, the server's check; a valid file becomes a new catalogue version. */
export function CatalogImportModal({
  open,
  onClose,
  onShowVersions,
}: {
  open: boolean;
  onClose: () => void;
  onShowVersions: () => void;
}) {
  const { t } = useI18n();
  const run = useImportCatalog();
  const [file, setFile] = useState<File | null>(null);
  const [state, setState] = useState<ImportState>({ status: 'idle' });
  const running = state.status === 'running';

  const close = () => {
    if (running) return;
    setFile(null);
    setState({ status: 'idle' });
    onClose();
  };

  const start = () => {
    if (!file) return;
    setState({ status: 'running', progress: 0 });
    run.mutate(
      { file, onProgress: (progress) => setState({ status: 'running', progress }) },
      {
        onSuccess: (result) => setState({ status: 'done', result }),
        onError: (error) => setState({ status: 'failed', error }),
      },
    );
  };

  const footer =
    state.status === 'done'
      ? [
          <Button key="versions" onClick={onShowVersions}>
            {t('catalog.versions')}
          </Button>,
          <Button key="close" type="primary" onClick={close}>
            {t('common.close')}
          </Button>,
        ]
      : [
          <Button key="cancel" onClick={close} disabled={running}>
            {t('common.cancel')}
          </Button>,
          <Button
            key="start"
            type="primary"
            disabled={!file}
            loading={running}
            onClick={start}
            data-testid="catalog-import-start"
          >
            {t('catalog.importStart')}
          </Button>,
        ];

  return (
    <Modal
      open={open}
      title={t('catalog.importTitle')}
      onCancel={close}
      footer={footer}
      width={640}
      destroyOnHidden
      mask={{ closable: !running }}
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Alert
          type="info"
          showIcon
          title={t('catalog.importHint')}
          action={
            <DownloadButton onDownload={downloadCatalogTemplate}>{t('catalog.template')}</DownloadButton>
          }
        />
        <Upload.Dragger
          accept=".xlsx"
          maxCount={1}
          multiple={false}
          disabled={running}
          beforeUpload={(chosen) => {
            setFile(chosen);
            setState({ status: 'idle' });
            return false; // sent by the 开始导入 button, not by Upload
          }}
          onRemove={() => {
            setFile(null);
            setState({ status: 'idle' });
          }}
          fileList={file ? [{ uid: 'chosen', name: file.name, size: file.size, status: 'done' }] : []}
          data-testid="catalog-import-upload"
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{t('catalog.importDrop')}</p>
          <p className="ant-upload-hint">.xlsx</p>
        </Upload.Dragger>
        <ImportOutcome state={state} />
      </Space>
    </Modal>
  );
}
