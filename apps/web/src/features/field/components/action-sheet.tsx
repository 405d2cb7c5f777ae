import {
  type AllowedAction,
  CASE_ACTION_LABELS,
  type CaseAction,
  type CaseDetail,
  type TransitionRequest,
} from '@chuangcheng/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Drawer, Input, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { errorMessage, isApiError } from '../../../lib/api-client';
import { useI18n } from '../../../lib/i18n';
import { useTransition } from '../api/cases';
import { uploadFieldPhoto } from '../api/upload-photo';
import { usePosition } from '../hooks/use-position';
import { FL, fill } from '../labels';
import { type LocalPhoto, PhotoCapture } from './photo-capture';

/** Refusals and rework: their button is red. */
const DANGER: ReadonlySet<CaseAction> = new Set([
  'void',
  'return',
  'verify_fail',
  'deny_extension',
  'deny_park',
]);

export function isDanger(action: CaseAction): boolean {
  return DANGER.has(action);
}

/** Inputs the phone form does not offer (a unit, a deadline, a class): those actions go to the console. */
export function needsDesktop(action: AllowedAction): boolean {
  return action.needs.unit || action.needs.deadline || action.needs.category;
}

export function useActionLabel(): (a: AllowedAction) => string {
  const { l } = useI18n();
  return (a) => l(CASE_ACTION_LABELS[a.action]) || a.label;
}

/** The form of one action: exactly the inputs `needs` lists (reason, note, after-photos). */
function ActionForm({
  detail,
  action,
  onDone,
}: {
  detail: CaseDetail;
  action: AllowedAction;
  onDone: () => void;
}) {
  const { l, locale } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const labelOf = useActionLabel();
  const transition = useTransition();
  const position = usePosition();
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const [photos, setPhotos] = useState<LocalPhoto[]>([]);
  const [uploading, setUploading] = useState(false);
  const [shown, setShown] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { needs } = action;
  const label = labelOf(action);
  // The sheet is destroyed when closed: its photo previews go with it.
  const latest = useRef(photos);
  latest.current = photos;
  useEffect(
    () => () => {
      for (const p of latest.current) URL.revokeObjectURL(p.url);
    },
    [],
  );

  const reasonMissing = needs.reason && !reason.trim();
  const photosMissing = needs.afterPhotos && photos.length === 0;

  const submit = async () => {
    setShown(true);
    if (reasonMissing || photosMissing) return;
    setError(null);
    try {
      setUploading(true);
      const photoIds: string[] = [];
      for (const p of photos) photoIds.push((await uploadFieldPhoto(p)).id);
      setUploading(false);
      const body: TransitionRequest = {
        action: action.action,
        expectedVersion: detail.version,
        reason: needs.reason ? reason.trim() : undefined,
        note: needs.note ? note.trim() || undefined : undefined,
        photoIds,
      };
      await transition.mutateAsync({ id: detail.id, body });
      message.success(fill(l(FL.actionDone), { number: detail.number, action: label }));
      onDone();
    } catch (e) {
      setUploading(false);
      if (isApiError(e, 'CASE_CHANGED')) {
        message.warning(l(FL.caseChanged));
        await queryClient.invalidateQueries({ queryKey: ['cases', 'detail', detail.id] });
        onDone();
        return;
      }
      setError(errorMessage(e, locale));
    }
  };

  if (needsDesktop(action)) {
    return (
      <div className="cc-field-sheet-body">
        <Typography.Paragraph>{l(FL.onDesktop)}</Typography.Paragraph>
        <Link to={`/cases/${detail.id}`}>
          <Button block>{l(FL.openOnDesktop)}</Button>
        </Link>
      </div>
    );
  }

  const nothingToAsk = !needs.reason && !needs.note && !needs.afterPhotos;
  return (
    <div className="cc-field-sheet-body" data-testid="field-action-form">
      {error && <Alert type="error" showIcon title={error} data-testid="field-action-error" />}
      {nothingToAsk && <Typography.Paragraph>{fill(l(FL.confirm), { action: label })}</Typography.Paragraph>}
      {needs.afterPhotos && (
        <div>
          <div className="cc-field-card-title">{l(FL.afterPhotos)}</div>
          <PhotoCapture
            kind="after"
            value={photos}
            onChange={setPhotos}
            fixNow={position.fixNow}
            testId="action-photos"
          />
          {shown && photosMissing && <div className="cc-field-error">{l(FL.afterPhotoRequired)}</div>}
        </div>
      )}
      {needs.reason && (
        <div>
          <label className="cc-field-card-title" htmlFor="field-action-reason">
            {l(FL.reason)}
          </label>
          <Input.TextArea
            id="field-action-reason"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            autoSize={{ minRows: 3, maxRows: 6 }}
            maxLength={2000}
            status={shown && reasonMissing ? 'error' : undefined}
            data-testid="action-reason"
          />
          {shown && reasonMissing && <div className="cc-field-error">{l(FL.reasonRequired)}</div>}
        </div>
      )}
      {needs.note && (
        <div>
          <label className="cc-field-card-title" htmlFor="field-action-note">
            {l(FL.note)}
          </label>
          <Input.TextArea
            id="field-action-note"
            value={note}
            onChange={(e) => setNote(e.target.value)}
            autoSize={{ minRows: 2, maxRows: 5 }}
            maxLength={2000}
            data-testid="action-note"
          />
        </div>
      )}
      <Button
        type="primary"
        danger={isDanger(action.action)}
        size="large"
        block
        loading={uploading || transition.isPending}
        onClick={() => void submit()}
        data-testid="field-action-submit"
      >
        {label}
      </Button>
    </div>
  );
}

/** A bottom sheet with the form of the tapped action. */
export function ActionSheet({
  detail,
  action,
  onClose,
}: {
  detail: CaseDetail;
  action: AllowedAction | null;
  onClose: () => void;
}) {
  const labelOf = useActionLabel();
  return (
    <Drawer
      placement="bottom"
      size="auto"
      open={Boolean(action)}
      onClose={onClose}
      title={action ? `${labelOf(action)} · ${detail.number}` : ''}
      destroyOnHidden
      className="cc-field-sheet cc-field-sheet-auto"
      styles={{ body: { padding: 0 } }}
    >
      {action && <ActionForm detail={detail} action={action} onDone={onClose} />}
    </Drawer>
  );
}
