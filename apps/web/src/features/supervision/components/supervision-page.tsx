import { PlusOutlined } from '@ant-design/icons';
import {
  SUPERVISION_ORDER_STATE_LABELS,
  SUPERVISION_ORDER_STATES,
  type SupervisionOrderSummary,
} from '@chuangcheng/contracts';
import { Button, Card, DatePicker, Flex, Select, Switch, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { DownloadButton } from '../../../components/download-button';
import { PageHeader } from '../../../components/page-header';
import { UnitSelect } from '../../../components/pickers/entity-pickers';
import { formatDateTime } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import { useIsMobile } from '../../../lib/responsive';
import { useMe } from '../../../lib/session';
import { exportOrders, type OrderFilters, useOrders } from '../api/supervision';
import { IssueModal } from './issue-modal';
import { LevelTag, StateTag } from './supervision-labels';

/** 督办单登记簿: every issued order in scope, filtered by state, unit, level, period and missed 限期. */
export default function SupervisionPage() {
  const { t, l, locale } = useI18n();
  const isMobile = useIsMobile();
  const me = useMe();
  const [filters, setFilters] = useState<OrderFilters>({});
  const [page, setPage] = useState(1);
  const [issuing, setIssuing] = useState(false);
  const { data, isFetching } = useOrders({ ...filters, page, pageSize: 20 });
  const set = (f: Partial<OrderFilters>) => {
    setFilters((x) => ({ ...x, ...f }));
    setPage(1);
  };
  const canIssue = ['office', 'leader'].includes(me.role);
  const columns = [
    {
      title: t('supervision.number'),
      dataIndex: 'number',
      render: (n: string, o: SupervisionOrderSummary) => (
        <Link to={`/supervision/${o.id}`} className="cc-mono">
          {n}
        </Link>
      ),
    },
    { title: t('supervision.level'), dataIndex: 'level', render: (v: number) => <LevelTag level={v} /> },
    {
      title: t('supervision.state'),
      dataIndex: 'state',
      render: (v: SupervisionOrderSummary['state']) => <StateTag state={v} />,
    },
    { title: t('supervision.unit'), render: (_: unknown, o: SupervisionOrderSummary) => o.unit?.name ?? '—' },
    {
      title: t('supervision.lines'),
      render: (_: unknown, o: SupervisionOrderSummary) => (
        <Typography.Text ellipsis style={{ maxWidth: 260 }}>
          {o.lineCount > 1 ? `${o.lineCount}项：` : ''}
          {o.firstLine ?? '—'}
        </Typography.Text>
      ),
    },
    {
      title: t('supervision.deadline'),
      dataIndex: 'deadline',
      render: (v: string | null, o: SupervisionOrderSummary) => (
        <Typography.Text type={o.overdue ? 'danger' : undefined}>
          {formatDateTime(v, locale)}
          {o.overdue ? `（${t('supervision.overdue')}）` : ''}
        </Typography.Text>
      ),
    },
    {
      title: t('supervision.issuedAt'),
      dataIndex: 'issuedAt',
      render: (v: string) => formatDateTime(v, locale),
    },
  ];
  return (
    <>
      <PageHeader
        extra={
          <Flex gap={8} wrap>
            {canIssue && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setIssuing(true)}>
                {t('supervision.issue')}
              </Button>
            )}
            <DownloadButton onDownload={() => exportOrders(filters)}>{t('common.export')}</DownloadButton>
          </Flex>
        }
      />
      <Card size="small">
        <Flex gap={8} wrap style={{ marginBottom: 12 }}>
          <Select
            allowClear
            placeholder={t('supervision.state')}
            style={{ width: 120 }}
            value={filters.state}
            onChange={(v) => set({ state: v })}
            options={SUPERVISION_ORDER_STATES.map((s) => ({
              value: s,
              label: l(SUPERVISION_ORDER_STATE_LABELS[s]),
            }))}
            data-testid="filter-state"
          />
          <Select
            allowClear
            placeholder={t('supervision.level')}
            style={{ width: 120 }}
            value={filters.level}
            onChange={(v) => set({ level: v })}
            options={[
              { value: '1', label: '督办' },
              { value: '2', label: '挂牌督办' },
            ]}
          />
          <UnitSelect
            allowClear
            placeholder={t('supervision.unit')}
            style={{ width: 180 }}
            value={filters.unitId}
            onChange={(v) => set({ unitId: v ?? undefined })}
          />
          <DatePicker.RangePicker
            style={{ width: isMobile ? '100%' : 260 }}
            onChange={(r) =>
              set({
                from: r?.[0]?.format('YYYY-MM-DD') ?? undefined,
                to: r?.[1]?.format('YYYY-MM-DD') ?? undefined,
              })
            }
          />
          <Flex align="center" gap={4}>
            <Switch
              size="small"
              checked={filters.overdue === 'true'}
              onChange={(v) => set({ overdue: v ? 'true' : undefined })}
            />
            {t('supervision.overdueOnly')}
          </Flex>
        </Flex>
        <Table
          rowKey="id"
          size="small"
          loading={isFetching}
          dataSource={data?.items ?? []}
          columns={columns}
          scroll={{ x: 900 }}
          pagination={{ current: page, pageSize: 20, total: data?.total ?? 0, onChange: setPage }}
        />
      </Card>
      <IssueModal open={issuing} onClose={() => setIssuing(false)} />
    </>
  );
}
