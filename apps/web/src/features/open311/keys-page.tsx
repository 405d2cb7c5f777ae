import { CopyOutlined, KeyOutlined, PlusOutlined } from '@ant-design/icons';
import { type ApiKey, type CreatedApiKey, OPEN311_LABELS } from '@chuangcheng/contracts';
import {
  Alert,
  App,
  Button,
  Empty,
  Flex,
  Form,
  Input,
  Modal,
  Popconfirm,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { errorMessage } from '../../lib/api-client';
import { applyFieldErrors } from '../../lib/form-errors';
import { formatDateTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { useApiKeys, useCreateApiKey, useRevokeApiKey } from './api/api-keys';

/** Intranet consoles are often plain http, where navigator.clipboard does not exist: fall back to execCommand. */
async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // fall through to the old way
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.appendChild(area);
  area.select();
  try {
    return document.execCommand('copy');
  } finally {
    area.remove();
  }
}

/** 新建: asks for the key's holder, then shows the key once with a copy button. */
function CreateKeyModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t, l, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ name: string }>();
  const create = useCreateApiKey();
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const [formError, setFormError] = useState<string | null>(null);

  const close = () => {
    setCreated(null);
    setFormError(null);
    form.resetFields();
    onClose();
  };

  const submit = async () => {
    const { name } = await form.validateFields();
    setFormError(null);
    create.mutate(
      { name },
      {
        onSuccess: setCreated,
        onError: (error) => {
          if (!applyFieldErrors(form, error, ['name'])) setFormError(errorMessage(error, locale));
        },
      },
    );
  };

  const copy = async () => {
    if (!created) return;
    if (await copyText(created.key)) message.success(l(OPEN311_LABELS.copied));
    else message.warning(l(OPEN311_LABELS.copyFailed));
  };

  if (created) {
    return (
      <Modal
        open={open}
        title={l(OPEN311_LABELS.createdTitle)}
        closable={false}
        maskClosable={false}
        keyboard={false}
        footer={
          <Button type="primary" onClick={close}>
            {l(OPEN311_LABELS.done)}
          </Button>
        }
      >
        <Alert type="warning" showIcon title={l(OPEN311_LABELS.showOnce)} style={{ marginBottom: 16 }} />
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          {created.name}
        </Typography.Paragraph>
        <Flex gap={8}>
          <Input
            readOnly
            value={created.key}
            className="cc-mono"
            aria-label="API key"
            onFocus={(e) => e.target.select()}
          />
          <Button icon={<CopyOutlined />} onClick={copy}>
            {l(OPEN311_LABELS.copy)}
          </Button>
        </Flex>
      </Modal>
    );
  }

  return (
    <Modal
      open={open}
      title={l(OPEN311_LABELS.createTitle)}
      onCancel={close}
      onOk={submit}
      okText={l(OPEN311_LABELS.create)}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="name"
          label={l(OPEN311_LABELS.name)}
          rules={[
            { required: true, whitespace: true, message: l(OPEN311_LABELS.namePlaceholder) },
            { max: 64 },
          ]}
        >
          <Input placeholder={l(OPEN311_LABELS.namePlaceholder)} maxLength={64} autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Open311 接口密钥: the keys third-party apps file reports with (office and admin). */
export default function Open311KeysPage() {
  const { t, l, locale } = useI18n();
  const { message } = App.useApp();
  const keys = useApiKeys();
  const revoke = useRevokeApiKey();
  const [creating, setCreating] = useState(false);
  const endpoint = `${window.location.origin}/open311/v2/discovery.json`;

  const onRevoke = (key: ApiKey) =>
    revoke
      .mutateAsync(key.id)
      .then(() => message.success(l(OPEN311_LABELS.revokedDone)))
      .catch((error: unknown) => message.error(errorMessage(error, locale)));

  const columns: TableColumnsType<ApiKey> = [
    {
      title: l(OPEN311_LABELS.name),
      dataIndex: 'name',
      render: (name: string) => (
        <>
          <KeyOutlined style={{ marginRight: 8, opacity: 0.6 }} />
          {name}
        </>
      ),
    },
    {
      title: l(OPEN311_LABELS.status),
      key: 'status',
      render: (_, key) =>
        key.revokedAt ? (
          <Tag color="default">{l(OPEN311_LABELS.revoked)}</Tag>
        ) : (
          <Tag color="green">{l(OPEN311_LABELS.active)}</Tag>
        ),
    },
    {
      title: l(OPEN311_LABELS.createdAt),
      dataIndex: 'createdAt',
      render: (v: string) => formatDateTime(v, locale),
    },
    {
      title: l(OPEN311_LABELS.lastUsedAt),
      dataIndex: 'lastUsedAt',
      render: (v: string | null) => formatDateTime(v, locale),
    },
    {
      title: l(OPEN311_LABELS.revokedAt),
      dataIndex: 'revokedAt',
      render: (v: string | null) => formatDateTime(v, locale),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      render: (_, key) =>
        key.revokedAt ? null : (
          <Popconfirm
            title={l(OPEN311_LABELS.revokeConfirm)}
            okText={l(OPEN311_LABELS.revoke)}
            cancelText={t('common.cancel')}
            okButtonProps={{ danger: true }}
            onConfirm={() => onRevoke(key)}
          >
            <Button type="link" size="small" danger>
              {l(OPEN311_LABELS.revoke)}
            </Button>
          </Popconfirm>
        ),
    },
  ];

  return (
    <>
      <PageHeader
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {l(OPEN311_LABELS.create)}
          </Button>
        }
      />
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={l(OPEN311_LABELS.intro)}
        description={
          <span>
            {l(OPEN311_LABELS.endpoint)}：
            <Typography.Text code copyable>
              {endpoint}
            </Typography.Text>
          </span>
        }
      />
      {keys.isError && <QueryError error={keys.error} onRetry={() => keys.refetch()} />}
      <Table<ApiKey>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={keys.data}
        loading={keys.isFetching}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty description={l(OPEN311_LABELS.empty)} /> }}
      />
      <CreateKeyModal open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
