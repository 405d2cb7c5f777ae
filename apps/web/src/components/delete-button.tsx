import { App, Button, Popconfirm } from 'antd';
import { errorMessage } from '../lib/api-client';
import { useI18n } from '../lib/i18n';

/**
 * A row's "删除" with its confirmation; it reports the outcome itself (已删除, or the API's message),
 * so every list deletes the same way. `onDeleted` runs after a successful delete.
 */
export function DeleteButton({
  name,
  onConfirm,
  onDeleted,
  loading,
}: {
  name: string;
  onConfirm: () => Promise<unknown>;
  onDeleted?: () => void;
  loading?: boolean;
}) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const confirm = () =>
    onConfirm()
      .then(() => {
        message.success(t('common.deleted'));
        onDeleted?.();
      })
      .catch((error: unknown) => message.error(errorMessage(error, locale)));
  return (
    <Popconfirm
      title={t('common.deleteConfirm', { name })}
      okText={t('common.delete')}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: true }}
      onConfirm={confirm}
    >
      <Button type="link" size="small" danger loading={loading}>
        {t('common.delete')}
      </Button>
    </Popconfirm>
  );
}
