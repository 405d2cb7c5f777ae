import { ExperimentOutlined, ImportOutlined, PlusOutlined } from '@ant-design/icons';
import {
  CAMPAIGN_TYPE_LABELS,
  CAMPAIGN_TYPES,
  type CampaignType,
  type Standard,
} from '@chuangcheng/contracts';
import { App, Button, Empty, Input, Select, Space, Table, type TableColumnsType, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { DeleteButton } from '../../../components/delete-button';
import { listPagination } from '../../../components/list-pagination';
import { ListToolbar } from '../../../components/list-toolbar';
import { PageHeader } from '../../../components/page-header';
import { QueryError } from '../../../components/query-error';
import { errorMessage, isApiError } from '../../../lib/api-client';
import { useI18n } from '../../../lib/i18n';
import { useListParams } from '../../../lib/list-params';
import { useIsMobile } from '../../../lib/responsive';
import { useDeleteStandard } from '../api/delete-standard';
import { useStandards } from '../api/list-standards';
import { useLoadSampleStandards } from '../api/load-samples';
import { useStandardsWritable } from '../hooks/use-standards-writable';
import { useMessages } from '../messages';
import { SampleTag } from './sample-tag';
import { StandardFormDrawer } from './standard-form-drawer';
import { StandardImportModal } from './standard-import-modal';
import { TYPE_COLORS } from './type-colors';

const FILTERS = ['type'] as const;

/** 考核标准: the standards of the installation, create / import / load the samples. */
export default function StandardsPage() {
  const { t, l, locale } = useI18n();
  // On a phone a fixed column would cover most of the row: the whole table scrolls instead.
  const isMobile = useIsMobile();
  const m = useMessages();
  const { message } = App.useApp();
  const list = useListParams(FILTERS);
  const standards = useStandards(list.query);
  const remove = useDeleteStandard();
  const samples = useLoadSampleStandards();
  const writable = useStandardsWritable();
  const [drawer, setDrawer] = useState<{ open: boolean; standard: Standard | null; key: number }>({
    open: false,
    standard: null,
    key: 0,
  });
  const [importOpen, setImportOpen] = useState(false);
  const openForm = (standard: Standard | null) =>
    setDrawer((d) => ({ open: true, standard, key: d.key + 1 }));

  const loadSamples = () =>
    samples.mutate(undefined, {
      onSuccess: ({ created }) =>
        created > 0 ? message.success(m('samplesLoaded', { n: created })) : message.info(m('samplesNone')),
      onError: (error) => message.error(errorMessage(error, locale)),
    });

  const columns: TableColumnsType<Standard> = [
    {
      title: t('common.name'),
      dataIndex: 'name',
      render: (name: string, s) => (
        <span style={{ whiteSpace: 'nowrap' }}>
          <Link to={`/standards/${s.id}`}>{name}</Link>
          {s.sample && <SampleTag />}
          <div className="cc-muted cc-mono" style={{ fontSize: 12 }}>
            {s.code}
          </div>
        </span>
      ),
    },
    {
      title: m('type'),
      dataIndex: 'type',
      width: 90,
      render: (type: CampaignType) => <Tag color={TYPE_COLORS[type]}>{l(CAMPAIGN_TYPE_LABELS[type])}</Tag>,
    },
    { title: m('version'), dataIndex: 'version', width: 70, render: (v: number) => `v${v}` },
    {
      title: m('thresholds'),
      key: 'thresholds',
      width: 150,
      render: (_, s) => (
        <span style={{ whiteSpace: 'nowrap' }}>
          {s.totalPoints} / {s.passScore} / {s.basicScore}
        </span>
      ),
    },
    { title: m('nodeCount'), dataIndex: 'nodeCount', width: 80, align: 'right' },
    {
      title: m('vetoCount'),
      dataIndex: 'vetoCount',
      width: 90,
      align: 'right',
      render: (n: number) => (n > 0 ? <Tag color="red">{n}</Tag> : 0),
    },
  ];
  if (writable) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 130,
      fixed: isMobile ? undefined : 'right',
      render: (_, s) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => openForm(s)}>
            {t('common.edit')}
          </Button>
          <DeleteButton
            name={s.name}
            onConfirm={() =>
              remove.mutateAsync(s.id).catch((error: unknown) => {
                throw isApiError(error, 'IN_USE') ? new Error(m('inUse')) : error;
              })
            }
          />
        </Space>
      ),
    });
  }

  const empty = standards.data && standards.data.total === 0 && !list.q && !list.filters.type;
  return (
    <>
      <PageHeader
        extra={
          writable && (
            <>
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => openForm(null)}
                data-testid="create-standard"
              >
                {m('create')}
              </Button>
              <Button
                icon={<ImportOutlined />}
                onClick={() => setImportOpen(true)}
                data-testid="import-standard"
              >
                {m('importExcel')}
              </Button>
              <Button
                icon={<ExperimentOutlined />}
                loading={samples.isPending}
                onClick={loadSamples}
                data-testid="load-sample-standards"
              >
                {m('loadSamples')}
              </Button>
            </>
          )
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
          <Select<CampaignType>
            allowClear
            placeholder={m('type')}
            value={list.filters.type as CampaignType | undefined}
            onChange={(type) => list.update({ type })}
            options={CAMPAIGN_TYPES.map((k) => ({ value: k, label: l(CAMPAIGN_TYPE_LABELS[k]) }))}
            style={{ minWidth: 140 }}
            data-testid="standard-type-filter"
          />
        }
      />
      {standards.isError && <QueryError error={standards.error} onRetry={() => standards.refetch()} />}
      <Table<Standard>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={standards.data?.items}
        loading={standards.isFetching}
        pagination={listPagination(list, standards.data?.total)}
        scroll={{ x: 'max-content' }}
        locale={empty ? { emptyText: <Empty description={m('emptyList')} /> } : undefined}
        data-testid="standards-table"
      />
      {writable && (
        <StandardFormDrawer
          key={drawer.key}
          open={drawer.open}
          standard={drawer.standard}
          onClose={() => setDrawer((d) => ({ ...d, open: false }))}
        />
      )}
      {writable && <StandardImportModal open={importOpen} onClose={() => setImportOpen(false)} />}
    </>
  );
}
