import { EnvironmentOutlined, ImportOutlined, PlusOutlined } from '@ant-design/icons';
import type { Grid, Ref } from '@chuangcheng/contracts';
import { Button, Input, Space, Table, type TableColumnsType, Tooltip } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { DeleteButton } from '../../../components/delete-button';
import { ExportButton } from '../../../components/export-button';
import { listPagination } from '../../../components/list-pagination';
import { ListToolbar } from '../../../components/list-toolbar';
import { PageHeader } from '../../../components/page-header';
import { BlockSelect, UnitSelect } from '../../../components/pickers/entity-pickers';
import { RegionTreeSelect } from '../../../components/pickers/region-tree-select';
import { QueryError } from '../../../components/query-error';
import { canWrite } from '../../../lib/access';
import { formatArea, formatDate } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import { useListParams } from '../../../lib/list-params';
import { useMe } from '../../../lib/session';
import { useDeleteGrid } from '../api/delete-grid';
import { useGrids } from '../api/list-grids';
import { GridFormDrawer } from './grid-form-drawer';

const FILTERS = ['regionId', 'blockId', 'leadUnitId', 'asOf'] as const;
const refName = (ref: Ref | null) => ref?.name ?? '—';

export default function GridsPage() {
  const me = useMe();
  const { t, locale } = useI18n();
  const list = useListParams(FILTERS);
  const grids = useGrids(list.query);
  const remove = useDeleteGrid();
  const [editing, setEditing] = useState<Grid | null>(null);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const writable = canWrite(me.role, 'grids');
  const historical = Boolean(list.filters.asOf);

  const openForm = (grid: Grid | null) => {
    setEditing(grid);
    setDrawerOpen(true);
  };

  const columns: TableColumnsType<Grid> = [
    { title: t('common.code'), dataIndex: 'code', width: 160, className: 'cc-mono' },
    { title: t('common.name'), dataIndex: 'name', ellipsis: true },
    {
      title: t('grids.community'),
      dataIndex: 'community',
      render: (community: Ref | null, grid) => (
        <Tooltip title={[grid.district?.name, grid.street?.name].filter(Boolean).join(' / ')}>
          {refName(community)}
        </Tooltip>
      ),
    },
    { title: t('grids.street'), dataIndex: 'street', render: refName },
    { title: t('grids.block'), dataIndex: 'block', render: refName },
    { title: t('grids.leadUnit'), dataIndex: 'leadUnit', render: refName },
    {
      title: t('grids.area'),
      dataIndex: 'areaM2',
      align: 'right',
      width: 120,
      render: (m2: number) => formatArea(m2, locale),
    },
    { title: t('grids.validFrom'), dataIndex: 'validFrom', width: 110, render: formatDate },
  ];
  if (historical)
    columns.push({ title: t('grids.validTo'), dataIndex: 'validTo', width: 110, render: formatDate });
  columns.push({
    title: t('common.actions'),
    key: 'actions',
    width: writable ? 190 : 80,
    fixed: 'right',
    render: (_, grid) => (
      <Space size={0}>
        <Link to={`/map?grid=${grid.id}`}>
          <Button type="link" size="small" icon={<EnvironmentOutlined />}>
            {t('common.viewOnMap')}
          </Button>
        </Link>
        {writable && !historical && (
          <>
            <Button type="link" size="small" onClick={() => openForm(grid)}>
              {t('common.edit')}
            </Button>
            <DeleteButton name={grid.name} onConfirm={() => remove.mutateAsync(grid.id)} />
          </>
        )}
      </Space>
    ),
  });

  return (
    <>
      <PageHeader
        extra={
          <>
            {writable && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => openForm(null)}>
                {t('common.create')}
              </Button>
            )}
            {canWrite(me.role, 'imports') && (
              <Link to="/imports?kind=grids-geojson">
                <Button icon={<ImportOutlined />}>{t('common.import')}</Button>
              </Link>
            )}
            <ExportButton entity="grids" query={list.query} />
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
          />
        }
        filters={
          <>
            <RegionTreeSelect
              placeholder={t('grids.region')}
              value={list.filters.regionId}
              onChange={(regionId) => list.update({ regionId })}
            />
            <BlockSelect
              placeholder={t('grids.block')}
              value={list.filters.blockId}
              onChange={(blockId) => list.update({ blockId })}
            />
            <UnitSelect
              placeholder={t('grids.leadUnit')}
              value={list.filters.leadUnitId}
              onChange={(leadUnitId) => list.update({ leadUnitId })}
            />
            <Input
              type="date"
              prefix={<span className="cc-muted">{t('grids.asOf')}</span>}
              aria-label={t('grids.asOf')}
              value={list.filters.asOf ?? ''}
              onChange={(e) => list.update({ asOf: e.target.value })}
              allowClear
              style={{ width: 230 }}
            />
          </>
        }
      />
      {grids.isError && <QueryError error={grids.error} onRetry={() => grids.refetch()} />}
      <Table<Grid>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={grids.data?.items}
        loading={grids.isFetching}
        pagination={listPagination(list, grids.data?.total)}
        scroll={{ x: 'max-content' }}
      />
      {writable && <GridFormDrawer open={drawerOpen} grid={editing} onClose={() => setDrawerOpen(false)} />}
    </>
  );
}
