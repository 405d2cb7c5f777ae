import { InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Modal, Progress, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { DownloadButton } from '../../../components/download-button';
import { UploadFailure } from '../../../components/row-issues';
import { useI18n } from '../../../lib/i18n';
import { useIsMobile } from '../../../lib/responsive';
import { exportTasks, useImportTasks } from '../api/import-tasks';
import { useMessages } from '../messages';

type State =
  | { status: 'idle' }
  | { status: 'running'; progress: number }
  | { status: 'done'; rows: number }
  | { status: 'failed'; error: unknown };

/** 从Excel导入 the 任务分解表: the export is the template; row errors listed, nothing written. */
export function TasksImportModal({
  campaignId,
  open,
  onClose,
}: {
  campaignId: string;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const m = useMessages();
  const isMobile = useIsMobile();
  const run = useImportTasks();
  const [file, setFile] = useState<File | null>(null);
  const [state, setState] = useState<State>({ status: 'idle' });
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
      { campaignId, file, onProgress: (progress) => setState({ status: 'running', progress }) },
      {
        onSuccess: ({ rows }) => setState({ status: 'done', rows }),
        onError: (error) => setState({ status: 'failed', error }),
      },
    );
  };

  return (
    <Modal
      open={open}
      title={m('tasksImportTitle')}
      onCancel={close}
      width={isMobile ? '100%' : 640}
      destroyOnHidden
      mask={{ closable: !running }}
      footer={
        state.status === 'done'
          ? [
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
                data-testid="tasks-import-start"
              >
                {m('importStart')}
              </Button>,
            ]
      }
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Alert
          type="info"
          showIcon
          title={m('tasksImportHint')}
          action={<DownloadButton onDownload={() => exportTasks(campaignId)}>{m('template')}</DownloadButton>}
        />
        <Upload.Dragger
          accept=".xlsx"
          maxCount={1}
          multiple={false}
          disabled={running}
          beforeUpload={(chosen) => {
            setFile(chosen);
            setState({ status: 'idle' });
            return false;
          }}
          onRemove={() => {
            setFile(null);
            setState({ status: 'idle' });
          }}
          fileList={file ? [{ uid: 'chosen', name: file.name, size: file.size, status: 'done' }] : []}
          data-testid="tasks-import-upload"
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{m('importDrop')}</p>
          <p className="ant-upload-hint">.xlsx</p>
        </Upload.Dragger>
        {state.status === 'running' && (
          <div>
            <Typography.Text>{m('importing')}</Typography.Text>
            <Progress percent={Math.min(state.progress, 99)} status="active" />
          </div>
        )}
        {state.status === 'failed' && <UploadFailure error={state.error} />}
        {state.status === 'done' && (
          <Alert
            type="success"
            showIcon
            title={m('importDone', { n: state.rows })}
            data-testid="tasks-import-done"
          />
        )}
      </Space>
    </Modal>
  );
}
