import { CloudUploadOutlined, DeleteOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Popconfirm, Tag } from 'antd';
import { formatDateTime } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import { useOnline } from '../hooks/field-user';
import { FL, fill } from '../labels';
import { removeEntry, retryEntry } from '../outbox/outbox';
import type { OutboxEntry } from '../outbox/outbox-types';
import { useOutbox } from '../outbox/use-outbox';

function EntryRow({ entry }: { entry: OutboxEntry }) {
  const { l, locale } = useI18n();
  const uploaded = entry.photos.filter((p) => p.uploadedId).length;
  const failed = entry.status === 'failed';
  return (
    <li className="cc-field-outbox-entry" data-testid="outbox-entry" data-status={entry.status}>
      <div className="cc-field-outbox-head">
        <strong>{entry.report.categoryName}</strong>
        <Tag color={failed ? 'red' : 'orange'} style={{ marginInlineEnd: 0 }}>
          {failed ? l(FL.entryFailed) : l(FL.entryPending)}
        </Tag>
      </div>
      <div className="cc-field-outbox-desc">{entry.report.description}</div>
      <div className="cc-muted cc-field-outbox-meta">
        {formatDateTime(entry.createdAt, locale)}
        {entry.photos.length > 0 &&
          ` · ${fill(l(FL.entryUploaded), { done: uploaded, all: entry.photos.length })}`}
        {!failed &&
          entry.retryAt &&
          ` · ${fill(l(FL.entryRetryAt), { time: formatDateTime(entry.retryAt, locale).slice(-8) })}`}
      </div>
      {entry.lastError && (
        <div className={failed ? 'cc-field-error' : 'cc-muted'} data-testid="outbox-error">
          {entry.lastError}
        </div>
      )}
      <div className="cc-field-outbox-actions">
        {failed && (
          <Button size="small" icon={<ReloadOutlined />} onClick={() => void retryEntry(entry.id)}>
            {l(FL.retry)}
          </Button>
        )}
        <Popconfirm
          title={l(FL.removeConfirm)}
          okText={l(FL.remove)}
          okButtonProps={{ danger: true }}
          onConfirm={() => removeEntry(entry.id)}
        >
          <Button size="small" type="text" danger icon={<DeleteOutlined />}>
            {l(FL.remove)}
          </Button>
        </Popconfirm>
      </div>
    </li>
  );
}

/** 待发送 (n): the reports still on the phone, with 立即发送, and 重试 / 删除 per entry. */
export function OutboxPanel() {
  const { l } = useI18n();
  const online = useOnline();
  const { entries, flushing, sendNow, lastRun } = useOutbox();
  if (entries.length === 0) return null;
  const stoppedText =
    lastRun?.stopped === 'auth'
      ? l(FL.outboxLogin)
      : !online || lastRun?.stopped === 'offline'
        ? l(FL.outboxOffline)
        : null;
  return (
    <section className="cc-field-card cc-field-outbox" data-testid="outbox">
      <div className="cc-field-card-head">
        <span className="cc-field-card-title">{fill(l(FL.outboxCount), { n: entries.length })}</span>
        <Button
          type="primary"
          size="small"
          icon={<CloudUploadOutlined />}
          loading={flushing}
          disabled={!online}
          onClick={() => void sendNow(true)}
          data-testid="outbox-send"
        >
          {l(FL.sendNow)}
        </Button>
      </div>
      {stoppedText && <div className="cc-muted cc-field-outbox-note">{stoppedText}</div>}
      <ul className="cc-field-outbox-list">
        {entries.map((e) => (
          <EntryRow key={e.id} entry={e} />
        ))}
      </ul>
    </section>
  );
}
