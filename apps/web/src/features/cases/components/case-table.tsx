import { CATEGORY_KIND_LABELS, type CasePriority, type CaseSummary } from '@chuangcheng/contracts';
import { Table, type TableColumnsType, type TablePaginationConfig, type TableProps, Tooltip } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { formatDateTime } from '../../../lib/format';
import { type I18n, useI18n } from '../../../lib/i18n';
import { LightDot } from './light-dot';
import { StageDeadline } from './stage-deadline';
import { PriorityTag, StatusTag, SupervisionTag } from './status-tag';

/** The list's sort values (GET /api/cases `sort`). */
export type CaseSort = 'createdAt' | '-createdAt' | 'stageDeadline' | '-stageDeadline';

const SORT_FIELDS = ['createdAt', 'stageDeadline'] as const;

function orderOf(sort: CaseSort | undefined, field: (typeof SORT_FIELDS)[number]) {
  const current = sort ?? '-createdAt';
  if (current === field) return 'ascend' as const;
  if (current === `-${field}`) return 'descend' as const;
  return null;
}

function baseColumns({ t, l, locale }: I18n, sort: CaseSort | undefined): TableColumnsType<CaseSummary> {
  return [
    {
      title: t('cases.number'),
      dataIndex: 'number',
      width: 140,
      fixed: 'left',
      render: (number: string, c) => (
        <Link to={`/cases/${c.id}`} className="cc-mono" data-testid="case-link">
          {number}
        </Link>
      ),
    },
    {
      title: t('cases.status'),
      dataIndex: 'status',
      width: 110,
      render: (_, c) => <StatusTag status={c.status} />,
    },
    {
      title: l({ zh: '优先级', en: 'Priority' }),
      dataIndex: 'priority',
      width: 80,
      render: (p: CasePriority) => <PriorityTag priority={p} />,
    },
    {
      title: t('cases.light'),
      dataIndex: 'light',
      width: 64,
      align: 'center',
      render: (_, c) => <LightDot light={c.light} />,
    },
    {
      title: t('cases.category'),
      key: 'category',
      width: 160,
      ellipsis: true,
      render: (_, c) => (
        <Tooltip title={`${l(CATEGORY_KIND_LABELS[c.category.kind])} · ${c.category.code}`}>
          {c.category.name}
        </Tooltip>
      ),
    },
    {
      title: t('cases.address'),
      key: 'address',
      width: 220,
      ellipsis: true,
      render: (_, c) => c.address || c.description,
    },
    {
      title: t('cases.leadUnit'),
      key: 'leadUnit',
      width: 150,
      ellipsis: true,
      render: (_, c) => c.leadUnit?.name ?? '—',
    },
    {
      title: t('cases.stageDeadline'),
      key: 'stageDeadline',
      width: 220,
      sorter: true,
      sortOrder: orderOf(sort, 'stageDeadline'),
      render: (_, c) => (
        <StageDeadline stage={c.stage} deadline={c.stageDeadline} estimated={c.deadlineEstimated} />
      ),
    },
    {
      title: t('cases.createdAt'),
      dataIndex: 'createdAt',
      key: 'createdAt',
      width: 170,
      sorter: true,
      sortOrder: orderOf(sort, 'createdAt'),
      render: (v: string) => formatDateTime(v, locale),
    },
  ];
}

function fullColumns(i18n: I18n, sort: CaseSort | undefined): TableColumnsType<CaseSummary> {
  const { t } = i18n;
  const columns = baseColumns(i18n, sort);
  // After 地址 (编号, 状态, 优先级, 亮灯, 类别, 地址).
  columns.splice(6, 0, {
    title: t('cases.grid'),
    key: 'grid',
    width: 150,
    ellipsis: true,
    render: (_, c) =>
      c.grid ? (
        <Tooltip title={c.grid.code}>{c.grid.name}</Tooltip>
      ) : (
        <span className="cc-muted">{t(c.lng === null ? 'cases.awaitingPlacing' : 'cases.outOfGrid')}</span>
      ),
  });
  columns.splice(columns.length - 1, 0, {
    title: t('cases.supervision'),
    dataIndex: 'supervisionLevel',
    width: 100,
    render: (level: number) => <SupervisionTag level={level} />,
  });
  columns.splice(columns.length - 1, 0, {
    title: t('cases.reworkCount'),
    dataIndex: 'reworkCount',
    width: 90,
    align: 'right',
    render: (n: number) => (n > 0 ? n : <span className="cc-muted">0</span>),
  });
  return columns;
}

interface CaseTableProps {
  data: CaseSummary[] | undefined;
  loading: boolean;
  pagination: TablePaginationConfig;
  /** 'compact': the work queues (fewer columns, an action column). */
  variant?: 'full' | 'compact';
  sort?: CaseSort;
  onSortChange?: (sort: CaseSort | undefined) => void;
  actions?: (c: CaseSummary) => ReactNode;
  testId?: string;
}

/** The case list as a table; it scrolls sideways on a phone rather than squeezing the columns. */
export function CaseTable({
  data,
  loading,
  pagination,
  variant = 'full',
  sort,
  onSortChange,
  actions,
  testId = 'cases-table',
}: CaseTableProps) {
  const i18n = useI18n();
  const columns = variant === 'full' ? fullColumns(i18n, sort) : baseColumns(i18n, sort);
  if (actions) {
    columns.push({
      title: i18n.t('common.actions'),
      key: 'actions',
      width: 100,
      fixed: 'right',
      render: (_, c) => actions(c),
    });
  }
  const onChange: TableProps<CaseSummary>['onChange'] = (_p, _f, sorter, extra) => {
    if (extra.action !== 'sort' || Array.isArray(sorter)) return;
    const field = sorter.columnKey as (typeof SORT_FIELDS)[number];
    if (!sorter.order) onSortChange?.(undefined);
    else onSortChange?.(`${sorter.order === 'descend' ? '-' : ''}${field}` as CaseSort);
  };
  return (
    <Table<CaseSummary>
      rowKey="id"
      size={variant === 'compact' ? 'small' : 'middle'}
      columns={columns}
      dataSource={data}
      loading={loading}
      pagination={pagination}
      onChange={onChange}
      scroll={{ x: 'max-content' }}
      data-testid={testId}
    />
  );
}
