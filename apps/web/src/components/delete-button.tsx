import { Button, Popconfirm } from 'antd';
import { useI18n } from '../lib/i18n';

/** A row's "删除" with its confirmation. */
export function DeleteButton({
  name,
  onConfirm,
  loading,
}: {
  name: string;
  onConfirm: () => Promise<unknown>;
  loading?: boolean;
}) {
  const { t } = useI18n();
  return (
    <Popconfirm
      title={t('common.deleteConfirm', { name })}
      okText={t('common.delete')}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: true }}
      onConfirm={onConfirm}
    >
      <Button type="link" size="small" danger loading={loading}>
        {t('common.delete')}
      </Button>
    </Popconfirm>
  );
}
