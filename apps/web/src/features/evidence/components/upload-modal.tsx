import { InboxOutlined } from '@ant-design/icons';
import { EVIDENCE_EXTENSIONS } from '@chuangcheng/contracts';
import { Alert, App, Col, Form, Input, Modal, Progress, Row, Select, Upload, type UploadFile } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { errorMessage } from '../../../lib/api-client';
import { applyFieldErrors } from '../../../lib/form-errors';
import { todayInCity } from '../../../lib/format';
import { useIsMobile } from '../../../lib/responsive';
import type { EvidenceSlot } from '../api/list-slots';
import { useUploadEvidence } from '../api/upload-evidence';
import { dateInPeriod, formatBytes, periodLabel } from './periods';

/** The server's default UPLOAD_LIMIT_MB; it checks again (and the bytes' real type). */
const MAX_BYTES = 20 * 1024 * 1024;
const ACCEPT = EVIDENCE_EXTENSIONS.map((e) => `.${e}`).join(',');

interface Values {
  nodeId?: string;
  requirement?: string;
  period?: string;
  title?: string;
  docDate?: string;
  issuingUnit?: string;
}

const FIELDS = ['nodeId', 'requirement', 'period', 'title', 'docDate', 'issuingUnit', 'file'] as const;

export interface UploadTarget {
  nodeId?: string;
  requirement?: string;
  period?: string;
}

function defaultDate(period: string | undefined): string {
  const today = todayInCity();
  if (!period || dateInPeriod(today, period)) return today;
  // A past period: its last day, so the document is not flagged as dated outside it.
  const m = /^(\d{4})-(\d{2})$/.exec(period);
  if (m)
    return `${period}-${String(new Date(Date.UTC(Number(m[1]), Number(m[2]), 0)).getUTCDate()).padStart(2, '0')}`;
  const q = /^(\d{4})-Q([1-4])$/.exec(period);
  if (q) return `${q[1]}-${['03-31', '06-30', '09-30', '12-31'][Number(q[2]) - 1]}`;
  if (/^\d{4}$/.test(period)) return `${period}-12-31`;
  return today;
}

