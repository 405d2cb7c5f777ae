import type { Block, CreateBlock } from '@chuangcheng/contracts';
import { App, Form, Input } from 'antd';
import { useState } from 'react';
import { FormDrawer } from '../../../components/form-drawer';
import { PersonSelect, UnitMultiSelect, UnitSelect } from '../../../components/pickers/entity-pickers';
import { errorMessage } from '../../../lib/api-client';
import { applyFieldErrors } from '../../../lib/form-errors';
import { useI18n } from '../../../lib/i18n';
import { useCreateBlock } from '../api/create-block';
import { useUpdateBlock } from '../api/update-block';

interface Values {
  code: string;
  name: string;
  leadUnitId: string;
  responsibleUnitIds: string[];
  leaderId: string | null;
  note: string | null;
  gridCodes: string;
}

const FIELDS = ['code', 'name', 'leadUnitId', 'responsibleUnitIds', 'leaderId', 'note', 'gridCodes'] as const;

/** Create (block = null) or edit a responsibility block (责任区块) with its lead and responsible units. */
export function BlockFormDrawer({
  open,
  block,
  onClose,
}: {
  open: boolean;
  block: Block | null;
  onClose: () => void;
}) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateBlock();
  const update = useUpdateBlock();
  const [formError, setFormError] = useState<string | null>(null);

  const close = () => {
    setFormError(null);
    onClose();
  };

  const submit = async () => {
    const values = await form.validateFields();
    const gridCodes = (values.gridCodes ?? '')
      .split(/[\s,，;；]+/)
      .map((c) => c.trim())
      .filter(Boolean);
    const body: CreateBlock = {
      code: values.code.trim(),
      name: values.name.trim(),
      leadUnitId: values.leadUnitId,
      responsibleUnitIds: values.responsibleUnitIds ?? [],
      leaderId: values.leaderId ?? null,
      note: values.note?.trim() || null,
      ...(gridCodes.length ? { gridCodes } : {}),
    };
    setFormError(null);
    const onError = (error: unknown) => {
      if (!applyFieldErrors(form, error, FIELDS)) setFormError(errorMessage(error, locale));
    };
    if (block) {
      update.mutate(
        { id: block.id, body },
        {
          onSuccess: () => {
            message.success(t('common.saved'));
            close();
          },
          onError,
        },
      );
    } else {
      create.mutate(body, {
        onSuccess: () => {
          message.success(t('common.created'));
          close();
        },
        onError,
      });
    }
  };

  const initial: Partial<Values> = block
    ? {
        code: block.code,
        name: block.name,
        leadUnitId: block.leadUnit?.id,
        responsibleUnitIds: block.responsibleUnits.map((u) => u.id),
        leaderId: block.leaderId,
        note: block.note,
      }
    : { responsibleUnitIds: [] };

  return (
    <FormDrawer
      open={open}
      title={block ? t('blocks.editTitle') : t('blocks.createTitle')}
      onClose={close}
      onSubmit={submit}
      submitting={create.isPending || update.isPending}
      error={formError}
      width={560}
    >
      <Form form={form} layout="vertical" initialValues={initial}>
        <Form.Item
          name="code"
          label={t('common.code')}
          rules={[
            { required: true, whitespace: true, message: t('common.required', { field: t('common.code') }) },
          ]}
        >
          <Input maxLength={32} />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('common.name')}
          rules={[
            { required: true, whitespace: true, message: t('common.required', { field: t('common.name') }) },
          ]}
        >
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item
          name="leadUnitId"
          label={t('blocks.leadUnit')}
          rules={[{ required: true, message: t('common.required', { field: t('blocks.leadUnit') }) }]}
        >
          <UnitSelect known={[block?.leadUnit]} />
        </Form.Item>
        <Form.Item name="responsibleUnitIds" label={t('blocks.responsibleUnits')}>
          <UnitMultiSelect known={block?.responsibleUnits} />
        </Form.Item>
        <Form.Item name="leaderId" label={t('blocks.leader')}>
          <PersonSelect
            duty="sponsor_leader"
            known={block?.leaderId ? [{ id: block.leaderId, name: block.leaderName ?? '' }] : []}
          />
        </Form.Item>
        <Form.Item name="gridCodes" label={t('blocks.gridCodes')} extra={t('blocks.gridCodesHint')}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} className="cc-mono" />
        </Form.Item>
        <Form.Item name="note" label={t('common.note')}>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 2 }} />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
