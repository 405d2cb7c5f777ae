import {
  type CreateUser,
  ERRORS,
  isStrongPassword,
  ROLE_LABELS,
  ROLES,
  type Role,
  type User,
} from '@chuangcheng/contracts';
import { App, Form, Input, Select } from 'antd';
import { useState } from 'react';
import { FormDrawer } from '../../../components/form-drawer';
import { UnitSelect } from '../../../components/pickers/entity-pickers';
import { RegionTreeSelect } from '../../../components/pickers/region-tree-select';
import { errorMessage } from '../../../lib/api-client';
import { applyFieldErrors } from '../../../lib/form-errors';
import { useI18n } from '../../../lib/i18n';
import { useCreateUser } from '../api/create-user';
import { useUpdateUser } from '../api/update-user';

const FIELDS = ['username', 'displayName', 'password', 'role', 'regionId', 'unitId'] as const;

/** Create (user = null) or edit an account: role and scope (a region subtree, and a unit for unit users). */
export function UserFormDrawer({
  open,
  user,
  unitName,
  onClose,
}: {
  open: boolean;
  user: User | null;
  unitName?: string;
  onClose: () => void;
}) {
  const { t, l, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<CreateUser>();
  const role = Form.useWatch('role', form) as Role | undefined;
  const create = useCreateUser();
  const update = useUpdateUser();
  const [formError, setFormError] = useState<string | null>(null);

  const close = () => {
    setFormError(null);
    onClose();
  };

  const submit = async () => {
    const values = await form.validateFields();
    setFormError(null);
    const onError = (error: unknown) => {
      if (!applyFieldErrors(form, error, FIELDS)) setFormError(errorMessage(error, locale));
    };
    const scope = {
      regionId: values.role === 'admin' ? null : (values.regionId ?? null),
      unitId: values.role === 'unit' ? (values.unitId ?? null) : null,
    };
    if (user) {
      update.mutate(
        { id: user.id, body: { displayName: values.displayName.trim(), role: values.role, ...scope } },
        {
          onSuccess: () => {
            message.success(t('common.saved'));
            close();
          },
          onError,
        },
      );
    } else {
      create.mutate(
        {
          username: values.username.trim(),
          displayName: values.displayName.trim(),
          password: values.password,
          role: values.role,
          ...scope,
        },
        {
          onSuccess: () => {
            message.success(t('common.created'));
            close();
          },
          onError,
        },
      );
    }
  };

  return (
    <FormDrawer
      open={open}
      title={user ? t('users.editTitle') : t('users.createTitle')}
      onClose={close}
      onSubmit={submit}
      submitting={create.isPending || update.isPending}
      error={formError}
    >
      <Form form={form} layout="vertical" initialValues={user ?? { role: 'office' }} autoComplete="off">
        <Form.Item
          name="username"
          label={t('users.username')}
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('common.required', { field: t('users.username') }),
            },
          ]}
        >
          <Input disabled={Boolean(user)} maxLength={64} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t('users.displayName')}
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('common.required', { field: t('users.displayName') }),
            },
          ]}
        >
          <Input maxLength={64} />
        </Form.Item>
        {!user && (
          <Form.Item
            name="password"
            label={t('users.initialPassword')}
            extra={ERRORS.WEAK_PASSWORD[locale]}
            rules={[
              { required: true, message: t('common.required', { field: t('users.initialPassword') }) },
              {
                validator: (_, value: string | undefined) =>
                  !value || isStrongPassword(value)
                    ? Promise.resolve()
                    : Promise.reject(new Error(ERRORS.WEAK_PASSWORD[locale])),
              },
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        )}
        <Form.Item name="role" label={t('users.role')} rules={[{ required: true }]}>
          <Select options={ROLES.map((r) => ({ value: r, label: l(ROLE_LABELS[r]) }))} />
        </Form.Item>
        {role !== 'admin' && (
          // Every account but a system administrator belongs to a city: the city itself (city-wide) or a
          // region under it; a unit account may take its city from the unit instead.
          <Form.Item
            name="regionId"
            label={t('users.region')}
            extra={t('users.regionHint')}
            rules={[
              {
                required: role !== 'unit',
                message: t('common.required', { field: t('users.region') }),
              },
            ]}
          >
            <RegionTreeSelect />
          </Form.Item>
        )}
        {role === 'unit' && (
          <Form.Item
            name="unitId"
            label={t('users.unit')}
            rules={[{ required: true, message: t('common.required', { field: t('users.unit') }) }]}
          >
            <UnitSelect known={user?.unitId ? [{ id: user.unitId, name: unitName ?? '' }] : []} />
          </Form.Item>
        )}
      </Form>
    </FormDrawer>
  );
}
