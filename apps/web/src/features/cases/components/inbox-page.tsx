import { useI18n } from '../../../lib/i18n';
import { QueueBoard, type QueueTab } from './queue-board';

/** 本单位待办 (unit): cases to accept (签收/回退), cases in hand, and those already overdue. */
export default function InboxPage() {
  const { t } = useI18n();
  const tabs: QueueTab[] = [
    {
      key: 'to_accept',
      label: t('cases.queue.to_accept'),
      query: { queue: 'to_accept' },
      count: 'to_accept',
    },
    {
      key: 'to_dispose',
      label: t('cases.queue.to_dispose'),
      query: { queue: 'to_dispose' },
      count: 'to_dispose',
    },
    { key: 'overdue', label: t('cases.queue.overdue'), query: { queue: 'overdue' }, count: 'overdue' },
    // 主动认领: filed cases of the trades the unit supervises (行业主管), nobody has asked for yet.
    {
      key: 'claimable',
      label: t('cases.queue.claimable'),
      query: { queue: 'claimable' },
      count: 'claimable',
    },
  ];
  return <QueueBoard tabs={tabs} />;
}
