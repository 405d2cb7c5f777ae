import { useI18n } from '../../../lib/i18n';
import { QueueBoard, type QueueTab } from './queue-board';

/** 派遣台 (office): reports to file, cases to dispatch, units' returns, requests to approve, overdue cases. */
export default function DispatchBoardPage() {
  const { t } = useI18n();
  const tabs: QueueTab[] = [
    { key: 'to_file', label: t('cases.queue.to_file'), query: { queue: 'to_file' }, count: 'to_file' },
    {
      key: 'to_dispatch',
      label: t('cases.queue.to_dispatch'),
      query: { queue: 'to_dispatch' },
      count: 'to_dispatch',
    },
    // Returned cases are part of to_dispatch; this tab shows just them (the counts have no number of their own).
    { key: 'returned', label: t('cases.queue.returned'), query: { status: 'returned' } },
    { key: 'requests', label: t('cases.queue.requests'), query: { queue: 'requests' }, count: 'requests' },
    { key: 'claims', label: t('cases.queue.claims'), query: { queue: 'claims' }, count: 'claims' },
    { key: 'overdue', label: t('cases.queue.overdue'), query: { queue: 'overdue' }, count: 'overdue' },
  ];
  return <QueueBoard tabs={tabs} />;
}
