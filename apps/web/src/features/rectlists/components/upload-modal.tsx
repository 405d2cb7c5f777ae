import { InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Modal, Space, Upload } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { DownloadButton } from '../../../components/download-button';
import { UploadFailure } from '../../../components/row-issues';
import { isApiError } from '../../../lib/api-client';
import { downloadRectlistTemplate, useUploadRectlist } from '../api/rectlists';

interface Fields {
  upperUnit: string;
  title?: string;
  inspectedOn?: string;
}

/**
 * 导入整改清单: the upper level, the inspection's date and the file. The server checks every row first
 * (the problems are listed by 行/列/原因, nothing written); the same file again asks for confirmation.
 */
export function UploadModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<Fields>();
  const [file, setFile] = useState<File | null>(null);
  const mutation = useUploadRectlist();
  const navigate = useNavigate();
  const duplicate = isApiError(mutation.error, 'RECTLIST_DUPLICATE');

  const submit = async (confirmDuplicate = false) => {
    const v = await form.validateFields();
    if (!file) return;
    const batch = await mutation.mutateAsync({ ...v, file, confirmDuplicate }).catch(() => null);
    if (batch) {
      onClose();
      navigate(`/rectlists/${batch.id}`);
    }
  };

  return (
    <Modal
      open={open}
      title="导入整改清单"
      onCancel={onClose}
      width={720}
      destroyOnHidden
      footer={
        <Space>
          <Button onClick={onClose}>取消</Button>
          <Button
            type="primary"
            disabled={!file}
            loading={mutation.isPending}
            onClick={() => void submit()}
            data-testid="rectlist-submit"
          >
            校验并导入
          </Button>
        </Space>
      }
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title="每行须有经纬度、网格编码或地址之一。先校验全部行，有任何错误都不会写入；通过后在后台逐条生成案件（来源：上级交办），按派遣规则派遣到责任单位，整改期限作为处置期限。"
        action={<DownloadButton onDownload={downloadRectlistTemplate}>下载模板</DownloadButton>}
      />
      <Form form={form} layout="vertical" requiredMark>
        <Form.Item
          name="upperUnit"
          label="交办的上级单位"
          rules={[{ required: true, whitespace: true, message: '请填写交办的上级单位' }]}
        >
          <Input placeholder="如：省爱卫办" maxLength={100} data-testid="rectlist-upper-unit" />
        </Form.Item>
        <Space wrap style={{ width: '100%' }} size={16}>
          <Form.Item name="title" label="清单标题（留空用文件名）" style={{ minWidth: 320 }}>
            <Input maxLength={100} data-testid="rectlist-title" />
          </Form.Item>
          <Form.Item name="inspectedOn" label="暗访日期">
            <Input type="date" data-testid="rectlist-inspected-on" />
          </Form.Item>
        </Space>
      </Form>
      <Upload.Dragger
        accept=".xlsx"
        maxCount={1}
        multiple={false}
        beforeUpload={(chosen) => {
          setFile(chosen);
          mutation.reset();
          return false;
        }}
        onRemove={() => setFile(null)}
        fileList={file ? [{ uid: 'chosen', name: file.name, size: file.size, status: 'done' }] : []}
        data-testid="rectlist-upload"
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">点击或拖入整改清单（.xlsx）</p>
      </Upload.Dragger>
      {mutation.error && (
        <div style={{ marginTop: 12 }}>
          {duplicate ? (
            <Alert
              type="warning"
              showIcon
              title={mutation.error.message}
              data-testid="rectlist-duplicate"
              action={
                <Button size="small" danger onClick={() => void submit(true)}>
                  仍然导入
                </Button>
              }
            />
          ) : (
            <UploadFailure error={mutation.error} />
          )}
        </div>
      )}
    </Modal>
  );
}
