import type { CatalogVersion } from '@chuangcheng/contracts';
import { App, Button, Modal, Popconfirm, Table, type TableColumnsType, Tag } from 'antd';
import { QueryError } from '../../../components/query-error';
import { errorMessage } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import { useActivateCatalogVersion } from '../api/activate-version';
import { useCatalogVersions } from '../api/list-versions';

/** 版本: every catalogue version (an import adds one); writers switch the active one. */
export function CatalogVersionsModal({
  open,
  onClose,
  writable,
}: {
  open: boolean;
  onClose: () => void;
  writable: boolean;
}) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const versions = useCatalogVersions();
  const activate = useActivateCatalogVersion();

  const onActivate = (v: CatalogVersion) =>
    activate
      .mutateAsync(v.id)
      .then(() => message.success(t('catalog.activated', { n: v.version })))
      .catch((error: unknown) => message.error(errorMessage(error, locale)));

  const columns: TableColumnsType<CatalogVersion> = [
    {
      title: t('catalog.version'),
      dataIndex: 'version',
      width: 90,
      render: (n: number) => <span className="cc-mono">v{n}</span>,
    },
    { title: t('common.note'), dataIndex: 'note', render: (v: string | null) => v ?? '—' },
    { title: t('catalog.categoryCount'), dataIndex: 'categoryCount', width: 90, align: 'right' },
    {
      title: t('catalog.createdAt'),
      dataIndex: 'createdAt',
      width: 170,
      render: (v: string) => formatDateTime(v, locale),
    },
    {
      title: t('catalog.status'),
      key: 'active',
      width: 110,
      fixed: 'right',
      render: (_, v) =>
        v.active ? (
          <Tag color="green">{t('catalog.active')}</Tag>
        ) : writable ? (
          <Popconfirm
            title={t('catalog.activateConfirm', { n: v.version })}
            okText={t('catalog.activate')}
            cancelText={t('common.cancel')}
            onConfirm={() => onActivate(v)}
          >
            <Button size="small" type="link" loading={activate.isPending && activate.variables === v.id}>
              {t('catalog.activate')}
            </Button>
          </Popconfirm>
        ) : (
          '—'
        ),
    },
  ];

  return (
    <Modal
      open={open}
      title={t('catalog.versionsTitle')}
      onCancel={onClose}
      footer={<Button onClick={onClose}>{t('common.close')}</Button>}
      width={760}
    >
      {versions.isError && <QueryError error={versions.error} onRetry={() => versions.refetch()} />}
      <Table<CatalogVersion>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={[...(versions.data ?? [])].sort((a, b) => b.version - a.version)}
        loading={versions.isFetching}
        pagination={false}
        scroll={{ x: 'max-content', y: 420 }}
        data-testid="catalog-versions"
      />
    </Modal>
  );
}
