import { PlusOutlined } from '@ant-design/icons';
import type { Block, Ref } from '@chuangcheng/contracts';
import { Button, Input, Space, Table, type TableColumnsType, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { DeleteButton } from '../../../components/delete-button';
import { ExportButton } from '../../../components/export-button';
import { listPagination } from '../../../components/list-pagination';
import { ListToolbar } from '../../../components/list-toolbar';
import { PageHeader } from '../../../components/page-header';
import { UnitSelect } from '../../../components/pickers/entity-pickers';
import { QueryError } from '../../../components/query-error';
import { canWrite } from '../../../lib/access';
import { useI18n } from '../../../lib/i18n';
import { useListParams } from '../../../lib/list-params';
import { useMe } from '../../../lib/session';
import { useDeleteBlock } from '../api/delete-block';
import { useBlocks } from '../api/list-blocks';
import { BlockFormDrawer } from './block-form-drawer';

const FILTERS = ['leadUnitId'] as const;

function UnitTags({ units }: { units: Ref[] }) {
  if (!units.length) return <span className="cc-muted">—</span>;
  const shown = units.slice(0, 3);
  return (
    <>
      {shown.map((u) => (
        <Tag key={u.id}>{u.name}</Tag>
      ))}
      {units.length > shown.length && (
        <Tooltip
          title={units
            .slice(3)
            .map((u) => u.name)
            .join('、')}
        >
          <Tag>+{units.length - shown.length}</Tag>
        </Tooltip>
      )}
    </>
  );
}

export default function BlocksPage() {
  const me = useMe();
  const { t } = useI18n();
  const list = useListParams(FILTERS);
  const blocks = useBlocks(list.query);
  const remove = useDeleteBlock();
  const [editing, setEditing] = useState<Block | null>(null);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const writable = canWrite(me.role, 'blocks');

  const openForm = (block: Block | null) => {
    setEditing(block);
    setDrawerOpen(true);
  };

  const columns: TableColumnsType<Block> = [
    { title: t('common.code'), dataIndex: 'code', width: 100, className: 'cc-mono' },
    { title: t('common.name'), dataIndex: 'name' },
    {
      title: t('blocks.leadUnit'),
      dataIndex: ['leadUnit', 'name'],
      render: (v: string | undefined) => v ?? '—',
    },
    {
      title: t('blocks.responsibleUnits'),
      dataIndex: 'responsibleUnits',
      render: (units: Ref[]) => <UnitTags units={units} />,
    },
    {
      title: t('blocks.leader'),
      dataIndex: 'leaderName',
      width: 110,
      render: (v: string | null) => v ?? '—',
    },
    {
      title: t('blocks.gridCount'),
      dataIndex: 'gridCount',
      width: 90,
      align: 'right',
      render: (n: number, block) => <Link to={`/grids?blockId=${block.id}`}>{n}</Link>,
    },
    { title: t('common.note'), dataIndex: 'note', ellipsis: true, render: (v: string | null) => v ?? '—' },
  ];
  if (writable) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 130,
      fixed: 'right',
      render: (_, block) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => openForm(block)}>
            {t('common.edit')}
          </Button>
          <DeleteButton name={block.name} onConfirm={() => remove.mutateAsync(block.id)} />
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
              <Button type="primary" icon={<PlusOutlined />} onClick={() => openForm(null)}>
                {t('common.create')}
              </Button>
            )}
            <ExportButton entity="blocks" query={list.query} />
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
          <UnitSelect
            placeholder={t('blocks.leadUnit')}
            value={list.filters.leadUnitId}
            onChange={(leadUnitId) => list.update({ leadUnitId })}
          />
        }
      />
      {blocks.isError && <QueryError error={blocks.error} onRetry={() => blocks.refetch()} />}
      <Table<Block>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={blocks.data?.items}
        loading={blocks.isFetching}
        pagination={listPagination(list, blocks.data?.total)}
        scroll={{ x: 'max-content' }}
      />
      {writable && <BlockFormDrawer open={drawerOpen} block={editing} onClose={() => setDrawerOpen(false)} />}
    </>
  );
}
