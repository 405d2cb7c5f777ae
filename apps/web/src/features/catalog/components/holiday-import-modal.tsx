import { InboxOutlined } from '@ant-design/icons';
import { HOLIDAY_DAY_KIND_LABELS, type HolidayImportResult } from '@chuangcheng/contracts';
import { Alert, Button, InputNumber, Modal, Progress, Space, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { DownloadButton } from '../../../components/download-button';
import { UploadFailure } from '../../../components/row-issues';
import { todayInCity } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import { downloadHolidayTemplate, useImportHolidayYear, useJobRun } from '../api/holiday-years';

type State =
  | { status: 'idle' }
  | { status: 'running' }
  | { status: 'preview'; result: HolidayImportResult }
  | { status: 'done'; result: HolidayImportResult }
  | { status: 'failed'; error: unknown };

/** The recompute run after an import: its progress bar, then what it changed. */
function RecomputeProgress({ jobId }: { jobId: string }) {
  const { t } = useI18n();
  const run = useJobRun(jobId);
  const p = run.data?.progress;
  const percent = p?.total ? Math.round((p.done / p.total) * 100) : run.data?.state === 'succeeded' ? 100 : 0;
  return (
    <div data-testid="holiday-recompute">
      <Typography.Text>
        {run.data?.state === 'succeeded'
          ? t('holidays.recomputed', {
              recomputed: run.data.result?.recomputed ?? 0,
              examined: run.data.result?.examined ?? 0,
            })
          : t('holidays.recomputing')}
      </Typography.Text>
      <Progress
        percent={percent}
        status={run.data?.state === 'failed' ? 'exception' : percent < 100 ? 'active' : 'success'}
      />
    </div>
  );
}

/** 导入节假日安排: the year, one xlsx of its notice, the server's check and preview, then the import. */
export function HolidayImportModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t, l } = useI18n();
  const run = useImportHolidayYear();
  const [year, setYear] = useState(() => Number(todayInCity().slice(0, 4)) + 1);
  const [file, setFile] = useState<File | null>(null);
  const [state, setState] = useState<State>({ status: 'idle' });
  const running = state.status === 'running';

  const reset = () => setState({ status: 'idle' });
  const close = () => {
    if (running) return;
    setFile(null);
    reset();
    onClose();
  };
  const send = (dryRun: boolean) => {
    if (!file) return;
    setState({ status: 'running' });
    run.mutate(
      { year, file, dryRun },
      {
        onSuccess: (result) => setState({ status: result.dryRun ? 'preview' : 'done', result }),
        onError: (error) => setState({ status: 'failed', error }),
      },
    );
  };

  const footer =
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
            key="preview"
            disabled={!file}
            loading={running}
            onClick={() => send(true)}
            data-testid="holiday-preview"
          >
            {t('holidays.preview')}
          </Button>,
          <Button
            key="start"
            type="primary"
            disabled={state.status !== 'preview'}
            loading={running}
            onClick={() => send(false)}
            data-testid="holiday-import-start"
          >
            {t('holidays.confirm')}
          </Button>,
        ];

  const shown = state.status === 'preview' || state.status === 'done' ? state.result : null;
  return (
    <Modal
      open={open}
      title={t('holidays.import')}
      onCancel={close}
      footer={footer}
      width={640}
      destroyOnHidden
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Alert
          type="info"
          showIcon
          title={t('holidays.importHint')}
          action={
            <DownloadButton onDownload={downloadHolidayTemplate}>{t('holidays.template')}</DownloadButton>
          }
        />
        <Space>
          <Typography.Text>{t('holidays.year')}</Typography.Text>
          <InputNumber
            min={2000}
            max={2100}
            value={year}
            disabled={running || state.status === 'done'}
            onChange={(v) => {
              if (v) setYear(v);
              reset();
            }}
            data-testid="holiday-import-year"
          />
        </Space>
        <Upload.Dragger
          accept=".xlsx"
          maxCount={1}
          multiple={false}
          disabled={running || state.status === 'done'}
          beforeUpload={(chosen) => {
            setFile(chosen);
            reset();
            return false;
          }}
          onRemove={() => {
            setFile(null);
            reset();
          }}
          fileList={file ? [{ uid: 'chosen', name: file.name, size: file.size, status: 'done' }] : []}
          data-testid="holiday-import-upload"
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-hint">.xlsx</p>
        </Upload.Dragger>
        {state.status === 'failed' && <UploadFailure error={state.error} pageSize={10} />}
        {shown && (
          <>
            <Alert
              type={state.status === 'done' ? 'success' : 'info'}
              showIcon
              data-testid={state.status === 'done' ? 'holiday-import-done' : 'holiday-import-preview'}
              title={
                state.status === 'done'
                  ? t('holidays.done', { year: shown.year })
                  : t('holidays.previewTitle', {
                      year: shown.year,
                      n: shown.days.length,
                      replaced: shown.replaced,
                    })
              }
            />
            {state.status === 'done' && shown.recomputeJobId && (
              <RecomputeProgress jobId={shown.recomputeJobId} />
            )}
            <Table
              size="small"
              rowKey="date"
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              dataSource={shown.days}
              columns={[
                { title: t('holidays.date'), dataIndex: 'date' },
                {
                  title: t('holidays.kind'),
                  dataIndex: 'kind',
                  render: (k) => l(HOLIDAY_DAY_KIND_LABELS[k as 'holiday']),
                },
                { title: t('holidays.name'), dataIndex: 'name' },
              ]}
            />
          </>
        )}
      </Space>
    </Modal>
  );
}
