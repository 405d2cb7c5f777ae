import { PlusOutlined } from '@ant-design/icons';
import type { RoutingRule } from '@chuangcheng/contracts';
import { App, Button, Input, Space, Switch, Table, type TableColumnsType, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { DeleteButton } from '../../../components/delete-button';
import { listPagination } from '../../../components/list-pagination';
import { ListToolbar } from '../../../components/list-toolbar';
import { PageHeader } from '../../../components/page-header';
import { QueryError } from '../../../components/query-error';
import { errorMessage } from '../../../lib/api-client';
import { useI18n } from '../../../lib/i18n';
import { useListParams } from '../../../lib/list-params';
import { useDeleteRoutingRule } from '../api/delete-routing-rule';
import { useRoutingRules } from '../api/list-routing-rules';
import { useUpdateRoutingRule } from '../api/update-routing-rule';
import { useCatalogWritable } from '../hooks/use-catalog-writable';
import { RouteTestPanel } from './route-test-panel';
import { RoutingRuleFormDrawer, type RoutingRuleFormMode } from './routing-rule-form-drawer';
import { LimitsSummary, RuleMatch } from './rule-summary';

const FILTERS = [] as const;
const PRIORITY_STEP = 10;

function EnabledSwitch({ rule, writable }: { rule: RoutingRule; writable: boolean }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const update = useUpdateRoutingRule();
  return (
    <Switch
      size="small"
      checked={rule.enabled}
      disabled={!writable}
      loading={update.isPending}
      aria-label={t('routing.enabled')}
      onChange={(enabled) =>
        update.mutate(
          { id: rule.id, body: { enabled } },
          {
            onSuccess: () => message.success(enabled ? t('routing.enabledDone') : t('routing.disabledDone')),
            onError: (error) => message.error(errorMessage(error, locale)),
          },
        )
      }
    />
  );
}

function RulesTab({ writable, onEdit }: { writable: boolean; onEdit: (rule: RoutingRule) => void }) {
  const { t } = useI18n();
  const list = useListParams(FILTERS);
  const rules = useRoutingRules(list.query);
  const remove = useDeleteRoutingRule();
  // The server pages in priority order; sorting the page keeps it so if it ever does not.
  const items = [...(rules.data?.items ?? [])].sort((a, b) => a.priority - b.priority);

  const columns: TableColumnsType<RoutingRule> = [
    {
      title: t('routing.priority'),
      dataIndex: 'priority',
      width: 80,
      align: 'right',
      render: (n: number) => <span className="cc-mono">{n}</span>,
    },
    { title: t('routing.name'), dataIndex: 'name', width: 180 },
    { title: t('routing.match'), key: 'match', render: (_, rule) => <RuleMatch rule={rule} /> },
    {
      title: t('routing.leadUnit'),
      key: 'leadUnit',
      width: 160,
      render: (_, rule) => <Tag color="blue">{rule.leadUnit.name}</Tag>,
    },
    {
      title: t('routing.coUnits'),
      key: 'coUnits',
      width: 160,
      render: (_, rule) => (rule.coUnits.length ? rule.coUnits.map((u) => u.name).join('、') : '—'),
    },
    {
      title: t('routing.limits'),
      key: 'limits',
      render: (_, rule) => <LimitsSummary limits={rule.limits} />,
    },
    {
      title: t('routing.enabled'),
      key: 'enabled',
      width: 70,
      render: (_, rule) => <EnabledSwitch rule={rule} writable={writable} />,
    },
  ];
  if (writable) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 130,
      fixed: 'right',
      render: (_, rule) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => onEdit(rule)}>
            {t('common.edit')}
          </Button>
          <DeleteButton name={rule.name} onConfirm={() => remove.mutateAsync(rule.id)} />
        </Space>
      ),
    });
  }

  return (
    <>
      <ListToolbar
        search={
          <Input.Search
            key={list.q}
            defaultValue={list.q}
            allowClear
            placeholder={t('routing.searchPlaceholder')}
            onSearch={(q) => list.update({ q })}
            data-testid="list-search"
          />
        }
      />
      {rules.isError && <QueryError error={rules.error} onRetry={() => rules.refetch()} />}
      <Table<RoutingRule>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={items}
        loading={rules.isFetching}
        pagination={listPagination(list, rules.data?.total)}
        scroll={{ x: 'max-content' }}
        rowClassName={(rule) => (rule.enabled ? '' : 'cc-muted')}
        data-testid="routing-rules-table"
      />
    </>
  );
}

/** 派遣规则: the ordered rules that route a filed case, and a test bench for them. */
export default function RoutingRulesPage() {
  const { t } = useI18n();
  const writable = useCatalogWritable();
  const [tab, setTab] = useState('rules');
  // A new key per opening gives the drawer a fresh form.
  const [form, setForm] = useState<{ mode: RoutingRuleFormMode; key: number }>({ mode: null, key: 0 });
  const openForm = (mode: RoutingRule | 'new') => setForm((f) => ({ mode, key: f.key + 1 }));
  const firstPage = useRoutingRules({ page: 1, pageSize: 500 });
  const nextPriority = Math.max(0, ...(firstPage.data?.items ?? []).map((r) => r.priority)) + PRIORITY_STEP;

  return (
    <>
      <PageHeader
        extra={
          writable && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => openForm('new')}
              data-testid="create-rule"
            >
              {t('common.create')}
            </Button>
          )
        }
      />
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          {
            key: 'rules',
            label: t('routing.rules'),
            children: <RulesTab writable={writable} onEdit={openForm} />,
          },
          { key: 'test', label: t('routing.test'), children: <RouteTestPanel /> },
        ]}
      />
      {writable && (
        <RoutingRuleFormDrawer
          key={form.key}
          mode={form.mode}
          nextPriority={nextPriority}
          onClose={() => setForm((f) => ({ ...f, mode: null }))}
        />
      )}
    </>
  );
}
