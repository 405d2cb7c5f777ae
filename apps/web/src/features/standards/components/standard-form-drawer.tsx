import {
  CAMPAIGN_TYPE_LABELS,
  CAMPAIGN_TYPES,
  type CreateStandard,
  type Standard,
} from '@chuangcheng/contracts';
import { App, Form, Input, InputNumber, Select } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { FormDrawer } from '../../../components/form-drawer';
import { errorMessage } from '../../../lib/api-client';
import { applyFieldErrors } from '../../../lib/form-errors';
import { useI18n } from '../../../lib/i18n';
import { useCreateStandard } from '../api/create-standard';
import { useUpdateStandard } from '../api/update-standard';
import { useMessages } from '../messages';

const FIELDS = ['code', 'name', 'type', 'totalPoints', 'passScore', 'basicScore', 'note'] as const;

/** The order the thresholds must keep: basic ≤ pass ≤ total. */
export function thresholdRule(m: ReturnType<typeof useMessages>) {
  return ({ getFieldValue }: { getFieldValue: (name: string) => unknown }) => ({
    validator: () => {
      const total = Number(getFieldValue('totalPoints'));
      const pass = Number(getFieldValue('passScore'));
      const basic = Number(getFieldValue('basicScore'));
      return basic <= pass && pass <= total
        ? Promise.resolve()
        : Promise.reject(new Error(m('thresholdOrder')));
    },
  });
}

/** 新建标准 (standard = null; opens the new standard afterwards) or edit its header. */
export function StandardFormDrawer({
  open,
  standard,
  onClose,
}: {
  open: boolean;
  standard: Standard | null;
  onClose: () => void;
}) {
  const { t, l, locale } = useI18n();
  const m = useMessages();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<CreateStandard>();
  const create = useCreateStandard();
  const update = useUpdateStandard();
  const [formError, setFormError] = useState<string | null>(null);

  const close = () => {
    setFormError(null);
    onClose();
  };

  const submit = async () => {
    const values = await form.validateFields();
    const body: CreateStandard = {
      code: values.code.trim(),
      name: values.name.trim(),
      type: values.type,
      totalPoints: values.totalPoints,
      passScore: values.passScore,
      basicScore: values.basicScore,
      ...(values.note?.trim() ? { note: values.note.trim() } : {}),
    };
    setFormError(null);
    const onError = (error: unknown) => {
      if (!applyFieldErrors(form, error, FIELDS)) setFormError(errorMessage(error, locale));
    };
    if (standard) {
      update.mutate(
        { id: standard.id, body },
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
        onSuccess: (created) => {
          message.success(t('common.created'));
          close();
          navigate(`/standards/${created.id}`);
        },
        onError,
      });
    }
  };

  const threshold = thresholdRule(m);
  return (
    <FormDrawer
      open={open}
      title={standard ? m('edit') : m('create')}
      onClose={close}
      onSubmit={submit}
      submitting={create.isPending || update.isPending}
      error={formError}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={standard ?? { type: 'sanitary', totalPoints: 1000, passScore: 900, basicScore: 750 }}
        data-testid="standard-form"
      >
        <Form.Item
          name="code"
          label={t('common.code')}
          extra={m('codeHint')}
          rules={[
            { required: true, whitespace: true, message: t('common.required', { field: t('common.code') }) },
          ]}
        >
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('common.name')}
          rules={[
            { required: true, whitespace: true, message: t('common.required', { field: t('common.name') }) },
          ]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="type" label={m('type')} rules={[{ required: true }]}>
          <Select options={CAMPAIGN_TYPES.map((k) => ({ value: k, label: l(CAMPAIGN_TYPE_LABELS[k]) }))} />
        </Form.Item>
        <Form.Item name="totalPoints" label={m('totalPoints')} rules={[{ required: true }]}>
          <InputNumber min={1} max={100000} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="passScore"
          label={m('passScore')}
          dependencies={['totalPoints', 'basicScore']}
          rules={[{ required: true }, threshold]}
        >
          <InputNumber min={0} max={100000} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="basicScore"
          label={m('basicScore')}
          dependencies={['totalPoints', 'passScore']}
          rules={[{ required: true }, threshold]}
        >
          <InputNumber min={0} max={100000} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="note" label={t('common.note')}>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 2 }} />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
