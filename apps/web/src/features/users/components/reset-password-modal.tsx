import { ERRORS, isStrongPassword, type User } from '@chuangcheng/contracts';
import { Alert, App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../lib/api-client';
import { applyFieldErrors } from '../../../lib/form-errors';
import { useI18n } from '../../../lib/i18n';
import { useUpdateUser } from '../api/update-user';

/** An administrator sets a new password for someone who forgot theirs (PATCH /api/users/{id} {password}). */
export function ResetPasswordModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ password: string }>();
  const update = useUpdateUser();
  const [formError, setFormError] = useState<string | null>(null);

  const close = () => {
    setFormError(null);
    onClose();
  };

  const submit = async () => {
    if (!user) return;
    const { password } = await form.validateFields();
    setFormError(null);
    update.mutate(
      { id: user.id, body: { password } },
      {
        onSuccess: () => {
          message.success(t('users.resetDone'));
          close();
        },
        onError: (error) => {
          if (!applyFieldErrors(form, error, ['password'])) setFormError(errorMessage(error, locale));
        },
      },
    );
  };

  return (
    <Modal
      open={Boolean(user)}
      title={`${t('users.resetPassword')}：${user?.displayName ?? ''}（${user?.username ?? ''}）`}
      onCancel={close}
      onOk={submit}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={update.isPending}
      destroyOnHidden
    >
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical">
        <Form.Item
          name="password"
          label={t('auth.newPassword')}
          extra={ERRORS.WEAK_PASSWORD[locale]}
          rules={[
            { required: true, message: t('auth.passwordRequired') },
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
      </Form>
    </Modal>
  );
}
