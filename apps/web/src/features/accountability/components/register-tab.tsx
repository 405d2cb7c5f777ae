import { PlusOutlined } from '@ant-design/icons';
import { type Accountability, ACCOUNTABILITY_FIELD_LABELS as F } from '@chuangcheng/contracts';
import { Button, DatePicker, Flex, List, Select, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { DownloadButton } from '../../../components/download-button';
import { UnitSelect } from '../../../components/pickers/entity-pickers';
import { RegionTreeSelect } from '../../../components/pickers/region-tree-select';
import { QueryError } from '../../../components/query-error';
import { download } from '../../../lib/api-client';
import { useI18n } from '../../../lib/i18n';
import { useIsMobile } from '../../../lib/responsive';
import { useMe } from '../../../lib/session';
import { type RegisterFilters, useKinds, useRegister } from '../api/accountability';
import { NewEntryModal } from './new-entry-modal';

/** Who records a 问责 (the server checks the same). */
export const WRITERS = ['office', 'leader'];

/** The register's filter bar: unit, 情形, 方式 (or 未分类), period, district. */
export function FilterBar({
  value,
  onChange,
  kinds = true,
}: {
  value: RegisterFilters;
  onChange: (f: RegisterFilters) => void;
  kinds?: boolean;
}) {
  const { l } = useI18n();
  const me = useMe();
  const all = useKinds().data ?? [];
  const options = (type: 'situation' | 'method') => [
    ...all
      .filter((k) => k.type === type)
      .map((k) => ({ value: k.id, label: k.active ? k.name : `${k.name}（停用）` })),
    { value: 'none', label: '未分类' },
  ];
  const set = (patch: RegisterFilters) => onChange({ ...value, ...patch });
  return (
    <Flex wrap gap={8} data-testid="accountability-filters">
      {me.role !== 'unit' && (
        <UnitSelect
          value={value.unitId ?? null}
          onChange={(v) => set({ unitId: v ?? undefined })}
          placeholder={l(F.unitId)}
          allowClear
          style={{ width: 180 }}
        />
      )}
      {kinds && (
        <>
          <Select
            allowClear
            placeholder={l(F.situationId)}
            value={value.situationId}
            onChange={(v) => set({ situationId: v })}
            options={options('situation')}
            style={{ width: 220 }}
            data-testid="filter-situation"
          />
          <Select
            allowClear
            placeholder={l(F.methodId)}
            value={value.methodId}
            onChange={(v) => set({ methodId: v })}
            options={options('method')}
            style={{ width: 170 }}
            data-testid="filter-method"
          />
        </>
      )}
      <DatePicker.RangePicker
        inputReadOnly
        placeholder={['问责日期起', '止']}
        onChange={(r) =>
          set({
            from: r?.[0]?.format('YYYY-MM-DD') ?? undefined,
            to: r?.[1]?.format('YYYY-MM-DD') ?? undefined,
          })
        }
        style={{ width: 250 }}
      />
      {me.role !== 'unit' && (
        <RegionTreeSelect
          value={value.regionId ?? null}
          onChange={(v) => set({ regionId: v ?? undefined })}
          levels={['district', 'street']}
          placeholder="区域"
          style={{ width: 170 }}
        />
      )}
    </Flex>
  );
}

/** 问责登记: every entry in the reader's scope, filtered, with the Excel export and a new entry. */
/** On a phone: one card per entry (a unit reads its own list there). */
function MobileList({ items, loading }: { items: Accountability[]; loading: boolean }) {
  return (
    <List<Accountability>
      loading={loading}
      dataSource={items}
      locale={{ emptyText: '没有符合条件的问责记录' }}
      data-testid="accountability-table"
      renderItem={(a) => (
        <List.Item key={a.id}>
          <Flex vertical gap={4} style={{ width: '100%' }}>
            <Flex justify="space-between" gap={8}>
              <Typography.Text strong>{a.unit.name}</Typography.Text>
              <span className="cc-muted">{a.decidedOn}</span>
            </Flex>
            {a.personName && <span>{`${a.personName}${a.personPost ? `（${a.personPost}）` : ''}`}</span>}
            <Flex wrap gap={4}>
              <Tag>{a.situation?.name ?? '未分类'}</Tag>
              <Tag color={a.method ? 'red' : undefined}>{a.method?.name ?? '未分类'}</Tag>
            </Flex>
            <Typography.Paragraph style={{ margin: 0 }}>{a.text}</Typography.Paragraph>
            <Flex wrap gap={8}>
              {a.cases.map((c) => (
                <Link key={c.id} to={`/cases/${c.id}`} className="cc-mono">
                  {c.number}
                </Link>
              ))}
            </Flex>
          </Flex>
        </List.Item>
      )}
    />
  );
}

export function RegisterTab({
  filters,
  setFilters,
}: {
  filters: RegisterFilters;
  setFilters: (f: RegisterFilters) => void;
}) {
  const { l } = useI18n();
  const me = useMe();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [creating, setCreating] = useState(false);
  const isMobile = useIsMobile();
  const list = useRegister({ ...filters, ...page });
  const highlight = new URLSearchParams(window.location.search).get('id');

  const columns: TableColumnsType<Accountability> = [
    { title: l(F.decidedOn), dataIndex: 'decidedOn', width: 110 },
    {
      title: l(F.unitId),
      dataIndex: ['unit', 'name'],
      width: 150,
      render: (_, a) => <Typography.Text strong>{a.unit.name}</Typography.Text>,
    },
    {
      title: `${l(F.personName)} / ${l(F.personPost)}`,
      key: 'person',
      width: 150,
      render: (_, a) => (a.personName ? `${a.personName}${a.personPost ? `（${a.personPost}）` : ''}` : '—'),
    },
    {
      title: l(F.situationId),
      key: 'situation',
      width: 200,
      render: (_, a) => (a.situation ? a.situation.name : <Tag>未分类</Tag>),
    },
    {
      title: l(F.methodId),
      key: 'method',
      width: 130,
      render: (_, a) => <Tag color={a.method ? 'red' : undefined}>{a.method?.name ?? '未分类'}</Tag>,
    },
    {
      title: l(F.text),
      dataIndex: 'text',
      render: (v: string) => (
        <Typography.Paragraph ellipsis={{ rows: 2, tooltip: v }} style={{ margin: 0 }}>
          {v}
        </Typography.Paragraph>
      ),
    },
    {
      title: `${l(F.caseIds)} / ${l(F.supervisionOrderIds)}`,
      key: 'links',
      width: 190,
      render: (_, a) => (
        <Flex vertical gap={2}>
          {a.cases.map((c) => (
            <Link key={c.id} to={`/cases/${c.id}`} className="cc-mono">
              {c.number}
            </Link>
          ))}
          {a.supervisionOrders.map((o) => (
            <span key={o.id}>{o.number}</span>
          ))}
          {a.cases.length + a.supervisionOrders.length === 0 && '—'}
        </Flex>
      ),
    },
    { title: l(F.issuedByName), dataIndex: 'issuedByName', width: 110 },
  ];

  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" wrap gap={8}>
        <FilterBar
          value={filters}
          onChange={(f) => {
            setFilters(f);
            setPage((p) => ({ ...p, page: 1 }));
          }}
        />
        <Flex gap={8}>
          <DownloadButton
            onDownload={() => download('/api/exports/accountability.xlsx', { ...filters }, '问责登记.xlsx')}
            data-testid="export-accountability"
          >
            导出 Excel
          </DownloadButton>
          {WRITERS.includes(me.role ?? '') && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="new-accountability"
            >
              登记问责
            </Button>
          )}
        </Flex>
      </Flex>
      {list.isError && <QueryError error={list.error} onRetry={() => list.refetch()} />}
      {isMobile ? (
        <MobileList items={list.data?.items ?? []} loading={list.isFetching} />
      ) : (
        <Table<Accountability>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          scroll={{ x: 1200 }}
          rowClassName={(a) => (a.id === highlight ? 'ant-table-row-selected' : '')}
          locale={{ emptyText: '没有符合条件的问责记录。可在案件详情页“问责”，或点“登记问责”。' }}
          pagination={{
            current: page.page,
            pageSize: page.pageSize,
            total: list.data?.total ?? 0,
            showTotal: (n) => `共 ${n} 条`,
            onChange: (p, size) => setPage({ page: size === page.pageSize ? p : 1, pageSize: size }),
          }}
          data-testid="accountability-table"
        />
      )}
      <NewEntryModal open={creating} onClose={() => setCreating(false)} />
    </Flex>
  );
}
