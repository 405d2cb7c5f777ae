import { PlusOutlined } from '@ant-design/icons';
import { ROLE_LABELS, ROLES, type Role, type User } from '@chuangcheng/contracts';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Input, Popconfirm, Select, Space, Table, type TableColumnsType, Tag } from 'antd';
import { useState } from 'react';
import { ExportButton } from '../../../components/export-button';
import { listPagination } from '../../../components/list-pagination';
import { ListToolbar } from '../../../components/list-toolbar';
import { PageHeader } from '../../../components/page-header';
import { QueryError } from '../../../components/query-error';
import { errorMessage } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import { useListParams } from '../../../lib/list-params';
import { regionTreeQueryOptions } from '../../../lib/lookups';
import { useMe } from '../../../lib/session';
import { useUnitNames } from '../api/list-unit-names';
import { useUsers } from '../api/list-users';
import { useUpdateUser } from '../api/update-user';
import { PortalCityCard } from './portal-city-card';
import { ResetPasswordModal } from './reset-password-modal';
import { UserFormDrawer } from './user-form-drawer';

const FILTERS = ['role'] as const;
const ROLE_COLORS: Record<Role, string> = {
  admin: 'magenta',
  office: 'red',
  leader: 'gold',
  unit: 'blue',
  grid_worker: 'green',
  inspector: 'purple',
};

export default function UsersPage() {
  const me = useMe();
  const { t, l, locale } = useI18n();
  const { message } = App.useApp();
  const list = useListParams(FILTERS);
  const users = useUsers(list.query);
  const regions = useQuery(regionTreeQueryOptions);
  const unitNames = useUnitNames();
  const update = useUpdateUser();
  const [editing, setEditing] = useState<User | null>(null);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [resetting, setResetting] = useState<User | null>(null);

  const openForm = (user: User | null) => {
    setEditing(user);
    setDrawerOpen(true);
  };

  const setDisabled = (user: User, disabled: boolean) =>
    update
      .mutateAsync({ id: user.id, body: { disabled } })
      .then(() => message.success(t('common.saved')))
      .catch((error: unknown) => message.error(errorMessage(error, locale)));

  const columns: TableColumnsType<User> = [
    { title: t('users.username'), dataIndex: 'username', className: 'cc-mono' },
    { title: t('users.displayName'), dataIndex: 'displayName' },
    {
      title: t('users.role'),
      dataIndex: 'role',
      render: (role: Role | null) =>
        role ? <Tag color={ROLE_COLORS[role]}>{l(ROLE_LABELS[role])}</Tag> : <Tag>{t('users.noCity')}</Tag>,
    },
    {
      title: t('users.region'),
      dataIndex: 'regionId',
      render: (id: string | null) => (id ? (regions.data?.byId.get(id)?.name ?? '…') : t('layout.scopeAll')),
    },
    {
      title: t('users.unit'),
      dataIndex: 'unitId',
      render: (id: string | null) => (id ? (unitNames.data?.get(id) ?? '…') : '—'),
    },
    {
      title: t('users.status'),
      key: 'status',
      render: (_, user) =>
        user.disabled ? (
          <Tag color="red">{t('users.disabled')}</Tag>
        ) : user.lockedUntil && new Date(user.lockedUntil) > new Date() ? (
          <Tag color="orange">{t('users.locked')}</Tag>
        ) : (
          <Tag color="green">{t('users.enabled')}</Tag>
        ),
    },
    {
      title: t('users.lastLogin'),
      dataIndex: 'lastLoginAt',
      render: (v: string | null) => formatDateTime(v, locale),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      render: (_, user) => (
        <Space size={0} wrap>
          <Button type="link" size="small" onClick={() => openForm(user)}>
            {t('common.edit')}
          </Button>
          <Button type="link" size="small" onClick={() => setResetting(user)}>
            {t('users.resetPassword')}
          </Button>
          {user.id !== me.id &&
            (user.disabled ? (
              <Button type="link" size="small" onClick={() => setDisabled(user, false)}>
                {t('users.enable')}
              </Button>
            ) : (
              <Popconfirm
                title={t('users.disableConfirm')}
                okText={t('users.disable')}
                cancelText={t('common.cancel')}
                okButtonProps={{ danger: true }}
                onConfirm={() => setDisabled(user, true)}
              >
                <Button type="link" size="small" danger>
                  {t('users.disable')}
                </Button>
              </Popconfirm>
            ))}
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        extra={
          <>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => openForm(null)}>
              {t('common.create')}
            </Button>
            <ExportButton entity="users" query={list.query} />
          </>
        }
      />
      <PortalCityCard />
      <ListToolbar
        activeFilters={Object.keys(list.filters).length}
        search={
          <Input.Search
            key={list.q}
            defaultValue={list.q}
            allowClear
            placeholder={t('users.searchPlaceholder')}
            onSearch={(q) => list.update({ q })}
          />
        }
        filters={
          <Select<Role>
            allowClear
            placeholder={t('users.role')}
            value={list.filters.role as Role | undefined}
            onChange={(role) => list.update({ role })}
            options={ROLES.map((r) => ({ value: r, label: l(ROLE_LABELS[r]) }))}
            style={{ minWidth: 140 }}
          />
        }
      />
      {users.isError && <QueryError error={users.error} onRetry={() => users.refetch()} />}
      <Table<User>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={users.data?.items}
        loading={users.isFetching}
        pagination={listPagination(list, users.data?.total)}
        scroll={{ x: 'max-content' }}
      />
      <UserFormDrawer
        open={drawerOpen}
        user={editing}
        unitName={editing?.unitId ? unitNames.data?.get(editing.unitId) : undefined}
        onClose={() => setDrawerOpen(false)}
      />
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
    </>
  );
}
