import { InboxOutlined } from '@ant-design/icons';
import { CAMPAIGN_TYPE_LABELS, CAMPAIGN_TYPES, type CampaignType } from '@chuangcheng/contracts';
import {
  Alert,
  Button,
  Col,
  Form,
  Input,
  InputNumber,
  Modal,
  Progress,
  Row,
  Select,
  Space,
  Typography,
  Upload,
} from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { DownloadButton } from '../../../components/download-button';
import { UploadFailure } from '../../../components/row-issues';
import { useI18n } from '../../../lib/i18n';
import { useIsMobile } from '../../../lib/responsive';
import {
  downloadStandardTemplate,
  type StandardImportResult,
  useImportStandard,
} from '../api/import-standard';
import { useMessages } from '../messages';
import { thresholdRule } from './standard-form-drawer';

type State =
  | { status: 'idle' }
  | { status: 'running'; progress: number }
  | { status: 'done'; result: StandardImportResult }
  | { status: 'failed'; error: unknown };

interface Fields {
  code: string;
  name: string;
  type: CampaignType;
  totalPoints: number;
  passScore: number;
  basicScore: number;
}

/** 从Excel导入: template, the standard's header fields and one xlsx; row errors listed, nothing written. */
export function StandardImportModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t, l } = useI18n();
  const m = useMessages();
  const navigate = useNavigate();
  const isMobile = useIsMobile();
  const run = useImportStandard();
  const [form] = Form.useForm<Fields>();
  const [file, setFile] = useState<File | null>(null);
  const [fileMissing, setFileMissing] = useState(false);
  const [state, setState] = useState<State>({ status: 'idle' });
  const running = state.status === 'running';

  const close = () => {
    if (running) return;
    setFile(null);
    setFileMissing(false);
    setState({ status: 'idle' });
    onClose();
  };

  const start = async () => {
    const values = await form.validateFields();
    if (!file) {
      setFileMissing(true);
      return;
    }
    setState({ status: 'running', progress: 0 });
    run.mutate(
      {
        ...values,
        code: values.code.trim(),
        name: values.name.trim(),
        file,
        onProgress: (progress) => setState({ status: 'running', progress }),
      },
      {
        onSuccess: (result) => setState({ status: 'done', result }),
        onError: (error) => setState({ status: 'failed', error }),
      },
    );
  };

  const footer =
    state.status === 'done'
      ? [
          <Button key="close" onClick={close}>
            {t('common.close')}
          </Button>,
          <Button
            key="open"
            type="primary"
            onClick={() => {
              const id = state.result.standardId;
              close();
              navigate(`/standards/${id}`);
            }}
          >
            {m('openImported')}
          </Button>,
        ]
      : [
          <Button key="cancel" onClick={close} disabled={running}>
            {t('common.cancel')}
          </Button>,
          <Button
            key="start"
            type="primary"
            loading={running}
            onClick={start}
            data-testid="standard-import-start"
          >
            {m('importStart')}
          </Button>,
        ];

  return (
    <Modal
      open={open}
      title={m('importTitle')}
      onCancel={close}
      footer={footer}
      width={isMobile ? '100%' : 720}
      destroyOnHidden
      mask={{ closable: !running }}
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Alert
          type="info"
          showIcon
          title={m('importHint')}
          action={<DownloadButton onDownload={downloadStandardTemplate}>{m('template')}</DownloadButton>}
        />
        <Form
          form={form}
          layout="vertical"
          disabled={running}
          initialValues={{ type: 'sanitary', totalPoints: 1000, passScore: 900, basicScore: 750 }}
          data-testid="standard-import-form"
        >
          <Row gutter={12}>
            <Col xs={24} sm={8}>
              <Form.Item
                name="code"
                label={t('common.code')}
                rules={[
                  {
                    required: true,
                    whitespace: true,
                    message: t('common.required', { field: t('common.code') }),
                  },
                ]}
              >
                <Input maxLength={40} placeholder="GWBZ-2021" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={16}>
              <Form.Item
                name="name"
                label={t('common.name')}
                rules={[
                  {
                    required: true,
                    whitespace: true,
                    message: t('common.required', { field: t('common.name') }),
                  },
                ]}
              >
                <Input maxLength={100} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={6}>
              <Form.Item name="type" label={m('type')} rules={[{ required: true }]}>
                <Select
                  options={CAMPAIGN_TYPES.map((k) => ({ value: k, label: l(CAMPAIGN_TYPE_LABELS[k]) }))}
                />
              </Form.Item>
            </Col>
            <Col xs={8} sm={6}>
              <Form.Item name="totalPoints" label={m('totalPoints')} rules={[{ required: true }]}>
                <InputNumber min={1} max={100000} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={8} sm={6}>
              <Form.Item
                name="passScore"
                label={m('passScore')}
                dependencies={['totalPoints', 'basicScore']}
                rules={[{ required: true }, thresholdRule(m)]}
              >
                <InputNumber min={0} max={100000} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={8} sm={6}>
              <Form.Item name="basicScore" label={m('basicScore')} rules={[{ required: true }]}>
                <InputNumber min={0} max={100000} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
        </Form>
        <Upload.Dragger
          accept=".xlsx"
          maxCount={1}
          multiple={false}
          disabled={running}
          beforeUpload={(chosen) => {
            setFile(chosen);
            setFileMissing(false);
            setState({ status: 'idle' });
            return false; // sent by 开始导入, not by Upload
          }}
          onRemove={() => {
            setFile(null);
            setState({ status: 'idle' });
          }}
          fileList={file ? [{ uid: 'chosen', name: file.name, size: file.size, status: 'done' }] : []}
          data-testid="standard-import-upload"
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{m('importDrop')}</p>
          <p className="ant-upload-hint">.xlsx</p>
        </Upload.Dragger>
        {fileMissing && <Typography.Text type="danger">{m('chooseFile')}</Typography.Text>}
        {state.status === 'running' && (
          <div data-testid="standard-import-progress">
            <Typography.Text>{m('importing')}</Typography.Text>
            <Progress percent={Math.min(state.progress, 99)} status="active" />
          </div>
        )}
        {state.status === 'failed' && <UploadFailure error={state.error} />}
        {state.status === 'done' && (
          <Alert
            type="success"
            showIcon
            data-testid="standard-import-done"
            title={m('importDone', { nodes: state.result.nodes, veto: state.result.veto })}
          />
        )}
      </Space>
    </Modal>
  );
}
