import type { AllowedAction, CaseAction, CaseDetail, CaseSummary, Photo } from '@chuangcheng/contracts';
import { Button, Card, Flex, Image, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { errorMessage } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import { useCase } from '../api/get-case';
import { ActionModal, isDangerAction, useActionLabel } from './action-modal';
import { LightDot } from './light-dot';
import { PhotoFlags } from './photo-flags';
import { StatusTag } from './status-tag';

/** The verdicts a verifier gives here; whichever of them the server allows is shown. */
const VERDICTS: readonly CaseAction[] = [
  'verify_pass',
  'verify_fail',
  'confirm_self_handled',
  'reject_self_handled',
];

function Side({ label, photos }: { label: string; photos: Photo[] }) {
  const { t } = useI18n();
  const [first, ...rest] = photos;
  return (
    <div>
      <div className="cc-photo-label">
        {label}
        {rest.length > 0 && <span className="cc-muted"> +{rest.length}</span>}
      </div>
      {first ? (
        <Image
          src={first.thumbUrl}
          preview={{ src: first.url }}
          alt=""
          data-testid={`verify-${first.kind}`}
        />
      ) : (
        <div className="cc-verify-empty">{t('cases.noPhotos')}</div>
      )}
      <PhotoFlags photos={photos} />
      {/* The rest join the preview group so the viewer can page through them. */}
      <div hidden>
        {rest.map((p) => (
          <Image key={p.id} src={p.thumbUrl} preview={{ src: p.url }} alt="" />
        ))}
      </div>
    </div>
  );
}

/** The rectification as its unit reported it: the last 处置反馈. */
function lastFeedback(detail: CaseDetail) {
  return [...detail.events].reverse().find((e) => e.type === 'submit_feedback');
}

function VerifyBody({ detail }: { detail: CaseDetail }) {
  const { t, locale } = useI18n();
  const labelOf = useActionLabel();
  const [current, setCurrent] = useState<AllowedAction | null>(null);
  const feedback = lastFeedback(detail);
  const verdicts = detail.allowedActions.filter((a) => VERDICTS.includes(a.action));
  return (
    <>
      <Image.PreviewGroup>
        <div className="cc-verify-photos">
          <Side label={t('cases.beforePhotos')} photos={detail.photos.filter((p) => p.kind === 'before')} />
          <Side label={t('cases.afterPhotos')} photos={detail.photos.filter((p) => p.kind === 'after')} />
        </div>
      </Image.PreviewGroup>
      {feedback && (
        <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ margin: '8px 0 0' }}>
          {formatDateTime(feedback.at, locale)} · {feedback.unitName ?? feedback.actorName}
          {feedback.note ? `：${feedback.note}` : ''}
        </Typography.Paragraph>
      )}
      <Flex gap={8} wrap style={{ marginTop: 12 }}>
        {verdicts.length === 0 && <span className="cc-muted">{t('cases.noActions')}</span>}
        {verdicts.map((a) => (
          <Button
            key={a.action}
            type={isDangerAction(a.action) ? 'default' : 'primary'}
            danger={isDangerAction(a.action)}
            onClick={() => setCurrent(a)}
            data-testid={`action-${a.action}`}
          >
            {labelOf(a)}
          </Button>
        ))}
      </Flex>
      <ActionModal detail={detail} action={current} onClose={() => setCurrent(null)} />
    </>
  );
}

/** One case awaiting verification: before and after side by side, the unit's note, 通过 / 不通过. */
export function VerifyCard({ summary }: { summary: CaseSummary }) {
  const { locale } = useI18n();
  const detail = useCase(summary.id);
  return (
    <Card
      size="small"
      data-testid="verify-card"
      title={
        <Flex gap={8} align="center" wrap>
          <Link to={`/cases/${summary.id}`} className="cc-mono">
            {summary.number}
          </Link>
          <StatusTag status={summary.status} />
          <LightDot light={summary.light} />
        </Flex>
      }
      extra={<span className="cc-muted">{summary.leadUnit?.name}</span>}
    >
      <Typography.Paragraph ellipsis={{ rows: 1 }} style={{ marginBottom: 8 }}>
        <strong>{summary.category.name}</strong> · {summary.address || summary.description}
      </Typography.Paragraph>
      {detail.isPending && <Skeleton.Image active style={{ width: '100%', height: 140 }} />}
      {detail.isError && (
        <Typography.Text type="danger">{errorMessage(detail.error, locale)}</Typography.Text>
      )}
      {detail.data && <VerifyBody detail={detail.data} />}
    </Card>
  );
}
