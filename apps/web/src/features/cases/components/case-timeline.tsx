import {
  CASE_ACTION_LABELS,
  type CaseAction,
  type CaseDetail,
  type CaseEvent,
  type Label,
  SYSTEM_EVENT_LABELS,
  type SystemEvent,
} from '@chuangcheng/contracts';
import { Empty, Timeline, type TimelineItemProps } from 'antd';
import { formatDateTime } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import { EventPhotos } from './case-photos';

const EVENT_LABELS: Record<string, Label> = { ...CASE_ACTION_LABELS, ...SYSTEM_EVENT_LABELS };

const COLORS: Partial<Record<CaseAction | SystemEvent, string>> = {
  verify_pass: 'green',
  confirm_self_handled: 'green',
  verify_fail: 'red',
  return: 'red',
  overdue: 'red',
  void: 'gray',
  supervise: 'orange',
  supervise_listed: 'red',
  auto_supervise: 'orange',
};

/** 流转记录: who did what, when, from which unit, with the note and the photos of each step. */
export function CaseTimeline({ detail }: { detail: CaseDetail }) {
  const { t, l, locale } = useI18n();
  const photosById = new Map(detail.photos.map((p) => [p.id, p]));
  if (detail.events.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />;

  const toItem = (e: CaseEvent): TimelineItemProps => {
    const known = EVENT_LABELS[e.type];
    const photos = e.photoIds.flatMap((id) => {
      const p = photosById.get(id);
      return p ? [p] : [];
    });
    return {
      key: e.id,
      color: COLORS[e.type as CaseAction] ?? 'blue',
      content: (
        <div data-testid="case-event">
          <strong>{known ? l(known) : e.label}</strong>
          <div className="cc-event-meta">
            {formatDateTime(e.at, locale)} · {e.actorName || t('cases.system')}
            {e.unitName ? ` · ${e.unitName}` : ''}
          </div>
          {e.note && <div className="cc-event-note">{e.note}</div>}
          <EventPhotos photos={photos} />
        </div>
      ),
    };
  };

  return <Timeline items={detail.events.map(toItem)} />;
}
