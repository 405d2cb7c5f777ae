import {
  type AllowedAction,
  CASE_STATUS_LABELS,
  type CaseDetail,
  LIGHT_LABELS,
  type Photo,
} from '@chuangcheng/contracts';
import { Button, Image, Skeleton, Tag } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { DeadlineEstimatedTag } from '../../../components/deadline-estimated-tag';
import { QueryError } from '../../../components/query-error';
import { formatDateTime } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import { useFieldCase } from '../api/cases';
import { FL, lightColor, STATUS_COLORS } from '../labels';
import { ActionSheet, isDanger, useActionLabel } from './action-sheet';
import './field.css';

function Photos({ title, photos, kind }: { title: string; photos: Photo[]; kind: string }) {
  if (photos.length === 0) return null;
  return (
    <div className="cc-field-case-photos">
      <div className="cc-muted">{`${title}（${photos.length}）`}</div>
      <div className="cc-field-photo-strip">
        {photos.map((p) => (
          <Image
            key={p.id}
            src={p.thumbUrl}
            preview={{ src: p.url }}
            width={88}
            height={88}
            alt=""
            data-testid={`field-photo-${kind}`}
          />
        ))}
      </div>
    </div>
  );
}

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="cc-field-row">
      <span className="cc-field-row-label">{label}</span>
      <span className="cc-field-row-value">{children}</span>
    </div>
  );
}

function Body({ detail }: { detail: CaseDetail }) {
  const { l, locale } = useI18n();
  const labelOf = useActionLabel();
  const [current, setCurrent] = useState<AllowedAction | null>(null);
  const place = [detail.district?.name, detail.street?.name, detail.community?.name]
    .filter(Boolean)
    .join(' / ');
  // 备注 is always allowed and rarely what the worker came for: it goes last.
  const actions = [...detail.allowedActions].sort(
    (a, b) => Number(a.action === 'comment') - Number(b.action === 'comment'),
  );
  const primary = actions.find((a) => !isDanger(a.action) && a.action !== 'comment');

  return (
    <>
      <section className="cc-field-card">
        <div className="cc-field-case-head">
          <span
            className="cc-field-light"
            style={{ background: lightColor(detail.light) }}
            title={detail.light ? l(LIGHT_LABELS[detail.light]) : undefined}
          />
          <span className="cc-mono cc-field-case-number" data-testid="field-case-number">
            {detail.number}
          </span>
          <Tag
            color={STATUS_COLORS[detail.status]}
            style={{ marginInlineEnd: 0 }}
            data-testid="field-case-status"
          >
            {l(CASE_STATUS_LABELS[detail.status])}
          </Tag>
        </div>
        <div className="cc-field-case-category">{detail.category.name}</div>
        <p className="cc-field-case-text">{detail.description}</p>
        {/* Before and after side by side: the check on site is a comparison. */}
        <div className="cc-field-photo-groups">
          <Image.PreviewGroup>
            <Photos
              title={l(FL.before)}
              photos={detail.photos.filter((p) => p.kind !== 'after')}
              kind="before"
            />
            <Photos
              title={l(FL.after)}
              photos={detail.photos.filter((p) => p.kind === 'after')}
              kind="after"
            />
          </Image.PreviewGroup>
        </div>
      </section>

      <section className="cc-field-card">
        <div className="cc-field-card-title">{l(FL.caseInfo)}</div>
        <Row label={l(FL.address)}>{detail.address || place || '—'}</Row>
        <Row label={l(FL.grid)}>{detail.grid ? `${detail.grid.name}（${detail.grid.code}）` : '—'}</Row>
        <Row label={l(FL.leadUnit)}>{detail.leadUnit?.name ?? '—'}</Row>
        <Row label={l(FL.deadline)}>
          {formatDateTime(detail.stageDeadline, locale)}
          {detail.stageDeadline && detail.deadlineEstimated && <DeadlineEstimatedTag />}
        </Row>
        <Row label={l(FL.reportedAt)}>{formatDateTime(detail.createdAt, locale)}</Row>
      </section>

      <section className="cc-field-card">
        <div className="cc-field-card-title">{l(FL.timeline)}</div>
        <ol className="cc-field-timeline">
          {[...detail.events].reverse().map((e) => (
            <li key={e.id}>
              <div>
                <strong>{e.label}</strong> <span className="cc-muted">{e.actorName}</span>
              </div>
              {e.note && <div className="cc-field-timeline-note">{e.note}</div>}
              <div className="cc-muted cc-field-timeline-time">{formatDateTime(e.at, locale)}</div>
            </li>
          ))}
        </ol>
      </section>

      <div className="cc-field-actions" data-testid="field-actions">
        {actions.length === 0 ? (
          <span className="cc-muted">{l(FL.noActions)}</span>
        ) : (
          actions.map((a) => (
            <Button
              key={a.action}
              type={a === primary ? 'primary' : 'default'}
              danger={isDanger(a.action)}
              onClick={() => setCurrent(a)}
              data-testid={`field-action-${a.action}`}
            >
              {labelOf(a)}
            </Button>
          ))
        )}
      </div>
      <ActionSheet detail={detail} action={current} onClose={() => setCurrent(null)} />
    </>
  );
}

/** A case on the phone: what and where, its photos and history, and the buttons the server allows. */
export default function FieldCasePage() {
  const { id = '' } = useParams();
  const detail = useFieldCase(id);
  return (
    <div className="cc-field-page cc-field-case-page">
      {detail.isPending && <Skeleton active paragraph={{ rows: 8 }} className="cc-field-card" />}
      {detail.isError && <QueryError error={detail.error} onRetry={() => detail.refetch()} />}
      {detail.data && <Body detail={detail.data} />}
    </div>
  );
}
