import { ReloadOutlined } from '@ant-design/icons';
import type { CaseAction } from '@chuangcheng/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Input, Tabs } from 'antd';
import { listPagination } from '../../../components/list-pagination';
import { PageHeader } from '../../../components/page-header';
import { QueryError } from '../../../components/query-error';
import type { Query } from '../../../lib/api-client';
import { useI18n } from '../../../lib/i18n';
import { useListParams } from '../../../lib/list-params';
import { type CaseQueue, useCaseCounts } from '../api/case-counts';
import { useCases } from '../api/list-cases';
import { CaseTable } from './case-table';
import { QuickActions } from './quick-actions';
import './cases.css';

export interface QueueTab {
  key: string;
  label: string;
  /** The list query of the tab (a queue, or a status). */
  query: Query;
  /** Which number of GET /api/cases/counts belongs on the tab. */
  count?: CaseQueue;
  /** Quick actions offered on the rows (all allowed ones when absent). */
  only?: readonly CaseAction[];
}

const PARAMS = ['tab'] as const;

/** A work queue page: tabs with live counts, the most urgent case first, quick actions on each row. */
export function QueueBoard({ tabs }: { tabs: readonly QueueTab[] }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const list = useListParams(PARAMS);
  const counts = useCaseCounts();
  const active = tabs.find((tab) => tab.key === list.filters.tab) ?? tabs[0];
  const query: Query = {
    sort: 'stageDeadline',
    ...active?.query,
    page: list.page,
    pageSize: list.pageSize,
    q: list.q,
  };
  const cases = useCases(query);

  const items = tabs.map((tab) => ({
    key: tab.key,
    label: (
      <span data-testid={`queue-tab-${tab.key}`}>
        {tab.label}
        {tab.count && (
          <Badge
            count={counts.data?.[tab.count] ?? 0}
            showZero
            overflowCount={999}
            color={tab.count === 'overdue' ? '#f5222d' : '#1f5fbf'}
            style={{ marginInlineStart: 6 }}
          />
        )}
      </span>
    ),
  }));

  return (
    <>
      <PageHeader
        extra={
          <Button
            icon={<ReloadOutlined />}
            loading={cases.isFetching || counts.isFetching}
            onClick={() => queryClient.invalidateQueries({ queryKey: ['cases'] })}
          >
            {t('common.refresh')}
          </Button>
        }
      />
      <Tabs
        className="cc-queue-tabs"
        activeKey={active?.key}
        items={items}
        onChange={(tab) => list.update({ tab: tab === tabs[0]?.key ? undefined : tab, q: undefined })}
      />
      <div className="cc-toolbar">
        <Input.Search
          key={`${active?.key}:${list.q}`}
          defaultValue={list.q}
          allowClear
          placeholder={t('cases.searchPlaceholder')}
          onSearch={(q) => list.update({ q })}
          data-testid="list-search"
        />
      </div>
      {cases.isError && <QueryError error={cases.error} onRetry={() => cases.refetch()} />}
      <CaseTable
        variant="compact"
        data={cases.data?.items}
        loading={cases.isFetching}
        pagination={listPagination(list, cases.data?.total)}
        actions={(c) => <QuickActions caseId={c.id} only={active?.only} />}
        testId="queue-table"
      />
    </>
  );
}
