import { type CreatePerson, PERSON_DUTIES, PERSON_DUTY_LABELS, type Person } from '@chuangcheng/contracts';
import { App, Form, Input, Select } from 'antd';
import { useState } from 'react';
import { FormDrawer } from '../../../components/form-drawer';
import { UnitSelect } from '../../../components/pickers/entity-pickers';
import { errorMessage } from '../../../lib/api-client';
import { applyFieldErrors } from '../../../lib/form-errors';
import { useI18n } from '../../../lib/i18n';
import { useMe } from '../../../lib/session';
import { useCreatePerson } from '../api/create-person';
import { useUpdatePerson } from '../api/update-person';

const FIELDS = ['name', 'unitId', 'title', 'phone', 'duties'] as const;

/** Create (person = null) or edit a person. A unit user always works inside their own unit. */
export function PersonFormDrawer({
  open,
  person,
  onClose,
}: {
  open: boolean;
  person: Person | null;
  onClose: () => void;
}) {
  const me = useMe();
  const { t, l, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<CreatePerson>();
  const create = useCreatePerson();
  const update = useUpdatePerson();
  const [formError, setFormError] = useState<string | null>(null);
  const ownUnitOnly = me.role === 'unit';

  const close = () => {
    setFormError(null);
    onClose();
  };

  const submit = async () => {
    const values = await form.validateFields();
    const phone = values.phone?.trim() || null;
    const body: Partial<CreatePerson> = {
      name: values.name.trim(),
      unitId: values.unitId,
      title: values.title?.trim() || null,
      duties: values.duties ?? [],
    };
    // The list shows masked numbers (138****5678): only send the phone when it was really changed.
    if (!person || phone !== person.phone) body.phone = phone;
    setFormError(null);
    const onError = (error: unknown) => {
      if (!applyFieldErrors(form, error, FIELDS)) setFormError(errorMessage(error, locale));
    };
    if (person) {
      update.mutate(
        { id: person.id, body },
        {
          onSuccess: () => {
            message.success(t('common.saved'));
            close();
          },
          onError,
        },
      );
    } else {
      create.mutate(body as CreatePerson, {
        onSuccess: () => {
          message.success(t('common.created'));
          close();
        },
        onError,
      });
    }
  };

  const initial = person ?? { duties: [], unitId: ownUnitOnly ? (me.unitId ?? undefined) : undefined };
  const knownUnits = person
    ? [{ id: person.unitId, name: person.unitName }]
    : me.unitId
      ? [{ id: me.unitId, name: me.unitName ?? '' }]
      : [];

  return (
    <FormDrawer
      open={open}
      title={person ? t('people.editTitle') : t('people.createTitle')}
      onClose={close}
      onSubmit={submit}
      submitting={create.isPending || update.isPending}
      error={formError}
    >
      <Form form={form} layout="vertical" initialValues={initial}>
        <Form.Item
          name="name"
          label={t('people.name')}
          rules={[
            { required: true, whitespace: true, message: t('common.required', { field: t('people.name') }) },
          ]}
        >
          <Input maxLength={32} />
        </Form.Item>
        <Form.Item
          name="unitId"
          label={t('people.unit')}
          rules={[{ required: true, message: t('common.required', { field: t('people.unit') }) }]}
        >
          <UnitSelect known={knownUnits} disabled={ownUnitOnly} allowClear={false} />
        </Form.Item>
        <Form.Item name="title" label={t('people.title')}>
          <Input maxLength={32} />
        </Form.Item>
        <Form.Item name="phone" label={t('people.phone')}>
          <Input maxLength={20} inputMode="tel" />
        </Form.Item>
        <Form.Item name="duties" label={t('people.duties')}>
          <Select
            mode="multiple"
            options={PERSON_DUTIES.map((d) => ({ value: d, label: l(PERSON_DUTY_LABELS[d]) }))}
          />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