/** 上传台账资料: indicator → required document → period (pre-filled from a slot), metadata and the file. */
export function UploadModal({
  campaignId,
  slots,
  target,
  onClose,
}: {
  campaignId: string;
  slots: EvidenceSlot[];
  target: UploadTarget | null;
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const isMobile = useIsMobile();
  const [form] = Form.useForm<Values>();
  const upload = useUploadEvidence();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [percent, setPercent] = useState<number | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const nodeId = Form.useWatch('nodeId', form);
  const requirement = Form.useWatch('requirement', form);
  const period = Form.useWatch('period', form);
  const docDate = Form.useWatch('docDate', form);

  useEffect(() => {
    if (!target) return;
    setFiles([]);
    setPercent(null);
    setFormError(null);
    const titleOf =
      target.requirement && target.period ? `${target.requirement}（${periodLabel(target.period)}）` : '';
    form.setFieldsValue({
      nodeId: target.nodeId,
      requirement: target.requirement,
      period: target.period,
      title: titleOf,
      docDate: defaultDate(target.period),
      issuingUnit: '',
    });
  }, [target, form]);

  const nodeOptions = useMemo(() => {
    const seen = new Map<string, string>();
    for (const s of slots) if (!seen.has(s.nodeId)) seen.set(s.nodeId, `${s.nodeCode} ${s.nodeTitle}`);
    return [...seen].map(([value, label]) => ({ value, label }));
  }, [slots]);
  const requirementOptions = useMemo(
    () =>
      [...new Set(slots.filter((s) => s.nodeId === nodeId).map((s) => s.requirement))].map((r) => ({
        value: r,
        label: r,
      })),
    [slots, nodeId],
  );
  const periodOptions = useMemo(
    () =>
      slots
        .filter((s) => s.nodeId === nodeId && s.requirement === requirement)
        .map((s) => ({
          value: s.period,
          label: `${periodLabel(s.period)}${s.complete ? `（已有 ${s.fileCount} 份）` : '（缺）'}`,
        })),
    [slots, nodeId, requirement],
  );
  const outside = Boolean(docDate && period && !dateInPeriod(docDate, period));

  const onOk = async () => {
    const v = await form.validateFields();
    const file = files[0]?.originFileObj;
    if (!file) {
      form.setFields([{ name: 'file' as never, errors: ['请选择文件'] }]);
      setFormError('请选择要上传的文件');
      return;
    }
    setFormError(null);
    setPercent(0);
    try {
      await upload.mutateAsync({
        file,
        onProgress: setPercent,
        fields: {
          campaignId,
          nodeId: v.nodeId ?? '',
          requirement: v.requirement ?? '',
          period: v.period ?? '',
          title: v.title?.trim() ?? '',
          docDate: v.docDate ?? '',
          issuingUnit: v.issuingUnit?.trim() || undefined,
        },
      });
      message.success('已上传');
      onClose();
    } catch (error) {
      setPercent(null);
      if (!applyFieldErrors(form, error, FIELDS)) setFormError(errorMessage(error));
    }
  };

  return (
    <Modal
      open={Boolean(target)}
      title="上传台账资料"
      okText="上传"
      onOk={onOk}
      onCancel={onClose}
      confirmLoading={upload.isPending}
      width={isMobile ? '100%' : 560}
      destroyOnHidden
      data-testid="upload-modal"
    >
      <Form<Values> form={form} layout="vertical">
        <Form.Item name="nodeId" label="指标" rules={[{ required: true, message: '请选择指标' }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={nodeOptions}
            onChange={() => form.setFieldsValue({ requirement: undefined, period: undefined })}
            data-testid="upload-node"
          />
        </Form.Item>
        <Form.Item name="requirement" label="应有资料" rules={[{ required: true, message: '请选择资料项' }]}>
          <Select
            options={requirementOptions}
            disabled={!nodeId}
            onChange={() => form.setFieldsValue({ period: undefined })}
            data-testid="upload-requirement"
          />
        </Form.Item>
        <Form.Item name="period" label="期间" rules={[{ required: true, message: '请选择期间' }]}>
          <Select options={periodOptions} disabled={!requirement} data-testid="upload-period" />
        </Form.Item>
        <Form.Item
          name="title"
          label="资料标题"
          rules={[{ required: true, whitespace: true, message: '请填写资料标题' }]}
        >
          <Input maxLength={200} data-testid="upload-title" />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item
              name="docDate"
              label="成文日期"
              rules={[{ required: true, message: '请填写成文日期' }]}
              validateStatus={outside ? 'warning' : undefined}
              help={outside ? '日期不在所选期间内，上传后会被标记' : undefined}
            >
              <Input type="date" data-testid="upload-date" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="issuingUnit" label="发文单位">
              <Input maxLength={100} placeholder="选填" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          label="文件"
          required
          extra={`PDF、Word（docx）、Excel（xlsx）、JPG、PNG，不超过 ${formatBytes(MAX_BYTES)}`}
        >
          <Upload.Dragger
            height={96}
            accept={ACCEPT}
            maxCount={1}
            fileList={files}
            beforeUpload={(file) => {
              const ext = file.name.split('.').pop()?.toLowerCase() ?? '';
              if (!(EVIDENCE_EXTENSIONS as readonly string[]).includes(ext)) {
                message.error(`不支持的文件类型 .${ext}：只能上传 PDF、docx、xlsx、JPG、PNG`);
                return Upload.LIST_IGNORE;
              }
              if (file.size > MAX_BYTES) {
                message.error(`文件 ${formatBytes(file.size)}，超过 ${formatBytes(MAX_BYTES)} 的上限`);
                return Upload.LIST_IGNORE;
              }
              if (file.size === 0) {
                message.error('文件是空的');
                return Upload.LIST_IGNORE;
              }
              return false;
            }}
            onChange={({ fileList }) => {
              setFiles(fileList.slice(-1));
              setFormError(null);
            }}
            data-testid="upload-file"
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">点击或拖入文件</p>
          </Upload.Dragger>
        </Form.Item>
        {percent !== null && <Progress percent={percent} size="small" />}
        {formError && <Alert type="error" showIcon title={formError} data-testid="upload-error" />}
      </Form>
    </Modal>
  );
}
