import {
  type AllowedAction,
  CASE_ACTION_LABELS,
  type CaseAction,
  type CaseDetail,
  type TransitionRequest,
} from '@chuangcheng/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, type ButtonProps, Form, Modal, Typography } from 'antd';
import { useState } from 'react';
import { accountabilityDetails } from '../../../components/accountability';
import { errorMessage, isApiError } from '../../../lib/api-client';
import { applyFieldErrors } from '../../../lib/form-errors';
import { useI18n } from '../../../lib/i18n';
import { useIsMobile } from '../../../lib/responsive';
import { useTransitionCase } from '../api/transition-case';
import {
  ACTION_CODE_FIELDS,
  ACTION_FIELDS,
  ActionFields,
  type ActionFormValues,
  initialActionValues,
} from './action-fields';

/** Actions that undo, refuse or blame: their confirm button is red. */
const DANGER_ACTIONS: ReadonlySet<CaseAction> = new Set([
  'void',
  'return',
  'verify_fail',
  'deny_extension',
  'deny_park',
  'deny_claim',
  'reject_self_handled',
  'record_accountability',
]);

export function isDangerAction(action: CaseAction): boolean {
  return DANGER_ACTIONS.has(action);
}

/** The action's name in the UI language (the server's label when the contracts have none). */
export function useActionLabel(): (action: AllowedAction) => string {
  const { l } = useI18n();
  return (a) => l(CASE_ACTION_LABELS[a.action]) || a.label;
}

function toRequest(detail: CaseDetail, action: AllowedAction, v: ActionFormValues): TransitionRequest {
  const { needs } = action;
  return {
    action: action.action,
    expectedVersion: detail.version,
    reason: needs.reason ? v.reason?.trim() || undefined : undefined,
    note: needs.note ? v.note?.trim() || undefined : undefined,
    photoIds: needs.afterPhotos ? (v.photoIds ?? []) : [],
    unitId: needs.unit ? (v.unitId ?? undefined) : undefined,
    coUnitIds: needs.unit && action.action === 'dispatch' ? (v.coUnitIds ?? []) : undefined,
    deadline: needs.deadline && v.deadline ? v.deadline.toISOString() : undefined,
    categoryId: needs.category ? (v.categoryId ?? undefined) : undefined,
    conditionId: needs.category ? (v.conditionId ?? undefined) : undefined,
    accountability:
      action.action === 'record_accountability' ? accountabilityDetails(v.accountability) : undefined,
  };
}

/**
 * One transition of a case: asks for exactly the inputs the server listed in `needs`, posts it with the
 * version the user saw, and reports the outcome. Used by the detail page and every work queue.
 */
export function ActionModal({
  detail,
  action,
  onClose,
}: {
  detail: CaseDetail;
  action: AllowedAction | null;
  onClose: () => void;
}) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const isMobile = useIsMobile();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<ActionFormValues>();
  const transition = useTransitionCase();
  const [formError, setFormError] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);
  const labelOf = useActionLabel();

  const close = () => {
    setFormError(null);
    setUploading(false);
    onClose();
  };

  const onError = (error: unknown) => {
    if (isApiError(error, 'CASE_CHANGED')) {
      // Someone acted first: what this user may do now is another question, asked again.
      message.warning(errorMessage(error, locale));
      void queryClient.invalidateQueries({ queryKey: ['cases'] });
      close();
      return;
    }
    if (!applyFieldErrors(form, error, ACTION_FIELDS, ACTION_CODE_FIELDS)) {
      setFormError(errorMessage(error, locale));
    }
  };

  const submit = async () => {
    if (!action) return;
    // Invalid fields are already marked on the form; nothing else to report.
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setFormError(null);
    transition.mutate(
      { id: detail.id, body: toRequest(detail, action, values) },
      {
        onSuccess: (updated) => {
          message.success(t('cases.actionDone', { action: labelOf(action), number: updated.number }));
          close();
        },
        onError,
      },
    );
  };

  const okButtonProps: ButtonProps & { 'data-testid': string } = {
    danger: action ? isDangerAction(action.action) : false,
    loading: transition.isPending,
    disabled: uploading,
    'data-testid': 'action-submit',
  };
  const hasInputs = action ? Object.values(action.needs).some(Boolean) : false;

  return (
    <Modal
      open={Boolean(action)}
      title={action ? `${labelOf(action)} · ${detail.number}` : ''}
      onCancel={close}
      onOk={submit}
      okText={action ? labelOf(action) : t('common.confirm')}
      cancelText={t('common.cancel')}
      okButtonProps={okButtonProps}
      destroyOnHidden
      width={isMobile ? '100%' : 560}
      className={isMobile ? 'cc-action-modal-mobile' : undefined}
      mask={{ closable: false }}
    >
      {formError && (
        <Alert
          type="error"
          showIcon
          title={formError}
          style={{ marginBottom: 16 }}
          data-testid="action-error"
        />
      )}
      {action && (
        <Form
          form={form}
          layout="vertical"
          initialValues={initialActionValues(detail, action)}
          autoComplete="off"
          data-testid="action-form"
        >
          {!hasInputs && <Typography.Paragraph>{t('cases.confirmAction')}</Typography.Paragraph>}
          <ActionFields detail={detail} action={action} onBusyChange={setUploading} />
        </Form>
      )}
    </Modal>
  );
}
