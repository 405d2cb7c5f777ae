import { AUDIT_ACTION_LABELS, type AuditEntry, SECURITY_EVENT_LABELS } from '@chuangcheng/contracts';
import {
  AutoComplete,
  Button,
  Col,
  Descriptions,
  Input,
  Row,
  Select,
  Table,
  type TableColumnsType,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { JsonView } from '../../../components/json-view';
import { listPagination } from '../../../components/list-pagination';
import { ListToolbar } from '../../../components/list-toolbar';
import { PageHeader } from '../../../components/page-header';
import { QueryError } from '../../../components/query-error';
import { formatDateTime } from '../../../lib/format';
import { type MessageKey, useI18n } from '../../../lib/i18n';
import { useListParams } from '../../../lib/list-params';
import { useAudit } from '../api/list-audit';
import { SecurityEventsTable } from './security-events-table';

const FILTERS = ['action', 'entityType'] as const;
// seq is numbered per city, so it alone does not identify an entry across cities.
const rowKey = (e: AuditEntry) => `${e.seq}|${e.at}|${e.action}|${e.entityId ?? ''}`;
const ENTITY_TYPES = ['user', 'region', 'unit', 'person', 'block', 'grid'] as const;

function actionColor(action: string): string {
  if (action.startsWith('auth.login_failed') || action === 'auth.locked' || action === 'delete') return 'red';
  if (action.startsWith('auth.')) return 'default';
  if (action === 'create' || action === 'import') return 'green';
  return 'blue';
}

function AuditDetail({ entry }: { entry: AuditEntry }) {
  const { t } = useI18n();
  return (
    <>
      <Descriptions size="small" column={{ xs: 1, md: 4 }} style={{ marginBottom: 8 }}>
        <Descriptions.Item label="#">{entry.seq}</Descriptions.Item>
        <Descriptions.Item label={t('audit.entityId')}>
          <span className="cc-mono">{entry.entityId ?? '—'}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('audit.requestId')}>
          <span className="cc-mono">{entry.requestId ?? '—'}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('audit.ip')}>{entry.ip ?? '—'}</Descriptions.Item>
      </Descriptions>
      {(entry.before !== null || entry.after !== null) && (
        <Row gutter={[12, 8]}>
          <Col xs={24} md={12}>
            <Typography.Text type="secondary">{t('audit.before')}</Typography.Text>
            <JsonView value={entry.before} />
          </Col>
          <Col xs={24} md={12}>
            <Typography.Text type="secondary">{t('audit.after')}</Typography.Text>
            <JsonView value={entry.after} />
          </Col>
        </Row>
      )}
    </>
  );
}

export default function AuditPage() {
  const { t, l, locale } = useI18n();
  const list = useListParams(FILTERS);
  const audit = useAudit(list.query);
  const entityLabel = (type: string) =>
    (ENTITY_TYPES as readonly string[]).includes(type) ? t(`audit.entity.${type}` as MessageKey) : type;

  const columns: TableColumnsType<AuditEntry> = [
    { title: t('audit.at'), dataIndex: 'at', width: 180, render: (v: string) => formatDateTime(v, locale) },
    {
      title: t('audit.actor'),
      dataIndex: 'actorName',
      render: (v: string | null) => v ?? <span className="cc-muted">{t('audit.system')}</span>,
    },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      render: (action: string) => (
        <Tag color={actionColor(action)}>
          {AUDIT_ACTION_LABELS[action] ? l(AUDIT_ACTION_LABELS[action]) : action}
        </Tag>
      ),
    },
    {
      title: t('audit.entityType'),
      dataIndex: 'entityType',
      width: 120,
      render: (v: string) => entityLabel(v),
    },
    { title: t('audit.ip'), dataIndex: 'ip', width: 140, render: (v: string | null) => v ?? '—' },
  ];

  const log = (
    <>
      <ListToolbar
        activeFilters={Object.keys(list.filters).length}
        filters={
          <>
            <Select<string>
              allowClear
              placeholder={t('audit.action')}
              value={list.filters.action}
              onChange={(action) => list.update({ action })}
              options={Object.entries(AUDIT_ACTION_LABELS).map(([value, label]) => ({
                value,
                label: l(label),
              }))}
              style={{ minWidth: 160 }}
            />
            <AutoComplete
              key={list.filters.entityType ?? ''}
              defaultValue={list.filters.entityType}
              options={ENTITY_TYPES.map((value) => ({ value, label: entityLabel(value) }))}
              onSelect={(entityType: string) => list.update({ entityType })}
              style={{ minWidth: 200 }}
            >
              <Input.Search
                placeholder={t('audit.entityType')}
                allowClear
                onSearch={(entityType) => list.update({ entityType })}
              />
            </AutoComplete>
            {(list.filters.action || list.filters.entityType) && (
              <Button onClick={() => list.update({ action: null, entityType: null })}>
                {t('common.reset')}
              </Button>
            )}
          </>
        }
      />
      {audit.isError && <QueryError error={audit.error} onRetry={() => audit.refetch()} />}
      <Table<AuditEntry>
        rowKey={rowKey}
        size="middle"
        columns={columns}
        dataSource={audit.data?.items}
        loading={audit.isFetching}
        pagination={listPagination(list, audit.data?.total)}
        expandable={{ expandedRowRender: (entry) => <AuditDetail entry={entry} /> }}
        // A fixed layout: long before/after JSON must wrap inside the row, not widen the table.
        tableLayout="fixed"
        scroll={{ x: 960 }}
        data-testid="audit-table"
      />
    </>
  );

  return (
    <>
      <PageHeader />
      <Tabs
        items={[
          { key: 'log', label: l(SECURITY_EVENT_LABELS.auditTab), children: log },
          { key: 'security', label: l(SECURITY_EVENT_LABELS.tab), children: <SecurityEventsTable /> },
        ]}
      />
    </>
  );
}
