import { ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { UNIT_KIND_LABELS, UNIT_KINDS, type Unit, type UnitKind } from '@chuangcheng/contracts';
import { Button, Input, Select, Space, Table, type TableColumnsType, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { DeleteButton } from '../../../components/delete-button';
import { ExportButton } from '../../../components/export-button';
import { listPagination } from '../../../components/list-pagination';
import { ListToolbar } from '../../../components/list-toolbar';
import { PageHeader } from '../../../components/page-header';
import { RegionTreeSelect } from '../../../components/pickers/region-tree-select';
import { QueryError } from '../../../components/query-error';
import { canWrite } from '../../../lib/access';
import { useI18n } from '../../../lib/i18n';
import { useListParams } from '../../../lib/list-params';
import { useMe } from '../../../lib/session';
import { useDeleteUnit } from '../api/delete-unit';
import { useUnits } from '../api/list-units';
import { UnitFormDrawer } from './unit-form-drawer';

const FILTERS = ['kind', 'regionId'] as const;
const KIND_COLORS: Record<UnitKind, string> = {
  department: 'blue',
  street: 'green',
  community: 'cyan',
  other: 'default',
};

export default function UnitsPage() {
  const me = useMe();
  const { t, l } = useI18n();
  const list = useListParams(FILTERS);
  const units = useUnits(list.query);
  const remove = useDeleteUnit();
  const [editing, setEditing] = useState<Unit | null>(null);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const writable = canWrite(me.role, 'units');

  const openForm = (unit: Unit | null) => {
    setEditing(unit);
    setDrawerOpen(true);
  };

  const columns: TableColumnsType<Unit> = [
    { title: t('common.code'), dataIndex: 'code', width: 120, className: 'cc-mono' },
    { title: t('common.name'), dataIndex: 'name', ellipsis: true },
    {
      title: t('units.kind'),
      dataIndex: 'kind',
      width: 150,
      render: (kind: UnitKind) => <Tag color={KIND_COLORS[kind]}>{l(UNIT_KIND_LABELS[kind])}</Tag>,
    },
    { title: t('units.region'), dataIndex: 'regionName', render: (v: string | null) => v ?? '—' },
    { title: t('units.parent'), dataIndex: 'parentName', render: (v: string | null) => v ?? '—' },
    {
      title: t('units.contactName'),
      dataIndex: 'contactName',
      width: 100,
      render: (v: string | null) => v ?? '—',
    },
    {
      title: t('units.contactPhone'),
      dataIndex: 'contactPhone',
      width: 140,
      render: (v: string | null) => v ?? '—',
    },
  ];
  if (writable) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 130,
      fixed: 'right',
      render: (_, unit) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => openForm(unit)}>
            {t('common.edit')}
          </Button>
          <DeleteButton name={unit.name} onConfirm={() => remove.mutateAsync(unit.id)} />
        </Space>
      ),
    });
  }

  return (
    <>
      <PageHeader
        extra={
          <>
            {writable && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => openForm(null)}
                data-testid="create-unit"
              >
                {t('common.create')}
              </Button>
            )}
            {canWrite(me.role, 'imports') && (
              <Link to="/imports?kind=units">
                <Button icon={<ImportOutlined />}>{t('common.import')}</Button>
              </Link>
            )}
            <ExportButton entity="units" query={list.query} />
          </>
        }
      />
      <ListToolbar
        activeFilters={Object.keys(list.filters).length}
        search={
          <Input.Search
            key={list.q}
            defaultValue={list.q}
            allowClear
            placeholder={t('common.searchPlaceholder')}
            onSearch={(q) => list.update({ q })}
            data-testid="list-search"
          />
        }
        filters={
          <>
            <Select<UnitKind>
              allowClear
              placeholder={t('units.kind')}
              value={list.filters.kind as UnitKind | undefined}
              onChange={(kind) => list.update({ kind })}
              options={UNIT_KINDS.map((k) => ({ value: k, label: l(UNIT_KIND_LABELS[k]) }))}
              style={{ minWidth: 160 }}
            />
            <RegionTreeSelect
              placeholder={t('units.region')}
              value={list.filters.regionId}
              onChange={(regionId) => list.update({ regionId })}
            />
          </>
        }
      />
      {units.isError && <QueryError error={units.error} onRetry={() => units.refetch()} />}
      <Table<Unit>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={units.data?.items}
        loading={units.isFetching}
        pagination={listPagination(list, units.data?.total)}
        scroll={{ x: 'max-content' }}
        data-testid="units-table"
      />
      {writable && <UnitFormDrawer open={drawerOpen} unit={editing} onClose={() => setDrawerOpen(false)} />}
    </>
  );
}
