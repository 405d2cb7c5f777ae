import { SECURITY_EVENT_LABELS as L, type SecurityEvent } from '@chuangcheng/contracts';
import { Alert, Table, type TableColumnsType, Tag } from 'antd';
import { useState } from 'react';
import { QueryError } from '../../../components/query-error';
import { formatDateTime } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import { useSecurityEvents } from '../api/list-audit';

/** Access denials recorded by the server (one row per account or IP × route × minute). */
export function SecurityEventsTable() {
  const { l, locale } = useI18n();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const events = useSecurityEvents({ page: page.page, pageSize: page.pageSize });
  const columns: TableColumnsType<SecurityEvent> = [
    { title: l(L.lastAt), dataIndex: 'lastAt', width: 180, render: (v: string) => formatDateTime(v, locale) },
    {
      title: l(L.subject),
      key: 'subject',
      render: (_, e) =>
        e.username ?? (
          <span>
            <Tag>{l(L.anonymous)}</Tag>
            {e.ip ?? '—'}
          </span>
        ),
    },
    {
      title: l(L.route),
      key: 'route',
      render: (_, e) => (
        <span className="cc-mono">
          {e.method} {e.route}
        </span>
      ),
    },
    {
      title: l(L.status),
      dataIndex: 'status',
      width: 90,
      render: (v: number) => <Tag color={v === 401 ? 'orange' : 'red'}>{v}</Tag>,
    },
    { title: l(L.code), dataIndex: 'code', width: 200 },
    { title: l(L.count), dataIndex: 'count', width: 130, align: 'right' },
  ];
  return (
    <>
      <Alert type="info" showIcon message={l(L.hint)} style={{ marginBottom: 12 }} />
      {events.isError && <QueryError error={events.error} onRetry={() => events.refetch()} />}
      <Table<SecurityEvent>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={events.data?.items}
        loading={events.isFetching}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: events.data?.total ?? 0,
          onChange: (p, ps) => setPage({ page: p, pageSize: ps }),
        }}
        scroll={{ x: 900 }}
        data-testid="security-events-table"
      />
    </>
  );
}
