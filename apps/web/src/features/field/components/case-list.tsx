import { Button, Empty, Skeleton } from 'antd';
import { QueryError } from '../../../components/query-error';
import { useI18n } from '../../../lib/i18n';
import { type FieldCaseQuery, useFieldCases } from '../api/cases';
import { FL, fill } from '../labels';
import { CaseCard } from './case-card';

/** A list of cases that loads more as asked (phones scroll, they do not page). */
export function CaseList({ query }: { query: FieldCaseQuery }) {
  const { l } = useI18n();
  const list = useFieldCases(query);
  // Started without a network and nothing cached: say so instead of loading forever.
  if (list.isPending && list.fetchStatus === 'paused') {
    return (
      <Empty description={l(FL.listOffline)} className="cc-field-empty" data-testid="field-list-offline" />
    );
  }
  if (list.isPending) return <Skeleton active paragraph={{ rows: 6 }} className="cc-field-card" />;
  if (list.isError) return <QueryError error={list.error} onRetry={() => list.refetch()} />;
  const items = list.data.pages.flatMap((p) => p.items);
  const total = list.data.pages[0]?.total ?? 0;
  if (items.length === 0) return <Empty description={l(FL.noCases)} className="cc-field-empty" />;
  return (
    <>
      <div className="cc-muted cc-field-count" data-testid="field-case-count">
        {fill(l(FL.countCases), { n: total })}
      </div>
      <ul className="cc-field-cases" data-testid="field-cases">
        {items.map((item) => (
          <CaseCard key={item.id} item={item} />
        ))}
      </ul>
      {list.hasNextPage && (
        <Button block onClick={() => list.fetchNextPage()} loading={list.isFetchingNextPage}>
          {l(FL.loadMore)}
        </Button>
      )}
    </>
  );
}
