import type { StandardNode } from '@chuangcheng/contracts';
import { Alert, App, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../lib/api-client';
import { useI18n } from '../../../lib/i18n';
import { useIsMobile } from '../../../lib/responsive';
import { useCreateIndicatorLink } from '../api/create-indicator-link';
import { useStandardOptions, useStandardTree } from '../api/list-standard-options';
import { useMessages } from '../messages';

interface Values {
  nodeId: string;
  linkedStandardId: string;
  linkedNodeId: string;
  note?: string;
}

const nodeOption = (n: StandardNode) => ({
  value: n.id,
  label: `${'　'.repeat(n.depth)}${n.code} ${n.title}`,
  search: `${n.code} ${n.title}`,
});

/** 添加关联: an indicator of this campaign's standard ↔ one of another standard (standard → indicator). */
export function LinkAddModal({
  open,
  standardId,
  nodes,
  onClose,
}: {
  open: boolean;
  standardId: string;
  nodes: readonly StandardNode[];
  onClose: () => void;
}) {
  const { t, locale } = useI18n();
  const m = useMessages();
  const { message } = App.useApp();
  const isMobile = useIsMobile();
  const [form] = Form.useForm<Values>();
  const create = useCreateIndicatorLink();
  const [error, setError] = useState<string | null>(null);
  const standards = useStandardOptions(open);
  const linkedStandardId = Form.useWatch('linkedStandardId', form);
  const linkedTree = useStandardTree(linkedStandardId, open);

  const submit = async () => {
    const v = await form.validateFields();
    setError(null);
    create.mutate(
      { nodeId: v.nodeId, linkedNodeId: v.linkedNodeId, ...(v.note?.trim() ? { note: v.note.trim() } : {}) },
      {
        onSuccess: () => {
          message.success(t('common.created'));
          onClose();
        },
        onError: (e) => setError(errorMessage(e, locale)),
      },
    );
  };
  const required = (field: string) => ({ required: true, message: t('common.required', { field }) });

  return (
    <Modal
      open={open}
      title={m('addLink')}
      onCancel={onClose}
      onOk={submit}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      width={isMobile ? '100%' : 600}
      destroyOnHidden
    >
      <Alert type="info" showIcon title={m('linkHint')} style={{ marginBottom: 12 }} />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" data-testid="link-form">
        <Form.Item name="nodeId" label={m('linkThis')} rules={[required(m('linkThis'))]}>
          <Select
            showSearch={{ optionFilterProp: 'search' }}
            options={nodes.map(nodeOption)}
            placeholder={t('common.select')}
            data-testid="link-node"
          />
        </Form.Item>
        <Form.Item name="linkedStandardId" label={m('linkStandard')} rules={[required(m('linkStandard'))]}>
          <Select
            loading={standards.isFetching}
            placeholder={t('common.select')}
            options={standards.data?.items
              .filter((s) => s.id !== standardId)
              .map((s) => ({ value: s.id, label: `${s.name}${s.sample ? `（${m('sample')}）` : ''}` }))}
            onChange={() => form.setFieldValue('linkedNodeId', undefined)}
            data-testid="link-standard"
          />
        </Form.Item>
        <Form.Item name="linkedNodeId" label={m('linkIndicator')} rules={[required(m('linkIndicator'))]}>
          <Select
            showSearch={{ optionFilterProp: 'search' }}
            disabled={!linkedStandardId}
            loading={linkedTree.isFetching}
            placeholder={linkedStandardId ? t('common.select') : m('chooseStandardFirst')}
            options={linkedTree.data?.nodes.map(nodeOption)}
            data-testid="link-linked-node"
          />
        </Form.Item>
        <Form.Item name="note" label={t('common.note')}>
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
