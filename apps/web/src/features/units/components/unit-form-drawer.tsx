import { type CreateUnit, UNIT_KIND_LABELS, UNIT_KINDS, type Unit } from '@chuangcheng/contracts';
import { App, Form, Input, Select } from 'antd';
import { useState } from 'react';
import { FormDrawer } from '../../../components/form-drawer';
import { UnitSelect } from '../../../components/pickers/entity-pickers';
import { RegionTreeSelect } from '../../../components/pickers/region-tree-select';
import { errorMessage } from '../../../lib/api-client';
import { applyFieldErrors } from '../../../lib/form-errors';
import { useI18n } from '../../../lib/i18n';
import { useCreateUnit } from '../api/create-unit';
import { useUpdateUnit } from '../api/update-unit';

const FIELDS = [
  'code',
  'name',
  'kind',
  'parentId',
  'regionId',
  'contactName',
  'contactPhone',
  'address',
] as const;

const blankToNull = (v: string | null | undefined) => (v?.trim() ? v.trim() : null);

/** Create (unit = null) or edit a unit. */
export function UnitFormDrawer({
  open,
  unit,
  onClose,
}: {
  open: boolean;
  unit: Unit | null;
  onClose: () => void;
}) {
  const { t, l, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<CreateUnit>();
  const create = useCreateUnit();
  const update = useUpdateUnit();
  const [formError, setFormError] = useState<string | null>(null);

  const close = () => {
    setFormError(null);
    onClose();
  };

  const submit = async () => {
    const values = await form.validateFields();
    const body: CreateUnit = {
      code: values.code.trim(),
      name: values.name.trim(),
      kind: values.kind,
      parentId: values.parentId ?? null,
      regionId: values.regionId ?? null,
      contactName: blankToNull(values.contactName),
      contactPhone: blankToNull(values.contactPhone),
      address: blankToNull(values.address),
    };
    setFormError(null);
    const onError = (error: unknown) => {
      if (!applyFieldErrors(form, error, FIELDS)) setFormError(errorMessage(error, locale));
    };
    if (unit) {
      update.mutate(
        { id: unit.id, body },
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

  return (
    <FormDrawer
      open={open}
      title={unit ? t('units.editTitle') : t('units.createTitle')}
      onClose={close}
      onSubmit={submit}
      submitting={create.isPending || update.isPending}
      error={formError}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={unit ?? { kind: 'department' }}
        data-testid="unit-form"
      >
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
        <Form.Item name="kind" label={t('units.kind')} rules={[{ required: true }]}>
          <Select options={UNIT_KINDS.map((k) => ({ value: k, label: l(UNIT_KIND_LABELS[k]) }))} />
        </Form.Item>
        <Form.Item name="regionId" label={t('units.region')}>
          <RegionTreeSelect />
        </Form.Item>
        <Form.Item name="parentId" label={t('units.parent')}>
          <UnitSelect known={unit?.parentId ? [{ id: unit.parentId, name: unit.parentName ?? '' }] : []} />
        </Form.Item>
        <Form.Item name="contactName" label={t('units.contactName')}>
          <Input maxLength={32} />
        </Form.Item>
        <Form.Item name="contactPhone" label={t('units.contactPhone')}>
          <Input maxLength={32} inputMode="tel" />
        </Form.Item>
        <Form.Item name="address" label={t('units.address')}>
          <Input.TextArea maxLength={128} autoSize={{ minRows: 2 }} />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
